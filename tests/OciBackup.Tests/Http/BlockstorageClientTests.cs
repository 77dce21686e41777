using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Http
{
    /// <summary>The block storage operations of the nightly job, as they go on the wire and as they come back, over a fake network.</summary>
    public sealed class BlockstorageClientTests
    {
        private const string Compartment = "ocid1.compartment.oc1..c";

        [Fact]
        public async Task Listing_all_backups_sends_every_filter_and_follows_opc_next_page_to_the_end()
        {
            var handler = new CapturingHandler(request => request.Uri.Query.Contains("page=")
                ? CapturingHandler.Json(HttpStatusCode.OK, @"[{""id"":""b3"",""lifecycleState"":""AVAILABLE""}]")
                : CapturingHandler.Json(HttpStatusCode.OK, @"[{""id"":""b1""},{""id"":""b2""}]", ("opc-next-page", "AAA+/=")));
            using var session = TestSessions.Over(handler);
            var filter = new BackupFilter(Compartment)
            {
                SourceId = "ocid1.volume.oc1..v",
                DisplayName = "nightly 2026-11-23",
                LifecycleState = "AVAILABLE",
                CopiedFromId = "ocid1.volumebackup.oc1.phx.src",
                SortBy = "TIMECREATED",
                SortOrder = "ASC",
            };

            var all = await BackupKind.Volume.ListAsync(session.Blockstorage, filter, default);

            Assert.Equal(new[] { "b1", "b2", "b3" }, all.Select(b => b.Id));
            Assert.All(all, b => Assert.Equal("us-ashburn-1", b.Region));
            var requests = handler.Requests.ToArray();
            Assert.Equal(2, requests.Length);
            Assert.Equal(
                "/20160918/volumeBackups?compartmentId=ocid1.compartment.oc1..c&volumeId=ocid1.volume.oc1..v&limit=1000&displayName=nightly%202026-11-23"
                + "&sourceVolumeBackupId=ocid1.volumebackup.oc1.phx.src&sortBy=TIMECREATED&sortOrder=ASC&lifecycleState=AVAILABLE",
                requests[0].Uri.PathAndQuery);
            Assert.Contains("&page=AAA%2B%2F%3D&", requests[1].Uri.PathAndQuery);
        }

        [Fact]
        public async Task Group_backups_are_filtered_by_state_and_origin_here_since_the_service_cannot()
        {
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK,
                @"[{""id"":""g1"",""lifecycleState"":""AVAILABLE"",""sourceVolumeGroupBackupId"":""src""},
                   {""id"":""g2"",""lifecycleState"":""FAULTY"",""sourceVolumeGroupBackupId"":""src""},
                   {""id"":""g3"",""lifecycleState"":""AVAILABLE""}]"));
            using var session = TestSessions.Over(handler);

            var copies = await BackupKind.VolumeGroup.ListAsync(session.Blockstorage, new BackupFilter(Compartment) { SourceId = "ocid1.volumegroup.oc1..g", LifecycleState = "available", CopiedFromId = "src" }, default);

            Assert.Equal(new[] { "g1" }, copies.Select(b => b.Id));
            Assert.Equal("/20160918/volumeGroupBackups?compartmentId=ocid1.compartment.oc1..c&volumeGroupId=ocid1.volumegroup.oc1..g&limit=1000", handler.Single.Uri.PathAndQuery);
        }

        [Theory]
        [InlineData("volume", "/20160918/volumeBackups/ocid1.volumebackup.oc1.iad.b/actions/copy")]
        [InlineData("group", "/20160918/volumeGroupBackups/ocid1.volumegroupbackup.oc1.iad.b/actions/copy")]
        public async Task A_copy_is_asked_of_the_source_region_with_a_retry_token_and_lives_in_the_destination(string kindName, string path)
        {
            var kind = kindName == "volume" ? BackupKind.Volume : BackupKind.VolumeGroup;
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, @"{""id"":""copy"",""lifecycleState"":""REQUEST_RECEIVED""}"));
            using var session = TestSessions.Over(handler);

            var copy = await kind.CopyAsync(session.Blockstorage, $"ocid1.{kind.OcidType}.oc1.iad.b", new CopyBackupDetails("us-phoenix-1") { DisplayName = "dr" }, "tok-1", default);

            var sent = handler.Single;
            Assert.Equal(("POST", "iaas.us-ashburn-1.oraclecloud.com", path), (sent.Method, sent.Uri.Host, sent.Uri.AbsolutePath));
            Assert.Equal(@"{""destinationRegion"":""us-phoenix-1"",""displayName"":""dr""}", sent.BodyText);
            Assert.Equal("tok-1", sent.Header("opc-retry-token"));
            Assert.Equal(("copy", "us-phoenix-1"), (copy.Value.Id, copy.Value.Region));
        }

        [Fact]
        public async Task Deleting_a_backup_the_service_no_longer_knows_is_already_done_and_other_refusals_are_errors()
        {
            var handler = new CapturingHandler(request => request.Uri.AbsolutePath.EndsWith("gone", StringComparison.Ordinal)
                ? CapturingHandler.Json(HttpStatusCode.NotFound, @"{""code"":""NotAuthorizedOrNotFound"",""message"":""gone""}")
                : request.Uri.AbsolutePath.EndsWith("busy", StringComparison.Ordinal)
                    ? CapturingHandler.Json(HttpStatusCode.BadRequest, @"{""code"":""InvalidParameter"",""message"":""no""}")
                    : new System.Net.Http.HttpResponseMessage(HttpStatusCode.NoContent));
            using var session = TestSessions.Over(handler);

            var deleted = await BackupKind.VolumeGroup.DeleteAsync(session.Blockstorage, "ocid1.volumegroupbackup.oc1.iad.here", default);
            var gone = await BackupKind.Volume.DeleteAsync(session.Blockstorage, "ocid1.volumebackup.oc1.iad.gone", default);
            var refused = await Assert.ThrowsAsync<OciServiceException>(() => BackupKind.Volume.DeleteAsync(session.Blockstorage, "ocid1.volumebackup.oc1.iad.busy", default));

            Assert.Equal(HttpStatusCode.NoContent, deleted!.StatusCode);
            Assert.Null(gone);
            Assert.Equal(400, refused.StatusCode);
            Assert.Equal(new[] { "DELETE /20160918/volumeGroupBackups/ocid1.volumegroupbackup.oc1.iad.here", "DELETE /20160918/volumeBackups/ocid1.volumebackup.oc1.iad.gone" },
                handler.Requests.Take(2).Select(r => r.Method + " " + r.Uri.AbsolutePath));
            Assert.All(handler.Requests, r => Assert.Null(r.Header("opc-retry-token")));
        }

        [Fact]
        public async Task Restoring_a_volume_backup_creates_a_volume_from_it_with_a_retry_token()
        {
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, @"{""id"":""ocid1.volume.oc1.iad.new"",""lifecycleState"":""PROVISIONING"",""isHydrated"":false}"));
            using var session = TestSessions.Over(handler);
            var details = new RestoreDetails { DisplayName = "restored", SizeInGBs = 100, VpusPerGB = 20 };

            var restored = await BackupKind.Volume.RestoreAsync(session.Blockstorage, "ocid1.volumebackup.oc1.iad.b", Compartment, "Uocm:PHX-AD-1", details, "tok-2", default);

            var sent = handler.Single;
            Assert.Equal("POST /20160918/volumes", sent.Method + " " + sent.Uri.AbsolutePath);
            Assert.Equal(
                @"{""availabilityDomain"":""Uocm:PHX-AD-1"",""compartmentId"":""ocid1.compartment.oc1..c"",""displayName"":""restored"",""sizeInGBs"":100,"
                + @"""sourceDetails"":{""id"":""ocid1.volumebackup.oc1.iad.b"",""type"":""volumeBackup""},""vpusPerGB"":20}",
                sent.BodyText);
            Assert.Equal("tok-2", sent.Header("opc-retry-token"));
            var volume = Assert.IsType<Volume>(restored.Value);
            Assert.Equal(("PROVISIONING", false, "us-ashburn-1"), (volume.LifecycleState, volume.IsHydrated, volume.Region));
        }

        [Fact]
        public async Task Restoring_a_group_backup_creates_a_volume_group_from_it()
        {
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, @"{""id"":""ocid1.volumegroup.oc1.iad.new"",""lifecycleState"":""PROVISIONING"",""volumeIds"":[""v1"",""v2""]}"));
            using var session = TestSessions.Over(handler);

            var restored = await BackupKind.VolumeGroup.RestoreAsync(session.Blockstorage, "ocid1.volumegroupbackup.oc1.iad.b", Compartment, "Uocm:PHX-AD-1", new RestoreDetails(), "tok-3", default);

            Assert.Equal("POST /20160918/volumeGroups", handler.Single.Method + " " + handler.Single.Uri.AbsolutePath);
            Assert.Equal(
                @"{""availabilityDomain"":""Uocm:PHX-AD-1"",""compartmentId"":""ocid1.compartment.oc1..c"",""sourceDetails"":{""type"":""volumeGroupBackupId"",""volumeGroupBackupId"":""ocid1.volumegroupbackup.oc1.iad.b""}}",
                handler.Single.BodyText);
            Assert.Equal(new[] { "v1", "v2" }, Assert.IsType<VolumeGroup>(restored.Value).VolumeIds);
            await Assert.ThrowsAsync<ArgumentException>(() => BackupKind.VolumeGroup.RestoreAsync(session.Blockstorage, "b", Compartment, "AD", new RestoreDetails { SizeInGBs = 60 }, "tok-4", default));
        }

        [Fact]
        public async Task Volumes_and_volume_groups_are_listed_with_every_filter_over_every_page_and_say_their_region()
        {
            var handler = new CapturingHandler(request => request.Uri.Query.Contains("page=")
                ? CapturingHandler.Json(HttpStatusCode.OK, @"[{""id"":""v2"",""sizeInGBs"":1024,""vpusPerGB"":10,""isHydrated"":true,""timeCreated"":""2026-11-01T00:00:00.000Z""}]")
                : CapturingHandler.Json(HttpStatusCode.OK, @"[{""id"":""v1"",""volumeGroupId"":""g""}]", ("opc-next-page", "2")));
            using var session = TestSessions.Over(handler, region: "eu-frankfurt-1");
            var filter = new VolumeFilter(Compartment) { AvailabilityDomain = "Uocm:FRA-AD-1", DisplayName = "db", LifecycleState = "AVAILABLE", VolumeGroupId = "g" };

            var volumes = await session.Blockstorage.ListAllVolumesAsync(filter, default);
            var groups = await session.Blockstorage.ListAllVolumeGroupsAsync(new VolumeFilter(Compartment) { AvailabilityDomain = "Uocm:FRA-AD-1" }, default);

            Assert.Equal(new[] { "v1", "v2" }, volumes.Select(v => v.Id));
            Assert.Equal((1024L, 10L, true), (volumes[1].SizeInGBs!.Value, volumes[1].VpusPerGB!.Value, volumes[1].IsHydrated!.Value));
            Assert.All(volumes.Cast<ILifecycleResource>().Concat(groups), r => Assert.Equal("eu-frankfurt-1", r.Region));
            var sent = handler.Requests.ToArray();
            Assert.Equal("/20160918/volumes?availabilityDomain=Uocm%3AFRA-AD-1&compartmentId=ocid1.compartment.oc1..c&limit=1000&displayName=db&volumeGroupId=g&lifecycleState=AVAILABLE", sent[0].Uri.PathAndQuery);
            Assert.Equal("/20160918/volumeGroups?availabilityDomain=Uocm%3AFRA-AD-1&compartmentId=ocid1.compartment.oc1..c&limit=1000", sent[2].Uri.PathAndQuery);
            Assert.Throws<ArgumentException>(() => BlockstorageRequests.ListVolumeGroups(new VolumeFilter(Compartment) { VolumeGroupId = "g" }));
        }

        [Fact]
        public async Task Getting_a_volume_or_group_says_its_region()
        {
            var handler = new CapturingHandler(request => CapturingHandler.Json(HttpStatusCode.OK, request.Uri.AbsolutePath.Contains("volumeGroups") ? @"{""id"":""g"",""volumeIds"":[""v""]}" : @"{""id"":""v"",""lifecycleState"":""AVAILABLE""}"));
            using var session = TestSessions.Over(handler, region: "ap-tokyo-1");

            var volume = await session.Blockstorage.GetVolumeAsync("v", default);
            var group = await VolumeGroupKind.Instance.GetAsync(session.Blockstorage, "g", default);

            Assert.Equal(("v", "ap-tokyo-1"), (volume.Value.Id, volume.Value.Region));
            Assert.Equal(("g", "ap-tokyo-1"), (group.Value.Id, group.Value.Region));
        }

        [Fact]
        public async Task A_list_that_hands_back_a_page_it_already_gave_is_an_error_not_an_endless_loop()
        {
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, "[]", ("opc-next-page", "same")));
            using var session = TestSessions.Over(handler);

            var error = await Assert.ThrowsAsync<OciServiceException>(() => session.Blockstorage.ListAllVolumesAsync(new VolumeFilter(Compartment), default));

            Assert.Equal("InvalidResponse", error.Code);
            Assert.Equal(2, handler.Requests.Count);
        }
    }
}

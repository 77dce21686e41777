using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Engine;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Http
{
    /// <summary>
    /// Our client against the emulator's independent signature verifier and API, over real HTTP on
    /// 127.0.0.1: a signing or encoding bug on either side shows up here.
    /// </summary>
    public sealed class EmulatorInteropTests : EmulatorTest
    {

        protected override void Configure(EmulatorOptions options)
        {
            options.BackupDuration = TimeSpan.FromMilliseconds(300);
            options.VolumesPerCompartment = 5;
            options.DefaultPageSize = 2;
            options.CompartmentNames.Add("interop");
        }

        [Fact]
        public async Task Paging_through_every_volume_follows_opaque_page_tokens()
        {
            var compartment = Emulator.Compartments.Single();
            var seen = new List<string>();
            string? page = null;
            var pages = 0;
            do
            {
                var result = await Session.Blockstorage.ListVolumesAsync(new VolumeFilter(compartment.Id), 2, page, default);
                seen.AddRange(result.Value.Select(v => v.Id));
                page = result.Response.NextPage;
                pages++;
            }
            while (page != null && pages < 50);

            Assert.True(pages > 2);
            Assert.Equal(compartment.VolumeIds.OrderBy(v => v), seen.Where(compartment.VolumeIds.Contains).OrderBy(v => v));
            Assert.Equal(0, Emulator.Statistics.AuthenticationFailures);
        }

        [Fact]
        public async Task A_create_repeated_with_its_retry_token_makes_one_backup()
        {
            var volume = Emulator.Compartments.Single().VolumeIds.First();
            var details = new CreateVolumeBackupDetails(volume) { DisplayName = "interop ü +/=", Type = BackupType.Full, FreeformTags = new Dictionary<string, string> { ["env"] = "test" } };

            var first = await Session.Blockstorage.CreateVolumeBackupAsync(details, "interop-token-1", default);
            var again = await Session.Blockstorage.CreateVolumeBackupAsync(details, "interop-token-1", default);
            var fetched = await Session.Blockstorage.GetVolumeBackupAsync(first.Value.Id, default);

            Assert.Equal(first.Value.Id, again.Value.Id);
            Assert.Equal(1, Emulator.Statistics.VolumeBackupsCreated(volume));
            Assert.Equal("interop ü +/=", fetched.Value.DisplayName);
            Assert.Equal("FULL", fetched.Value.Type);
            Assert.Equal("test", fetched.Value.FreeformTags!["env"]);
            Assert.NotNull(first.Response.OpcRequestId);
            Assert.NotNull(first.Response.ETag);
        }

        [Fact]
        public async Task A_volume_group_backup_is_accepted_and_readable()
        {
            var group = Emulator.Compartments.Single().VolumeGroupIds.First();

            var created = await Session.Blockstorage.CreateVolumeGroupBackupAsync(new CreateVolumeGroupBackupDetails(group) { Type = BackupType.Incremental }, "interop-group-1", default);
            var fetched = await Session.Blockstorage.GetVolumeGroupBackupAsync(created.Value.Id, default);

            Assert.Equal(group, fetched.Value.VolumeGroupId);
            Assert.Equal(1, Emulator.Statistics.VolumeGroupBackupsCreated(group));
        }

        [Fact]
        public async Task An_unknown_volume_is_a_404_with_the_oci_code_and_request_id()
        {
            var error = await Assert.ThrowsAsync<OciServiceException>(() => Session.Blockstorage.GetVolumeAsync("ocid1.volume.oc1.iad.doesnotexist", default));

            Assert.Equal(404, error.StatusCode);
            Assert.Equal("NotAuthorizedOrNotFound", error.Code);
            Assert.False(string.IsNullOrEmpty(error.OpcRequestId));
        }

        [Fact]
        public async Task A_key_the_service_does_not_know_is_refused_with_401()
        {
            using var stranger = OciSession.Create(
                new OciHttpClientOptions(Session.Endpoint, SigningVectors.LoadProvider("rsa4096-pkcs1")),
                Session.Region);

            var error = await Assert.ThrowsAsync<OciServiceException>(() => stranger.Blockstorage.GetVolumeAsync(Emulator.Compartments.Single().VolumeIds.First(), default));

            Assert.Equal(401, error.StatusCode);
            Assert.Equal("NotAuthenticated", error.Code);
        }
    }
}

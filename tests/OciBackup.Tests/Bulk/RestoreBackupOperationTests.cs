using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;
using OciBackup.Tests.Waiting;
using Xunit;

namespace OciBackup.Tests.Bulk
{
    /// <summary>Where a restore puts the new volume: the availability domain asked for, checked against the region's, else the region's first.</summary>
    public sealed class RestoreBackupOperationTests
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
        private readonly SimulatedTime _time = new SimulatedTime(SimulatedTime.Epoch);

        [Fact]
        public async Task Without_a_domain_each_volume_goes_to_the_regions_first_by_name_listed_once_per_run()
        {
            var service = Service();
            using var regions = new TestRegions("us-ashburn-1", _time, _time, ("us-ashburn-1", service));
            var observer = new RecordingBulkObserver(_time);
            var run = observer.Start(regions, new RestoreBackupOperation(BackupKind.Volume, new RestoreDetails()), new BulkRunOptions { Clock = _time });

            for (var i = 0; i < 3; i++)
            {
                run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.b" + i, "us-ashburn-1", "c1"));
            }

            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.Empty(observer.Failed);
            var list = Assert.Single(service.Requests, r => r.Uri.AbsolutePath == "/20160918/availabilityDomains");
            Assert.Equal("?compartmentId=c1", list.Uri.Query);
            var creates = service.Requests.Where(r => r.Method == "POST").ToList();
            Assert.Equal(3, creates.Count);
            Assert.All(creates, c => Assert.Contains(@"""availabilityDomain"":""Uocm:US-ASHBURN-AD-1""", c.BodyText, StringComparison.Ordinal));
            Assert.Equal(
                "Restoring volume backup ocid1.volumebackup.oc1.iad.b0 as a new volume in the first availability domain of its region (retry token t).",
                run.Operation.DescribeStart(new BulkItem("ocid1.volumebackup.oc1.iad.b0"), "t"));
        }

        [Fact]
        public async Task A_domain_named_in_another_case_is_sent_as_the_service_spells_it_and_one_not_in_the_region_fails_its_item_unsent()
        {
            var service = Service();
            using var regions = new TestRegions("us-ashburn-1", _time, _time, ("us-ashburn-1", service));
            var good = new RecordingBulkObserver(_time);
            var bad = new RecordingBulkObserver(_time);
            var right = good.Start(regions, new RestoreBackupOperation(BackupKind.VolumeGroup, new RestoreDetails("uocm:us-ashburn-ad-3")), new BulkRunOptions { Clock = _time });
            var wrong = bad.Start(regions, new RestoreBackupOperation(BackupKind.VolumeGroup, new RestoreDetails("Uocm:PHX-AD-1")), new BulkRunOptions { Clock = _time });

            right.Submit(new BulkItem("ocid1.volumegroupbackup.oc1.iad.g1", "us-ashburn-1", "c1"));
            await right.CompleteAsync().WaitAsync(HangGuard);
            wrong.Submit(new BulkItem("ocid1.volumegroupbackup.oc1.iad.g2", "us-ashburn-1", "c1"));
            await wrong.CompleteAsync().WaitAsync(HangGuard);

            Assert.Contains(@"""availabilityDomain"":""Uocm:US-ASHBURN-AD-3""", service.Requests.Single(r => r.Method == "POST").BodyText, StringComparison.Ordinal);
            var failure = Assert.IsType<ArgumentException>(Assert.Single(bad.Failed).Error);
            Assert.Equal("availabilityDomain", failure.ParamName);
            Assert.StartsWith("Availability domain 'Uocm:PHX-AD-1' is not one of us-ashburn-1's (Uocm:US-ASHBURN-AD-1, Uocm:US-ASHBURN-AD-2, Uocm:US-ASHBURN-AD-3)", failure.Message, StringComparison.Ordinal);
            Assert.Single(service.Requests, r => r.Method == "POST");
        }

        private static CapturingHandler Service() =>
            new CapturingHandler(request => request.Uri.AbsolutePath == "/20160918/availabilityDomains"
                ? CapturingHandler.Json(HttpStatusCode.OK, @"[{""name"":""Uocm:US-ASHBURN-AD-2""},{""name"":""Uocm:US-ASHBURN-AD-3""},{""name"":""Uocm:US-ASHBURN-AD-1""}]")
                : CapturingHandler.Json(HttpStatusCode.OK, request.Uri.AbsolutePath.EndsWith("volumeGroups", StringComparison.Ordinal)
                    ? @"{""id"":""ocid1.volumegroup.oc1.iad.new"",""lifecycleState"":""PROVISIONING""}"
                    : @"{""id"":""ocid1.volume.oc1.iad.new"",""lifecycleState"":""PROVISIONING""}"));
    }
}

using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;
using OciBackup.Tests.Waiting;
using Xunit;

namespace OciBackup.Tests.Bulk
{
    /// <summary>Copy, delete and restore as bulk runs: where each call goes, what a wait polls, what counts as done.</summary>
    public sealed class BulkOperationsTests
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
        private readonly SimulatedTime _time = new SimulatedTime(SimulatedTime.Epoch);

        [Fact]
        public async Task A_copy_is_asked_of_the_backups_region_and_waited_for_in_the_destination()
        {
            var source = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK,
                @"{""id"":""ocid1.volumebackup.oc1.phx.copy1"",""compartmentId"":""c1"",""lifecycleState"":""REQUEST_RECEIVED"",""sourceVolumeBackupId"":""ocid1.volumebackup.oc1.iad.b1""}"));
            var destination = new FakeBackupService(_time);
            destination.Add("ocid1.volumebackup.oc1.phx.copy1", BackupKind.Volume, "c1", SimulatedTime.Epoch, (TimeSpan.FromSeconds(30), "AVAILABLE"));
            using var regions = new TestRegions("us-ashburn-1", _time, _time, ("us-ashburn-1", source), ("us-phoenix-1", destination));
            var observer = new RecordingBulkObserver(_time);
            var run = Run(regions, new CopyBackupOperation(BackupKind.Volume, new CopyBackupDetails("us-phoenix-1"), new CopyOptions { FindEarlierCopies = false }), observer, "dr-2026-11-23");

            var token = run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.b1", "us-ashburn-1"));
            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.Equal("POST /20160918/volumeBackups/ocid1.volumebackup.oc1.iad.b1/actions/copy", source.Single.Method + " " + source.Single.Uri.AbsolutePath);
            Assert.Equal(token, source.Single.Header("opc-retry-token"));
            Assert.Equal(RetryTokens.Derive("dr-2026-11-23", "CopyVolumeBackup to us-phoenix-1", "ocid1.volumebackup.oc1.iad.b1"), token);
            Assert.NotEqual(RetryTokens.Derive("dr-2026-11-23", "CopyVolumeBackup to eu-frankfurt-1", "ocid1.volumebackup.oc1.iad.b1"), token);
            Assert.Equal("us-phoenix-1", observer.Done.Single().Resource!.Region);
            var reached = observer.Wait.Outcomes.Single();
            Assert.Null(reached.Failure);
            Assert.Equal(("AVAILABLE", "us-phoenix-1"), (reached.Backup!.LifecycleState, reached.Backup.Region));
            Assert.True(destination.Requests > 0);
            Assert.Single(source.Requests);
        }

        [Fact]
        public async Task Deleting_a_backup_already_gone_counts_as_done_and_a_wait_ends_at_TERMINATED_or_404()
        {
            var states = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
            var service = new CapturingHandler(request =>
            {
                var id = request.Uri.Segments.Last();
                if (request.Method == "DELETE")
                {
                    return id.EndsWith("gone", StringComparison.Ordinal)
                        ? CapturingHandler.Json(HttpStatusCode.NotFound, @"{""code"":""NotAuthorizedOrNotFound"",""message"":""no""}")
                        : new System.Net.Http.HttpResponseMessage(HttpStatusCode.NoContent);
                }

                // The first get sees it going; then the one answers TERMINATED and the other is forgotten (404).
                var polls = states.AddOrUpdate(id, 1, (_, n) => n + 1);
                return polls == 1
                    ? CapturingHandler.Json(HttpStatusCode.OK, $@"{{""id"":""{id}"",""lifecycleState"":""TERMINATING""}}")
                    : id.EndsWith("b1", StringComparison.Ordinal)
                        ? CapturingHandler.Json(HttpStatusCode.OK, $@"{{""id"":""{id}"",""lifecycleState"":""TERMINATED""}}")
                        : CapturingHandler.Json(HttpStatusCode.NotFound, @"{""code"":""NotAuthorizedOrNotFound"",""message"":""no""}");
            });
            using var regions = new TestRegions("us-ashburn-1", _time, _time, ("us-ashburn-1", service));
            var observer = new RecordingBulkObserver(_time);
            var run = Run(regions, new DeleteBackupOperation(BackupKind.Volume), observer);

            Assert.Null(run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.b1")));
            run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.b2"));
            run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.gone"));
            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.Empty(observer.Failed);
            Assert.All(service.Requests.Where(r => r.Method == "DELETE"), r => Assert.Null(r.Header("opc-retry-token")));
            var gone = observer.Done.Single(d => d.Item.Id.EndsWith("gone", StringComparison.Ordinal));
            Assert.Equal(("TERMINATED", false), (gone.Resource!.LifecycleState, gone.WaitFollows));
            Assert.Equal(new[] { "ocid1.volumebackup.oc1.iad.b1", "ocid1.volumebackup.oc1.iad.b2" }, observer.Wait.ReachedIds.OrderBy(id => id));
            Assert.All(observer.Wait.Outcomes, o => Assert.Equal("TERMINATED", o.Backup!.LifecycleState));
            Assert.DoesNotContain(service.Requests, r => r.Method == "GET" && r.Uri.AbsolutePath.EndsWith("gone", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_restore_reads_the_backups_compartment_when_not_told_and_waits_for_the_volume()
        {
            var polls = 0;
            var service = new CapturingHandler(request =>
            {
                if (request.Method == "POST")
                {
                    return CapturingHandler.Json(HttpStatusCode.OK, @"{""id"":""ocid1.volume.oc1.iad.new"",""compartmentId"":""c-of-backup"",""lifecycleState"":""PROVISIONING""}");
                }

                if (request.Uri.AbsolutePath.StartsWith("/20160918/volumeBackups/", StringComparison.Ordinal))
                {
                    return CapturingHandler.Json(HttpStatusCode.OK, @"{""id"":""ocid1.volumebackup.oc1.iad.b"",""compartmentId"":""c-of-backup"",""lifecycleState"":""AVAILABLE""}");
                }

                if (request.Uri.AbsolutePath.EndsWith("/availabilityDomains", StringComparison.Ordinal))
                {
                    return CapturingHandler.Json(HttpStatusCode.OK, @"[{""name"":""Uocm:IAD-AD-1""},{""name"":""Uocm:IAD-AD-2""}]");
                }

                return CapturingHandler.Json(HttpStatusCode.OK, System.Threading.Interlocked.Increment(ref polls) < 3
                    ? @"{""id"":""ocid1.volume.oc1.iad.new"",""lifecycleState"":""PROVISIONING""}"
                    : @"{""id"":""ocid1.volume.oc1.iad.new"",""lifecycleState"":""AVAILABLE"",""isHydrated"":true}");
            });
            using var regions = new TestRegions("us-ashburn-1", _time, _time, ("us-ashburn-1", service));
            var observer = new RecordingBulkObserver(_time);
            var run = Run(regions, new RestoreBackupOperation(BackupKind.Volume, new RestoreDetails("Uocm:IAD-AD-2") { DisplayName = "restored" }), observer);

            run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.b"));
            await run.CompleteAsync().WaitAsync(HangGuard);

            var create = service.Requests.Single(r => r.Method == "POST");
            Assert.Contains(@"""compartmentId"":""c-of-backup""", create.BodyText);
            Assert.NotNull(create.Header("opc-retry-token"));
            var volume = Assert.IsType<Volume>(observer.Wait.Outcomes.Single().Backup);
            Assert.Equal(("AVAILABLE", true), (volume.LifecycleState, volume.IsHydrated));
            Assert.Equal("Restoring volume backup ocid1.volumebackup.oc1.iad.b as a new volume in Uocm:IAD-AD-2 (retry token x).", run.Operation.DescribeStart(new BulkItem("ocid1.volumebackup.oc1.iad.b"), "x"));
        }

        [Fact]
        public async Task A_restore_into_a_named_compartment_or_the_items_own_reads_nothing_first()
        {
            var service = new CapturingHandler(request => request.Uri.AbsolutePath.EndsWith("/availabilityDomains", StringComparison.Ordinal)
                ? CapturingHandler.Json(HttpStatusCode.OK, @"[{""name"":""AD-1""}]")
                : CapturingHandler.Json(HttpStatusCode.OK, @"{""id"":""ocid1.volumegroup.oc1.iad.new"",""lifecycleState"":""AVAILABLE""}"));
            using var regions = new TestRegions("us-ashburn-1", _time, _time, ("us-ashburn-1", service));
            var run = Run(regions, new RestoreBackupOperation(BackupKind.VolumeGroup, new RestoreDetails("AD-1")), new RecordingBulkObserver(_time), wait: false);

            run.Submit(new BulkItem("ocid1.volumegroupbackup.oc1.iad.b", compartmentId: "c-piped"));
            await run.CompleteAsync().WaitAsync(HangGuard);

            // The availability domains are an Identity read; of the block storage calls the restore is the only one.
            var create = service.Requests.Single(r => !r.Uri.AbsolutePath.EndsWith("/availabilityDomains", StringComparison.Ordinal));
            Assert.Equal("POST /20160918/volumeGroups", create.Method + " " + create.Uri.AbsolutePath);
            Assert.Contains(@"""compartmentId"":""c-piped""", create.BodyText);
        }

        private BulkRun Run(TestRegions regions, BulkOperation operation, RecordingBulkObserver observer, string? runKey = null, bool wait = true)
        {
            var run = new BulkRun(regions, operation, new BulkRunOptions
            {
                RunKey = runKey,
                Wait = wait,
                Clock = _time,
                WaitOptions = new ResourceWaiterOptions { Clock = _time, Delay = _time },
            }, observer);
            observer.Run = run;
            return run;
        }
    }
}

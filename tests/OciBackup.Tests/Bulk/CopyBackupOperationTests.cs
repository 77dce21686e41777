using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;
using OciBackup.Tests.Waiting;
using Xunit;

namespace OciBackup.Tests.Bulk
{
    /// <summary>What a copy does besides its call: it finds copies made earlier, and waits its turn when the service limits copies at once.</summary>
    public sealed class CopyBackupOperationTests
    {
        private const string Ashburn = "us-ashburn-1";
        private const string Phoenix = "us-phoenix-1";
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
        private readonly SimulatedTime _time = new SimulatedTime(SimulatedTime.Epoch);

        [Fact]
        public async Task A_backup_with_a_usable_copy_in_the_destination_is_not_copied_again_and_one_list_serves_every_item()
        {
            var source = new CapturingHandler(request => request.Method == "GET"
                ? Backup("ocid1.volumebackup.oc1.iad.alone", "c1", "AVAILABLE")
                : Backup("ocid1.volumebackup.oc1.phx.new-" + request.Uri.Segments[3].TrimEnd('/'), "c1", "REQUEST_RECEIVED"));
            var destination = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, "[" + string.Join(",",
                Copy("ocid1.volumebackup.oc1.phx.done", "ocid1.volumebackup.oc1.iad.copied", "AVAILABLE", "2026-11-20T02:00:00Z"),
                Copy("ocid1.volumebackup.oc1.phx.older", "ocid1.volumebackup.oc1.iad.copied", "AVAILABLE", "2026-11-01T02:00:00Z"),
                Copy("ocid1.volumebackup.oc1.phx.going", "ocid1.volumebackup.oc1.iad.alone", "CREATING", "2026-11-22T02:00:00Z"),
                Copy("ocid1.volumebackup.oc1.phx.bad", "ocid1.volumebackup.oc1.iad.faulty", "FAULTY", "2026-11-22T02:00:00Z"),
                Copy("ocid1.volumebackup.oc1.phx.gone", "ocid1.volumebackup.oc1.iad.deleted", "TERMINATED", "2026-11-22T02:00:00Z"),
                @"{""id"":""ocid1.volumebackup.oc1.phx.own"",""compartmentId"":""c1"",""lifecycleState"":""AVAILABLE""}") + "]"));
            using var regions = new TestRegions(Ashburn, _time, _time, (Ashburn, source), (Phoenix, destination));
            var observer = new RecordingBulkObserver(_time);
            var run = observer.Start(regions, new CopyBackupOperation(BackupKind.Volume, new CopyBackupDetails(Phoenix)), new BulkRunOptions { Clock = _time });

            foreach (var id in new[] { "copied", "faulty", "deleted", "never" })
            {
                run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad." + id, Ashburn, "c1"));
            }

            run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.alone", Ashburn));
            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.Empty(observer.Failed);
            var list = Assert.Single(destination.Requests);
            Assert.Equal("/20160918/volumeBackups?compartmentId=c1", list.Uri.PathAndQuery.Split('&')[0]);
            Assert.DoesNotContain("sourceVolumeBackupId", list.Uri.Query, StringComparison.Ordinal);
            var result = observer.Done.ToDictionary(d => d.Item.Id.Split('.').Last());
            Assert.Equal(("ocid1.volumebackup.oc1.phx.done", true), (result["copied"].ResultId, result["copied"].Existing));
            Assert.Equal(("ocid1.volumebackup.oc1.phx.going", true), (result["alone"].ResultId, result["alone"].Existing));
            Assert.Equal(Phoenix, result["copied"].Resource!.Region);
            Assert.All(new[] { "faulty", "deleted", "never" }, id => Assert.False(result[id].Existing));
            // A FAULTY copy or one deleted is no copy: those are copied again. The backup known by its id alone is read once for its compartment.
            Assert.Equal(new[] { "deleted", "faulty", "never" }, source.Requests.Where(r => r.Method == "POST").Select(r => r.Uri.Segments[3].TrimEnd('/').Split('.').Last()).OrderBy(n => n));
            Assert.Equal("/20160918/volumeBackups/ocid1.volumebackup.oc1.iad.alone", source.Requests.Single(r => r.Method == "GET").Uri.AbsolutePath);
        }

        [Fact]
        public async Task A_group_backups_copies_are_matched_by_their_source_here_as_the_service_has_no_filter_for_it()
        {
            var source = new CapturingHandler(_ => throw new InvalidOperationException("Nothing is sent to the source."));
            var destination = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK,
                @"[{""id"":""ocid1.volumegroupbackup.oc1.phx.c"",""compartmentId"":""c1"",""lifecycleState"":""AVAILABLE"",""sourceVolumeGroupBackupId"":""ocid1.volumegroupbackup.oc1.iad.g""}]"));
            using var regions = new TestRegions(Ashburn, _time, _time, (Ashburn, source), (Phoenix, destination));
            var observer = new RecordingBulkObserver(_time);
            var run = observer.Start(regions, new CopyBackupOperation(BackupKind.VolumeGroup, new CopyBackupDetails(Phoenix)), new BulkRunOptions { Clock = _time });

            run.Submit(new BulkItem("ocid1.volumegroupbackup.oc1.iad.g", Ashburn, "c1"));
            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.Equal("ocid1.volumegroupbackup.oc1.phx.c", Assert.Single(observer.Done).ResultId);
            Assert.StartsWith("/20160918/volumeGroupBackups?compartmentId=c1", destination.Single.Uri.PathAndQuery, StringComparison.Ordinal);
            Assert.Empty(source.Requests);
        }

        [Fact]
        public async Task A_copy_refused_for_the_services_limit_waits_its_turn_asks_again_with_its_token_and_slows_the_run()
        {
            var refusals = 0;
            var source = new CapturingHandler(_ => Interlocked.Increment(ref refusals) <= 3
                ? CapturingHandler.Json(HttpStatusCode.BadRequest, @"{""code"":""LimitExceeded"",""message"":""Too many cross-region copies in progress.""}")
                : Backup("ocid1.volumebackup.oc1.phx.c", "c1", "REQUEST_RECEIVED"));
            using var regions = new TestRegions(Ashburn, _time, _time, (Ashburn, source));
            var notices = new ConcurrentQueue<RetryNotice>();
            var observer = new RecordingBulkObserver(_time);
            var run = observer.Start(regions, Operation(), new BulkRunOptions { Clock = _time, ThrottleLimit = 4, Call = new OciCallOptions { RetryObserver = new Notices(notices) } });

            run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.b", Ashburn, "c1"));
            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.Empty(observer.Failed);
            Assert.Equal("ocid1.volumebackup.oc1.phx.c", Assert.Single(observer.Done).ResultId);
            Assert.Single(source.Requests.Select(r => r.Header("opc-retry-token")).Distinct());
            Assert.Equal(4, source.Requests.Count);
            Assert.Equal(3, notices.Count);
            Assert.All(notices, n => Assert.True(n.Throttled && n.MaxAttempts == 0));
            Assert.Equal(new[] { 1, 2, 3 }, notices.Select(n => n.FailedAttempt));
            Assert.Contains("refused (400 LimitExceeded) for the 2nd time, the service's limit; asking again in", notices.ElementAt(1).ToString(), StringComparison.Ordinal);
            // Waits drawn under a ceiling that doubles from 5 s; the run went down to fewer calls at once.
            Assert.Equal(3, _time.Delays.Count);
            Assert.All(_time.Delays.Zip(new[] { 5, 10, 20 }, (d, ceiling) => (d, ceiling)), p => Assert.InRange(p.d.TotalSeconds, 0, p.ceiling));
            Assert.True(run.ConcurrencyLimit < 4);
        }

        [Fact]
        public async Task A_429_that_outlasts_the_retries_is_the_limit_too()
        {
            var calls = 0;
            var source = new CapturingHandler(_ => Interlocked.Increment(ref calls) <= 3
                ? CapturingHandler.Json((HttpStatusCode)429, @"{""code"":""TooManyRequests"",""message"":""slow down""}")
                : Backup("ocid1.volumebackup.oc1.phx.c", "c1", "REQUEST_RECEIVED"));
            using var regions = new TestRegions(Ashburn, _time, _time, (Ashburn, source));
            var observer = new RecordingBulkObserver(_time);
            var run = observer.Start(regions, Operation(), new BulkRunOptions { Clock = _time, Call = new OciCallOptions { RetryPolicy = new RetryPolicy(2, TimeSpan.FromMinutes(10)) } });

            run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.b", Ashburn, "c1"));
            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.Empty(observer.Failed);
            Assert.Single(observer.Done);
            Assert.Equal(4, source.Requests.Count);
        }

        [Fact]
        public async Task A_copy_still_refused_when_its_time_is_up_fails_with_the_services_answer_and_with_NoRetry_at_once()
        {
            var source = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.BadRequest, @"{""code"":""LimitExceeded"",""message"":""Too many copies.""}"));
            using var regions = new TestRegions(Ashburn, _time, _time, (Ashburn, source));
            var patient = new RecordingBulkObserver(_time);
            var impatient = new RecordingBulkObserver(_time);
            var run = patient.Start(regions, Operation(TimeSpan.FromMinutes(5)), new BulkRunOptions { Clock = _time });
            var once = impatient.Start(regions, Operation(), new BulkRunOptions { Clock = _time, Call = new OciCallOptions { RetryPolicy = RetryPolicy.None } });

            run.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.b", Ashburn, "c1"));
            await run.CompleteAsync().WaitAsync(HangGuard);
            var asked = source.Requests.Count;
            once.Submit(new BulkItem("ocid1.volumebackup.oc1.iad.b2", Ashburn, "c1"));
            await once.CompleteAsync().WaitAsync(HangGuard);

            var failure = Assert.IsType<OciServiceException>(Assert.Single(patient.Failed).Error);
            Assert.Equal((400, "LimitExceeded"), (failure.StatusCode, failure.Code));
            Assert.InRange(_time.Elapsed, TimeSpan.Zero, TimeSpan.FromMinutes(5));
            Assert.True(asked > 2);
            Assert.Single(impatient.Failed);
            Assert.Equal(asked + 1, source.Requests.Count);
        }

        private CopyBackupOperation Operation(TimeSpan? limitTimeout = null) =>
            new CopyBackupOperation(BackupKind.Volume, new CopyBackupDetails(Phoenix), new CopyOptions
            {
                FindEarlierCopies = false,
                LimitTimeout = limitTimeout ?? TimeSpan.FromHours(2),
                Clock = _time,
                Delay = _time,
                Random = new ScriptedRandom(0.5),
            });

        private static System.Net.Http.HttpResponseMessage Backup(string id, string compartmentId, string state) =>
            CapturingHandler.Json(HttpStatusCode.OK, $@"{{""id"":""{id}"",""compartmentId"":""{compartmentId}"",""lifecycleState"":""{state}""}}");

        private static string Copy(string id, string sourceId, string state, string created) =>
            $@"{{""id"":""{id}"",""compartmentId"":""c1"",""lifecycleState"":""{state}"",""sourceVolumeBackupId"":""{sourceId}"",""timeCreated"":""{created}""}}";

        private sealed class Notices : IRetryObserver
        {
            private readonly ConcurrentQueue<RetryNotice> _notices;

            public Notices(ConcurrentQueue<RetryNotice> notices) => _notices = notices;

            public void OnRetry(RetryNotice notice) => _notices.Enqueue(notice);
        }
    }
}

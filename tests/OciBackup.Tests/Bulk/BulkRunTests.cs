using System;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;
using OciBackup.Tests.Waiting;
using Xunit;

namespace OciBackup.Tests.Bulk
{
    /// <summary>The bulk run in plain C#: pacing, retry tokens, per-item failures, waiting and the Ctrl+C report, against a fake service on simulated time.</summary>
    public sealed class BulkRunTests : IDisposable
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

        private readonly SimulatedTime _time = new SimulatedTime(SimulatedTime.Epoch);
        private readonly FakeBackupService _service;
        private readonly OciSession _session;

        public BulkRunTests()
        {
            _service = new FakeBackupService(_time);
            _session = TestSessions.Over(_service, clock: _time, delay: _time);
        }

        public void Dispose() => _session.Dispose();

        [Fact]
        public async Task Each_item_is_created_once_with_its_own_retry_token_and_reported_as_it_is_answered()
        {
            var volumes = Volumes(5);
            var observer = new RecordingBulkObserver(_time);
            var run = Run(new BulkRunOptions { ThrottleLimit = 2 }, observer);

            var tokens = volumes.Select(v => run.Submit(new BulkItem(v))).ToList();
            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.Equal(volumes.OrderBy(v => v), observer.Done.Select(d => d.Item.Id).OrderBy(v => v));
            Assert.All(observer.Done, d => Assert.StartsWith("ocid1.volumebackup.", d.ResultId));
            Assert.All(observer.Done, d => Assert.False(d.WaitFollows));
            Assert.Equal(5, tokens.Distinct().Count());
            Assert.Equal(tokens.OrderBy(t => t), _service.RetryTokens.OrderBy(t => t));
            Assert.Equal(5, _service.BackupsCreated);
            Assert.Equal((5, 5, 0), (observer.Progress.Last().Submitted, observer.Progress.Last().Succeeded, observer.Progress.Last().Failed));
            Assert.True(run.Stop(TimeSpan.Zero).IsEmpty);
        }

        [Fact]
        public async Task A_run_key_gives_each_item_the_same_token_every_time_so_a_rerun_makes_nothing_twice()
        {
            var volumes = Volumes(3);
            var first = Run(new BulkRunOptions { RunKey = "nightly-2026-11-23" }, new RecordingBulkObserver(_time));
            var firstTokens = volumes.Select(v => first.Submit(new BulkItem(v))).ToList();
            await first.CompleteAsync().WaitAsync(HangGuard);
            var observer = new RecordingBulkObserver(_time);
            var again = Run(new BulkRunOptions { RunKey = "nightly-2026-11-23" }, observer);

            var againTokens = volumes.Select(v => again.Submit(new BulkItem(v))).ToList();
            await again.CompleteAsync().WaitAsync(HangGuard);

            Assert.Equal(volumes.Select(v => RetryTokens.Derive("nightly-2026-11-23", "CreateVolumeBackup", v)), firstTokens);
            Assert.Equal(firstTokens, againTokens);
            Assert.Equal(3, _service.BackupsCreated);
            Assert.Equal(3, observer.Done.Count);
        }

        [Fact]
        public async Task A_failed_item_fails_alone_and_the_others_go_on()
        {
            var volumes = Volumes(4);
            _service.FailCreates(volumes[1], 404);
            var observer = new RecordingBulkObserver(_time);
            var run = Run(new BulkRunOptions(), observer);

            foreach (var volume in volumes)
            {
                run.Submit(new BulkItem(volume));
            }

            await run.CompleteAsync().WaitAsync(HangGuard);

            var (item, error) = Assert.Single(observer.Failed);
            Assert.Equal(volumes[1], item.Id);
            Assert.Equal(404, Assert.IsType<OciServiceException>(error).StatusCode);
            Assert.Equal(3, observer.Done.Count);
            Assert.Equal((4, 3, 1), (run.Progress.Submitted, run.Progress.Succeeded, run.Progress.Failed));
        }

        [Fact]
        public async Task Ctrl_C_cancels_every_call_and_reports_what_was_made_but_not_written_and_what_was_sent_unanswered()
        {
            var volumes = Volumes(5);
            _service.HangCreates(volumes[2]);
            _service.HangCreates(volumes[3]);
            // The first volume's backup is written; the second's is answered but still on its way to the pipeline.
            var observer = new RecordingBulkObserver(_time, writes: id => id == volumes[0]);
            var run = Run(new BulkRunOptions { ThrottleLimit = 2, RunKey = "nightly" }, observer);

            foreach (var volume in volumes)
            {
                run.Submit(new BulkItem(volume));
            }

            await observer.Answered(2).WaitAsync(HangGuard);
            await _service.Hanging(2).WaitAsync(HangGuard);
            var report = run.Stop(HangGuard);

            var secondBackup = observer.Done.Single(d => d.Item.Id == volumes[1]).ResultId;
            Assert.Equal(new[] { (secondBackup, volumes[1]) }, report.DoneNotWritten.Select(p => (p.Key, p.Value)));
            Assert.Equal(new[] { volumes[2], volumes[3] }, report.SentWithoutAnswer.OrderBy(v => v));
            Assert.Equal(2, _service.CancelledRequests);
            // The fifth was still waiting for a slot: it never went out, so it is in neither list.
            Assert.DoesNotContain(_service.Served, s => s.Subject == volumes[4]);
            Assert.Equal(
                $"Stopped. 1 backup(s) were created but not written: {secondBackup} (of {volumes[1]}). "
                + $"2 create(s) had been sent without an answer and may have made a backup: {string.Join(", ", report.SentWithoutAnswer)}. "
                + "Re-run with -RunKey 'nightly' within 24 hours to get them without duplicates.",
                report.Message);
            await run.CompleteAsync().WaitAsync(HangGuard);
            Assert.Empty(observer.Failed);
        }

        [Fact]
        public async Task Without_a_run_key_the_stop_report_points_at_the_list_of_the_kind_made()
        {
            var groups = new[] { "ocid1.volumegroup.oc1.iad.g1" };
            _service.HangCreates(groups[0]);
            var run = new BulkRun(_session, new CreateBackupOperation(BackupKind.VolumeGroup, new BackupDetails()), new BulkRunOptions { Clock = _time }, new RecordingBulkObserver(_time));

            run.Submit(new BulkItem(groups[0]));
            await _service.Hanging(1).WaitAsync(HangGuard);
            var report = run.Stop(HangGuard);

            Assert.Equal(
                $"Stopped. 1 create(s) had been sent without an answer and may have made a backup: {groups[0]}. "
                + "Find them with Invoke-OciRestMethod /20160918/volumeGroupBackups, or use -RunKey next time so a re-run picks them up without duplicates.",
                report.Message);
        }

        [Fact]
        public async Task Cancelling_the_callers_token_stops_the_run_as_Ctrl_C_does()
        {
            var volumes = Volumes(2);
            _service.HangCreates(volumes[0]);
            _service.HangCreates(volumes[1]);
            using var stop = new System.Threading.CancellationTokenSource();
            var run = Run(new BulkRunOptions { CancellationToken = stop.Token }, new RecordingBulkObserver(_time));
            run.Submit(new BulkItem(volumes[0]));
            run.Submit(new BulkItem(volumes[1]));
            await _service.Hanging(2).WaitAsync(HangGuard);

            stop.Cancel();
            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.Equal(2, _service.CancelledRequests);
            Assert.Equal(volumes, run.Stop(TimeSpan.Zero).SentWithoutAnswer.OrderBy(v => v));
        }

        [Fact]
        public async Task With_a_wait_each_result_is_reported_when_it_is_available_and_a_faulty_one_fails_alone()
        {
            var volumes = Volumes(3);
            _service.CreatedLifecycle = source => source == volumes[1]
                ? new[] { (TimeSpan.FromSeconds(5), "FAULTY") }
                : new[] { (TimeSpan.FromSeconds(2), "CREATING"), (TimeSpan.FromSeconds(20), "AVAILABLE") };
            var observer = new RecordingBulkObserver(_time);
            var run = Run(new BulkRunOptions { Wait = true, WaitOptions = new ResourceWaiterOptions { Clock = _time, Delay = _time } }, observer);

            foreach (var volume in volumes)
            {
                run.Submit(new BulkItem(volume));
            }

            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.All(observer.Done, d => Assert.True(d.WaitFollows));
            Assert.Equal(new[] { volumes[0], volumes[2] }, observer.Wait.Outcomes.Where(o => o.Failure == null).Select(o => (string)o.Target.Tag!).OrderBy(v => v));
            Assert.All(observer.Wait.Outcomes.Where(o => o.Failure == null), o => Assert.Equal("AVAILABLE", o.Backup!.LifecycleState));
            var faulty = Assert.Single(observer.Wait.Outcomes, o => o.Failure != null);
            Assert.Equal(volumes[1], faulty.Target.Tag);
            Assert.Equal(WaitFailureKind.Faulty, faulty.Failure!.Kind);
            Assert.True(_time.Elapsed >= TimeSpan.FromSeconds(20));
            Assert.True(run.Stop(TimeSpan.Zero).IsEmpty);
        }

        [Fact]
        public async Task A_429_halves_the_calls_allowed_at_once()
        {
            var volumes = Volumes(1);
            _service.FailNextCreate(volumes[0], 429);
            var run = Run(new BulkRunOptions { ThrottleLimit = 16 }, new RecordingBulkObserver(_time));

            run.Submit(new BulkItem(volumes[0]));
            await run.CompleteAsync().WaitAsync(HangGuard);

            Assert.Equal(8, run.ConcurrencyLimit);
            Assert.Equal(1, _service.BackupsCreated);
            Assert.Equal(2, _service.RetryTokens.Count);
            Assert.Single(_service.RetryTokens.Distinct());
        }

        [Fact]
        public async Task A_paced_run_leaves_a_429_to_the_pacer_it_shares_with_the_runs_before_and_keeps_its_calls_at_once()
        {
            var volumes = Volumes(4);
            var pacer = new RequestPacer(_time, _time);
            var call = new OciCallOptions { Pacer = pacer };
            var first = Run(new BulkRunOptions { ThrottleLimit = 16, Call = call }, new RecordingBulkObserver(_time));
            foreach (var volume in volumes.Take(3))
            {
                first.Submit(new BulkItem(volume));
            }

            await first.CompleteAsync().WaitAsync(HangGuard);
            _service.FailNextCreate(volumes[3], 429);
            var second = Run(new BulkRunOptions { ThrottleLimit = 16, Call = call }, new RecordingBulkObserver(_time));

            second.Submit(new BulkItem(volumes[3]));
            await second.CompleteAsync().WaitAsync(HangGuard);

            Assert.Equal(16, second.ConcurrencyLimit);
            Assert.Equal((RequestPacer.Decrease * 3) + RequestPacer.GrowthPerAnswer, pacer.Rate!.Value, 6);
            Assert.Equal(4, _service.BackupsCreated);
        }

        private static string[] Volumes(int count) => Enumerable.Range(1, count).Select(i => $"ocid1.volume.oc1.iad.v{i}").ToArray();

        private BulkRun Run(BulkRunOptions options, RecordingBulkObserver observer)
        {
            options.Clock = _time;
            var run = new BulkRun(_session, new CreateBackupOperation(BackupKind.Volume, new BackupDetails { Type = BackupType.Full }), options, observer);
            observer.Run = run;
            return run;
        }
    }
}

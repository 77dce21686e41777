using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Waiting;
using Xunit;
using Xunit.Abstractions;

namespace OciBackup.Tests.Waiting
{
    public sealed class ResourceWaiterTests : IDisposable
    {
        private static readonly DateTimeOffset Epoch = SimulatedTime.Epoch;
        private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

        private readonly SimulatedTime _time = new SimulatedTime(SimulatedTime.Epoch);
        private readonly FakeBackupService _service;
        private readonly OciSession _session;
        private readonly RecordingObserver _observer;
        private readonly ITestOutputHelper _output;

        public ResourceWaiterTests(ITestOutputHelper output)
        {
            _output = output;
            _service = new FakeBackupService(_time);
            _session = TestSessions.Over(_service);
            _observer = new RecordingObserver(_time);
        }

        public void Dispose() => _session.Dispose();

        [Fact]
        public async Task Targets_are_reported_in_the_order_they_reach_the_state()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 30));
            _service.Add("vb-b", BackupKind.Volume, "c1", Epoch, Available(after: 10));
            _service.Add("vb-c", BackupKind.Volume, "c1", Epoch, Available(after: 20));
            var waiter = Waiter();

            waiter.Add(new WaitTarget("vb-a", BackupKind.Volume));
            waiter.Add(new WaitTarget("vb-b", BackupKind.Volume));
            await RunToEnd(waiter, new WaitTarget("vb-c", BackupKind.Volume));

            Assert.Equal(new[] { "vb-b", "vb-c", "vb-a" }, _observer.ReachedIds);
            Assert.All(_observer.Outcomes, o => Assert.Equal("AVAILABLE", o.Backup!.LifecycleState));
            // Polls at half a backup's age find it at most half its age late.
            Assert.InRange(_observer.WhenDone("vb-b"), Epoch.AddSeconds(10), Epoch.AddSeconds(15));
            Assert.InRange(_observer.WhenDone("vb-a"), Epoch.AddSeconds(30), Epoch.AddSeconds(45));
        }

        [Fact]
        public async Task A_faulty_backup_fails_at_once_with_a_clear_message()
        {
            _service.Add("vb-faulty", BackupKind.Volume, "c1", Epoch, (TimeSpan.FromSeconds(2), "CREATING"), (TimeSpan.FromSeconds(6), "FAULTY"));
            _service.Add("vb-fine", BackupKind.Volume, "c2", Epoch, Available(after: 60));
            var waiter = Waiter();

            waiter.Add(new WaitTarget("vb-faulty", BackupKind.Volume));
            await RunToEnd(waiter, new WaitTarget("vb-fine", BackupKind.Volume));

            var failure = _observer.FailureOf("vb-faulty");
            Assert.Equal(WaitFailureKind.Faulty, failure.Kind);
            Assert.Equal("Volume backup vb-faulty is FAULTY: it will never become AVAILABLE.", failure.Message);
            Assert.Equal("FAULTY", failure.LastSeen!.LifecycleState);
            Assert.InRange(_observer.WhenDone("vb-faulty"), Epoch.AddSeconds(6), Epoch.AddSeconds(9));
            Assert.Equal(new[] { "vb-faulty", "vb-fine" }, _observer.Outcomes.Select(o => o.Target.Id));
            Assert.All(_service.GetTimes("vb-faulty"), at => Assert.True(at <= _observer.WhenDone("vb-faulty")));
        }

        [Fact]
        public async Task A_terminated_backup_fails_as_terminated()
        {
            _service.Add("vb-gone", BackupKind.Volume, "c1", Epoch, (TimeSpan.FromSeconds(3), "TERMINATING"), (TimeSpan.FromSeconds(6), "TERMINATED"));
            var waiter = Waiter();

            await RunToEnd(waiter, new WaitTarget("vb-gone", BackupKind.Volume));

            var failure = _observer.FailureOf("vb-gone");
            Assert.Equal(WaitFailureKind.Terminated, failure.Kind);
            Assert.Equal("Volume backup vb-gone is TERMINATING: it will never become AVAILABLE.", failure.Message);
        }

        [Fact]
        public async Task Waiting_for_a_state_that_is_already_passed_counts_as_reached()
        {
            _service.Add("vgb-done", BackupKind.VolumeGroup, "c1", Epoch.AddHours(-1), Available(after: 60));
            var waiter = Waiter(o => o.TargetState = "COMMITTED");

            await RunToEnd(waiter, new WaitTarget("vgb-done", BackupKind.VolumeGroup));

            Assert.Equal("AVAILABLE", _observer.BackupOf("vgb-done").LifecycleState);
            Assert.Equal(Epoch, _observer.WhenDone("vgb-done"));
            Assert.Equal(1, _service.Count(FakeBackupService.GetVolumeGroupBackup));
        }

        [Fact]
        public async Task A_faulty_backup_is_reached_when_faulty_is_the_state_asked_for()
        {
            _service.Add("vb-faulty", BackupKind.Volume, "c1", Epoch, (TimeSpan.FromSeconds(5), "FAULTY"));
            var waiter = Waiter(o => o.TargetState = "FAULTY");

            await RunToEnd(waiter, new WaitTarget("vb-faulty", BackupKind.Volume));

            Assert.Equal("FAULTY", _observer.BackupOf("vb-faulty").LifecycleState);
        }

        [Fact]
        public async Task An_unknown_backup_fails_as_not_found_after_one_request()
        {
            var waiter = Waiter();

            await RunToEnd(waiter, new WaitTarget("vb-missing", BackupKind.Volume));

            var failure = _observer.FailureOf("vb-missing");
            Assert.Equal(WaitFailureKind.NotFound, failure.Kind);
            Assert.StartsWith("Volume backup vb-missing was not found", failure.Message);
            Assert.Equal(404, Assert.IsType<OciServiceException>(failure.Error).StatusCode);
            Assert.Equal(1, _service.Requests);
        }

        [Fact]
        public async Task A_refused_poll_fails_the_target_with_the_services_error()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 10));
            _service.FailGets("vb-a", 401);
            var waiter = Waiter();

            await RunToEnd(waiter, new WaitTarget("vb-a", BackupKind.Volume));

            var failure = _observer.FailureOf("vb-a");
            Assert.Equal(WaitFailureKind.Error, failure.Kind);
            Assert.Contains("401 NotAuthenticated", failure.Message);
            Assert.Equal(1, _service.Requests);
        }

        [Fact]
        public async Task The_timeout_fails_only_the_pending_targets_and_names_the_state_each_was_in()
        {
            _service.Add("vb-quick", BackupKind.Volume, "c1", Epoch, Available(after: 30));
            _service.Add("vb-stuck", BackupKind.Volume, "c2", Epoch, (TimeSpan.FromSeconds(5), "CREATING"));
            _service.Add("vb-waiting", BackupKind.Volume, "c3", Epoch);
            var waiter = Waiter(o => o.Timeout = TimeSpan.FromMinutes(2));

            waiter.Add(new WaitTarget("vb-quick", BackupKind.Volume));
            waiter.Add(new WaitTarget("vb-stuck", BackupKind.Volume));
            await RunToEnd(waiter, new WaitTarget("vb-waiting", BackupKind.Volume));

            Assert.Equal(new[] { "vb-quick" }, _observer.ReachedIds);
            var stuck = _observer.FailureOf("vb-stuck");
            Assert.Equal(WaitFailureKind.TimedOut, stuck.Kind);
            Assert.Equal("Volume backup vb-stuck did not become AVAILABLE within 2:00 min: it was still CREATING.", stuck.Message);
            Assert.Equal(Epoch.AddMinutes(2), _observer.WhenDone("vb-stuck"));
            Assert.Contains("it was still REQUEST_RECEIVED", _observer.FailureOf("vb-waiting").Message);
        }

        [Fact]
        public async Task A_target_that_never_answered_times_out_with_the_last_poll_error()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 600));
            _service.FailGets("vb-a", Enumerable.Repeat(503, 100).ToArray());
            var waiter = Waiter(o => o.Timeout = TimeSpan.FromSeconds(30));

            await RunToEnd(waiter, new WaitTarget("vb-a", BackupKind.Volume));

            var failure = _observer.FailureOf("vb-a");
            Assert.Equal(WaitFailureKind.TimedOut, failure.Kind);
            Assert.Contains("it was never seen (last poll failed: GET /20160918/volumeBackups/vb-a failed with 503 ServiceUnavailable", failure.Message);
        }

        [Fact]
        public async Task Transient_poll_failures_are_retried_in_later_rounds()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 20));
            _service.FailGets("vb-a", 503, 429, 500, FakeBackupService.ConnectionFailure, 409, 502);
            var waiter = Waiter();

            await RunToEnd(waiter, new WaitTarget("vb-a", BackupKind.Volume));

            Assert.Equal(new[] { "vb-a" }, _observer.ReachedIds);
            var gets = _service.GetTimes("vb-a");
            Assert.True(gets.Count > 6);
            Assert.All(gets.Zip(gets.Skip(1), (earlier, later) => later - earlier), gap => Assert.True(gap >= Min, $"polled again after {gap}"));
        }

        [Fact]
        public async Task A_retry_after_from_the_service_postpones_the_next_poll()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 5));
            _service.FailGet("vb-a", 429, TimeSpan.FromSeconds(45));
            var waiter = Waiter();

            await RunToEnd(waiter, new WaitTarget("vb-a", BackupKind.Volume));

            var gets = _service.GetTimes("vb-a");
            Assert.Equal(new[] { Epoch, Epoch.AddSeconds(45) }, gets);
            Assert.Equal(new[] { "vb-a" }, _observer.ReachedIds);
        }

        [Fact]
        public async Task Lists_answer_many_backups_of_one_compartment_with_fewer_requests_than_gets()
        {
            var withLists = await WaitForTwentyInOneCompartment(useLists: true);
            var getsOnly = await WaitForTwentyInOneCompartment(useLists: false);
            _output.WriteLine($"20 backups, one compartment: {withLists.Lists} list requests in {withLists.Rounds} rounds; gets only: {getsOnly.Gets} requests in {getsOnly.Rounds} rounds");

            Assert.Equal(20, withLists.Reached);
            Assert.Equal(20, getsOnly.Reached);
            Assert.Equal(0, withLists.Gets);
            Assert.Equal(0, getsOnly.Lists);
            // One list page answers all twenty where twenty gets would be needed.
            Assert.True(withLists.Lists * 10 <= getsOnly.Gets, $"lists: {withLists.Lists} requests, gets only: {getsOnly.Gets} requests");
            Assert.Equal(withLists.Lists, withLists.Rounds);
        }

        [Fact]
        public async Task Backups_known_by_id_alone_cost_one_get_to_find_their_compartment_then_a_list_page_a_round()
        {
            var withLists = await WaitForIdsAlone(300, useLists: true);
            var getsOnly = await WaitForIdsAlone(300, useLists: false);
            _output.WriteLine($"300 backups known by id alone: {withLists.Gets} gets + {withLists.Lists} lists in {withLists.Rounds} rounds; gets only: {getsOnly.Gets} gets in {getsOnly.Rounds} rounds");

            Assert.Equal(300, withLists.Reached);
            Assert.Equal(300, getsOnly.Reached);
            Assert.Equal(1, withLists.Gets);
            // One page of 1000 answers all 300 each round.
            Assert.Equal(withLists.Rounds, withLists.Lists);
            Assert.True((withLists.Gets + withLists.Lists) * 100 < getsOnly.Gets, $"{withLists.Gets} gets + {withLists.Lists} lists; gets only: {getsOnly.Gets}");
        }

        [Fact]
        public async Task Ids_that_are_not_where_most_of_their_kind_live_are_got_once_and_then_listed_with_their_own_compartment()
        {
            for (var i = 0; i < 10; i++)
            {
                _service.Add($"vb-a{i}", BackupKind.Volume, "c1", Epoch, Available(after: 60));
            }

            for (var i = 0; i < 3; i++)
            {
                _service.Add($"vb-b{i}", BackupKind.Volume, "c2", Epoch, Available(after: 60));
            }

            var waiter = Waiter();

            await RunToEnd(waiter, Enumerable.Range(0, 10).Select(i => $"vb-a{i}").Concat(Enumerable.Range(0, 3).Select(i => $"vb-b{i}")).Select(id => new WaitTarget(id, BackupKind.Volume)).ToArray());

            Assert.Equal(13, _observer.ReachedIds.Count);
            // One get finds c1; the list of c1 misses the three in c2, which are got once each and then listed in c2.
            Assert.Equal(4, _service.Count(FakeBackupService.GetVolumeBackup));
            Assert.Equal(new[] { "vb-a0", "vb-b0", "vb-b1", "vb-b2" }, _service.Served.Where(s => s.Operation == FakeBackupService.GetVolumeBackup).Select(s => s.Subject).OrderBy(id => id));
            Assert.Contains(_service.Served, s => s.Operation == FakeBackupService.ListVolumeBackups && s.Subject == "c2");
        }

        [Fact]
        public async Task Waiting_for_deletion_a_backup_the_service_no_longer_knows_counts_as_terminated()
        {
            _service.Add("vb-going", BackupKind.Volume, "c1", Epoch.AddHours(-1), (TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5), "TERMINATING"), (TimeSpan.FromHours(1) + TimeSpan.FromSeconds(10), "TERMINATED"));
            var waiter = Waiter(o => o.TargetState = "TERMINATED");

            await RunToEnd(waiter, new WaitTarget("vb-going", BackupKind.Volume, region: "us-ashburn-1"), new WaitTarget("vb-gone", BackupKind.Volume, region: "us-ashburn-1"));

            Assert.Equal(new[] { "vb-gone", "vb-going" }, _observer.ReachedIds);
            var gone = _observer.BackupOf("vb-gone");
            Assert.Equal(("TERMINATED", "us-ashburn-1"), (gone.LifecycleState, gone.Region));
            Assert.Equal("TERMINATED", _observer.BackupOf("vb-going").LifecycleState);
        }

        [Fact]
        public async Task Waiting_for_the_deletion_of_an_old_backup_polls_as_for_a_young_one()
        {
            // Made 30 days ago, deleted now: its age is that of the deletion, so it is not polled at the longest interval.
            _service.Add("vb-old", BackupKind.Volume, "c1", Epoch.AddDays(-30), (TimeSpan.FromDays(30), "TERMINATING"), (TimeSpan.FromDays(30) + TimeSpan.FromSeconds(3), "TERMINATED"));
            var waiter = Waiter(o => o.TargetState = "TERMINATED");

            await RunToEnd(waiter, new WaitTarget("vb-old", BackupKind.Volume, "c1", Epoch.AddDays(-30)));

            Assert.InRange(_observer.WhenDone("vb-old"), Epoch.AddSeconds(3), Epoch.AddSeconds(5));
        }

        [Fact]
        public async Task A_deletion_asked_for_just_now_is_first_polled_after_the_shortest_interval_however_old_the_backup()
        {
            var targets = DeletingTheOldestTen();
            var waiter = Waiter(o => o.TargetState = "TERMINATED");
            _service.Add("vb-other", BackupKind.Volume, "c9", Epoch.AddDays(-3), (TimeSpan.FromDays(3), "TERMINATING"), (TimeSpan.FromDays(3) + TimeSpan.FromSeconds(3), "TERMINATED"));

            // One of unknown age may have been done for hours: it is polled at once.
            await RunToEnd(waiter, targets[0], new WaitTarget("vb-other", BackupKind.Volume, "c9"));

            Assert.Equal(Epoch + Min, _service.GetTimes("vb-00").First());
            Assert.Equal(Epoch, _service.GetTimes("vb-other").First());
        }

        [Fact]
        public async Task While_targets_are_still_coming_a_list_of_many_pages_comes_once_per_its_pages_worth_of_intervals_and_what_falls_due_between_waits_for_it()
        {
            var targets = DeletingTheOldestTen();
            var waiter = DeletionWaiter();
            foreach (var target in targets)
            {
                waiter.Add(target);
            }

            var run = waiter.RunAsync(default);
            await Task.WhenAll(targets.Select(t => _observer.Done(t.Id))).WaitAsync(HangGuard);
            waiter.Complete();
            await run.WaitAsync(HangGuard);

            // Eight pages reach the oldest backups: after the first sweep at 1 s the list comes again at 9 s, not every
            // second. The three left then are due again at 10 s and wait until 17 s, when three gets cost less than the list.
            Assert.Equal(new[] { Epoch.AddSeconds(1), Epoch.AddSeconds(9) }, Sweeps("c1"));
            Assert.Equal(2 * 8, _service.Count(FakeBackupService.ListVolumeBackups));
            Assert.Equal(new[] { Epoch.AddSeconds(17) }, _service.Served.Where(r => r.Operation == FakeBackupService.GetVolumeBackup).Select(r => r.At).Distinct());
            Assert.Equal(10, _observer.ReachedIds.Count);
        }

        [Fact]
        public async Task Once_no_more_targets_are_coming_the_list_goes_as_soon_as_one_is_due()
        {
            var targets = DeletingTheOldestTen();
            var waiter = DeletionWaiter();

            await RunToEnd(waiter, targets);

            // The last is TERMINATED at 12 s and seen soon after, where a held list would come at 17 s.
            Assert.InRange(_observer.WhenDone("vb-09"), Epoch.AddSeconds(12), Epoch.AddSeconds(14));
            Assert.True(Sweeps("c1").Count > 3);
            Assert.Equal(10, _observer.ReachedIds.Count);
        }

        [Fact]
        public async Task When_the_last_target_has_come_a_list_held_back_goes_at_once()
        {
            var targets = DeletingTheOldestTen();
            var waiter = DeletionWaiter();
            _time.Held = true;
            foreach (var target in targets)
            {
                waiter.Add(target);
            }

            using var stop = new CancellationTokenSource();
            var run = waiter.RunAsync(stop.Token);
            await _time.HeldDelaysStarted(1).WaitAsync(HangGuard);
            // The first sweep, at 1 s: eight pages to the oldest, every target still TERMINATING.
            _time.Advance(Min);
            await _time.HeldDelaysStarted(2).WaitAsync(HangGuard);
            // At 2 s every target is due again, but more may come: the list is held until 9 s.
            _time.Advance(Min);
            await _time.HeldDelaysStarted(3).WaitAsync(HangGuard);
            var heldSweeps = Sweeps("c1");

            waiter.Complete();
            await _time.HeldDelaysStarted(4).WaitAsync(HangGuard);
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run).WaitAsync(HangGuard);

            Assert.Equal(new[] { Epoch.AddSeconds(1) }, heldSweeps);
            Assert.Equal(new[] { Epoch.AddSeconds(1), Epoch.AddSeconds(2) }, Sweeps("c1"));
        }

        [Fact]
        public async Task A_target_of_unknown_compartment_due_alone_is_answered_by_the_list_where_its_kind_lives_not_a_get()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch.AddMinutes(-10), Available(after: 1200));
            _service.Add("vb-b", BackupKind.Volume, "c1", Epoch.AddMinutes(-10), Available(after: 1200));
            _service.Add("vb-new", BackupKind.Volume, "c1", Epoch, Available(after: 5));
            var waiter = Waiter();
            _time.Held = true;
            waiter.Add(new WaitTarget("vb-a", BackupKind.Volume, "c1", Epoch.AddMinutes(-10)));
            waiter.Add(new WaitTarget("vb-b", BackupKind.Volume, "c1", Epoch.AddMinutes(-10)));
            using var stop = new CancellationTokenSource();
            var run = waiter.RunAsync(stop.Token);
            // The list of c1 answers the two at once; they are old, so their next poll is far off.
            await _time.HeldDelaysStarted(1).WaitAsync(HangGuard);
            // A new one whose compartment is not known yet is due on its own at 1 s, while the two are still pending.
            waiter.Add(new WaitTarget("vb-new", BackupKind.Volume, timeRequestReceived: Epoch));
            await _time.HeldDelaysStarted(2).WaitAsync(HangGuard);
            _time.Advance(Min);
            await _time.HeldDelaysStarted(3).WaitAsync(HangGuard);
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run).WaitAsync(HangGuard);

            Assert.Equal(0, _service.Count(FakeBackupService.GetVolumeBackup));
            Assert.Equal(new[] { Epoch, Epoch + Min }, Sweeps("c1"));
        }

        [Fact]
        public void A_state_the_kind_never_has_is_refused_when_the_target_is_added()
        {
            var waiter = Waiter(o => o.TargetState = "RESTORING");

            var error = Assert.Throws<ArgumentException>(() => waiter.Add(new WaitTarget("vb-a", BackupKind.Volume)));

            Assert.Contains("A volume backup never is RESTORING", error.Message);
        }

        [Fact]
        public async Task Paging_stops_once_past_the_oldest_pending_backup_and_a_backup_the_list_misses_gets_a_get()
        {
            for (var i = 0; i < 100; i++)
            {
                _service.Add($"vb-old-{i:D3}", BackupKind.Volume, "c1", Epoch.AddDays(-1).AddMinutes(i), Available(after: 60));
            }

            _service.Add("vb-new-1", BackupKind.Volume, "c1", Epoch, Available(after: 20));
            _service.Add("vb-new-2", BackupKind.Volume, "c1", Epoch, Available(after: 25));
            _service.Add("vb-elsewhere", BackupKind.Volume, "c2", Epoch, Available(after: 50));
            var waiter = Waiter(o => o.ListPageSize = 5);

            waiter.Add(new WaitTarget("vb-new-1", BackupKind.Volume, "c1", Epoch));
            waiter.Add(new WaitTarget("vb-new-2", BackupKind.Volume, "c1", Epoch));
            // The caller named the wrong compartment: the list cannot show it.
            await RunToEnd(waiter, new WaitTarget("vb-elsewhere", BackupKind.Volume, "c1", Epoch));

            Assert.Equal(new[] { "vb-new-1", "vb-new-2", "vb-elsewhere" }, _observer.ReachedIds);
            var lists = _service.Served.Where(s => s.Operation == FakeBackupService.ListVolumeBackups).ToList();
            Assert.NotEmpty(lists);
            Assert.All(lists, list => Assert.Equal("c1", list.Subject));
            Assert.True(_service.GetTimes("vb-elsewhere").Count > 0);
            Assert.Empty(_service.GetTimes("vb-new-1"));
        }

        [Fact]
        public async Task Gets_poll_each_backup_at_most_once_per_interval()
        {
            for (var i = 0; i < 10; i++)
            {
                // One compartment each: nothing to share a list with.
                _service.Add($"vb-{i}", BackupKind.Volume, $"c{i}", Epoch.AddSeconds(i * 3), Available(after: 20 + (i * 7)));
            }

            var waiter = Waiter();
            for (var i = 0; i < 10; i++)
            {
                waiter.Add(new WaitTarget($"vb-{i}", BackupKind.Volume, $"c{i}", Epoch.AddSeconds(-i)));
            }

            waiter.Complete();
            await waiter.RunAsync(default);

            Assert.Equal(10, _observer.ReachedIds.Count);
            for (var i = 0; i < 10; i++)
            {
                var gets = _service.GetTimes($"vb-{i}");
                Assert.All(gets.Zip(gets.Skip(1), (earlier, later) => later - earlier), gap => Assert.True(gap >= Min, $"vb-{i} polled again after {gap}"));
            }

            Assert.Equal(0, _service.Count(FakeBackupService.ListVolumeBackups));
        }

        [Fact]
        public async Task Polls_back_off_while_a_backup_is_young_and_tighten_near_its_expected_completion()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 120));
            var waiter = Waiter(o => o.ExpectedDuration = TimeSpan.FromSeconds(120));

            await RunToEnd(waiter, new WaitTarget("vb-a", BackupKind.Volume, "c1", Epoch));

            var delays = _time.Delays.Select(d => Math.Round(d.TotalSeconds, 2)).ToList();
            Assert.Equal(new[] { 1, 1, 1, 1.5, 2.25, 3.38, 5.06, 7.59, 11.39, 17.09, 25.63, 21.56, 10.78, 5.39, 2.69, 1.35, 1, 1 }, delays);
            Assert.InRange(_observer.WhenDone("vb-a"), Epoch.AddSeconds(120), Epoch.AddSeconds(121));
            Assert.Equal(18, _service.Requests);
        }

        [Fact]
        public async Task Without_an_expected_duration_polls_back_off_up_to_the_maximum_interval()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 600));
            var waiter = Waiter();

            await RunToEnd(waiter, new WaitTarget("vb-a", BackupKind.Volume, "c1", Epoch));

            var delays = _time.Delays;
            Assert.All(delays.Zip(delays.Skip(1), (earlier, later) => later >= earlier), Assert.True);
            Assert.Equal(Max, delays.Last());
            Assert.Equal(Min, delays.First());
            Assert.InRange(_observer.WhenDone("vb-a"), Epoch.AddSeconds(600), Epoch.AddSeconds(600) + Max);
        }

        [Fact]
        public async Task Durations_seen_to_finish_predict_when_the_others_will()
        {
            _service.Add("vb-first", BackupKind.Volume, "c1", Epoch, Available(after: 100));
            var waiter = Waiter();

            var run = waiter.RunAsync(default);
            waiter.Add(new WaitTarget("vb-first", BackupKind.Volume, "c1", Epoch));
            await _observer.Done("vb-first").WaitAsync(HangGuard);
            var learned = _observer.WhenDone("vb-first") - Epoch;
            var secondRequested = _time.UtcNow;
            _service.Add("vb-second", BackupKind.Volume, "c2", secondRequested, Available(after: 100));
            waiter.Add(new WaitTarget("vb-second", BackupKind.Volume, "c2", secondRequested));
            waiter.Complete();
            await run.WaitAsync(HangGuard);

            // Back-off alone found vb-first up to half its age late; vb-second's polls close in on the learned duration.
            Assert.InRange(learned.TotalSeconds, 110, 150);
            var lateBy = _observer.WhenDone("vb-second") - secondRequested - TimeSpan.FromSeconds(100);
            Assert.InRange(lateBy.TotalSeconds, 0, ((learned.TotalSeconds - 100) / 2) + Min.TotalSeconds);
        }

        [Fact]
        public async Task A_transient_list_failure_is_retried_with_a_list_next_round()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 10));
            _service.Add("vb-b", BackupKind.Volume, "c1", Epoch, Available(after: 10));
            _service.FailLists(503, 429);
            var waiter = Waiter();

            waiter.Add(new WaitTarget("vb-a", BackupKind.Volume, "c1", Epoch));
            await RunToEnd(waiter, new WaitTarget("vb-b", BackupKind.Volume, "c1", Epoch));

            Assert.Equal(2, _observer.ReachedIds.Count);
            Assert.Equal(0, _service.Count(FakeBackupService.GetVolumeBackup));
            Assert.True(_service.Count(FakeBackupService.ListVolumeBackups) > 2);
        }

        [Fact]
        public async Task Lists_throttled_round_after_round_stay_lists_where_failing_ones_give_way_to_gets()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 10));
            _service.Add("vb-b", BackupKind.Volume, "c1", Epoch, Available(after: 10));
            _service.Add("vb-c", BackupKind.Volume, "c2", Epoch, Available(after: 10));
            _service.Add("vb-d", BackupKind.Volume, "c2", Epoch, Available(after: 10));
            _service.FailLists(Enumerable.Repeat(429, 2 * (CompartmentListing.FailuresBeforeGetsOnly + 1)).ToArray());
            var waiter = Waiter();

            waiter.Add(new WaitTarget("vb-a", BackupKind.Volume, "c1", Epoch));
            await RunToEnd(waiter, new WaitTarget("vb-b", BackupKind.Volume, "c1", Epoch));
            var throttledGets = _service.Count(FakeBackupService.GetVolumeBackup);
            _service.FailLists(Enumerable.Repeat(503, 2 * (CompartmentListing.FailuresBeforeGetsOnly + 1)).ToArray());
            waiter = Waiter();
            waiter.Add(new WaitTarget("vb-c", BackupKind.Volume, "c2", Epoch));
            await RunToEnd(waiter, new WaitTarget("vb-d", BackupKind.Volume, "c2", Epoch));

            Assert.Equal(0, throttledGets);
            Assert.True(_service.Count(FakeBackupService.GetVolumeBackup) >= 2);
            Assert.Equal(4, _observer.ReachedIds.Count);
        }

        [Fact]
        public async Task A_refused_list_falls_back_to_gets()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 10));
            _service.Add("vb-b", BackupKind.Volume, "c1", Epoch, Available(after: 10));
            _service.FailLists(400);
            var waiter = Waiter();

            waiter.Add(new WaitTarget("vb-a", BackupKind.Volume, "c1", Epoch));
            await RunToEnd(waiter, new WaitTarget("vb-b", BackupKind.Volume, "c1", Epoch));

            Assert.Equal(2, _observer.ReachedIds.Count);
            Assert.Equal(1, _service.Count(FakeBackupService.ListVolumeBackups));
            Assert.True(_service.Count(FakeBackupService.GetVolumeBackup) >= 2);
        }

        [Fact]
        public async Task Targets_added_after_the_run_started_are_waited_for()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch.AddHours(-1), Available(after: 60));
            _service.Add("vb-b", BackupKind.Volume, "c1", Epoch.AddHours(-1), Available(after: 60));
            var waiter = Waiter();

            var run = waiter.RunAsync(default);
            waiter.Add(new WaitTarget("vb-a", BackupKind.Volume));
            await _observer.Done("vb-a").WaitAsync(HangGuard);
            waiter.Add(new WaitTarget("vb-b", BackupKind.Volume));
            await _observer.Done("vb-b").WaitAsync(HangGuard);
            Assert.False(run.IsCompleted);
            waiter.Complete();
            await run.WaitAsync(HangGuard);

            Assert.Equal(new[] { "vb-a", "vb-b" }, _observer.ReachedIds);
        }

        [Fact]
        public async Task Targets_added_from_many_threads_while_running_each_get_exactly_one_outcome()
        {
            for (var i = 0; i < 200; i++)
            {
                var end = i % 10 == 0 ? "FAULTY" : "AVAILABLE";
                _service.Add($"vb-{i}", BackupKind.Volume, $"c{i % 4}", Epoch.AddMinutes(-10), (TimeSpan.FromSeconds(i), end));
            }

            var waiter = Waiter();
            var run = waiter.RunAsync(default);
            Parallel.For(0, 200, i => waiter.Add(new WaitTarget($"vb-{i}", BackupKind.Volume, i % 3 == 0 ? null : $"c{i % 4}")));
            waiter.Complete();
            await run.WaitAsync(HangGuard);

            Assert.Equal(Enumerable.Range(0, 200).Select(i => $"vb-{i}").OrderBy(id => id), _observer.Outcomes.Select(o => o.Target.Id).OrderBy(id => id));
            Assert.Equal(20, _observer.Outcomes.Count(o => o.Failure?.Kind == WaitFailureKind.Faulty));
            Assert.Equal((200, 200), (_observer.Progress.Last().Done, _observer.Progress.Last().Total));
        }

        [Fact]
        public async Task Complete_with_nothing_added_ends_the_run()
        {
            var waiter = Waiter();

            var run = waiter.RunAsync(default);
            waiter.Complete();
            await run.WaitAsync(HangGuard);

            Assert.Empty(_observer.Outcomes);
            Assert.Equal(0, _service.Requests);
        }

        [Fact]
        public void Adding_after_complete_is_refused()
        {
            var waiter = Waiter();
            waiter.Complete();

            Assert.Throws<InvalidOperationException>(() => waiter.Add(new WaitTarget("vb-a", BackupKind.Volume)));
        }

        [Fact]
        public async Task A_backup_added_twice_is_polled_once_and_reported_to_both_targets()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 10));
            var waiter = Waiter();
            var first = new WaitTarget("vb-a", BackupKind.Volume, tag: "first");
            var second = new WaitTarget("vb-a", BackupKind.Volume, tag: "second");

            waiter.Add(first);
            waiter.Add(second);
            waiter.Complete();
            await waiter.RunAsync(default);

            Assert.Equal(new[] { first, second }, _observer.Outcomes.Select(o => o.Target));
            var gets = _service.GetTimes("vb-a");
            Assert.Equal(gets.Distinct().Count(), gets.Count);
            Assert.Equal(2, _observer.Progress.Last().Total);
        }

        [Fact]
        public async Task Progress_tells_done_of_total_and_the_slowest_pending_backup_after_each_round()
        {
            _service.Add("vb-quick", BackupKind.Volume, "c1", Epoch, Available(after: 10));
            _service.Add("vb-slow", BackupKind.Volume, "c2", Epoch, Available(after: 40));
            var waiter = Waiter();

            waiter.Add(new WaitTarget("vb-slow", BackupKind.Volume));
            await RunToEnd(waiter, new WaitTarget("vb-quick", BackupKind.Volume));

            var progress = _observer.Progress;
            Assert.Equal(_service.Served.Select(s => s.At).Distinct().Count(), progress.Count);
            var halfway = progress.First(p => p.Done == 1);
            Assert.Equal(2, halfway.Total);
            Assert.Equal("vb-slow", halfway.SlowestPending!.Id);
            Assert.Equal("CREATING", halfway.SlowestState);
            Assert.Equal(_observer.WhenDone("vb-quick") - Epoch, halfway.SlowestElapsed);
            var last = progress.Last();
            Assert.Equal((2, 2), (last.Done, last.Total));
            Assert.Null(last.SlowestPending);
        }

        [Fact]
        public async Task Cancelling_while_asleep_stops_the_run_with_OperationCanceledException()
        {
            _service.Add("vb-a", BackupKind.Volume, "c1", Epoch, Available(after: 600));
            _time.Held = true;
            var waiter = Waiter();
            using var cancellation = new CancellationTokenSource();

            waiter.Add(new WaitTarget("vb-a", BackupKind.Volume, "c1", Epoch));
            var run = waiter.RunAsync(cancellation.Token);
            await _time.HeldDelayStarted.WaitAsync(HangGuard);
            cancellation.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(HangGuard));
            Assert.Empty(_observer.Outcomes);
            Assert.Equal(new[] { "vb-a" }, waiter.PendingTargets.Select(t => t.Id));
        }

        [Fact]
        public async Task Cancelling_during_a_request_cancels_the_request_and_stops_the_run()
        {
            _service.Hang = true;
            var waiter = Waiter();
            using var cancellation = new CancellationTokenSource();

            waiter.Add(new WaitTarget("vb-a", BackupKind.Volume));
            var run = waiter.RunAsync(cancellation.Token);
            await _service.HangingRequest.WaitAsync(HangGuard);
            cancellation.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(HangGuard));
            Assert.Equal(1, _service.CancelledRequests);
        }

        private static (TimeSpan After, string State)[] Available(double after) => new[]
        {
            (TimeSpan.FromSeconds(after * 0.2), "CREATING"),
            (TimeSpan.FromSeconds(after), "AVAILABLE"),
        };

        private async Task<(int Reached, int Gets, int Lists, int Rounds)> WaitForTwentyInOneCompartment(bool useLists)
        {
            var time = new SimulatedTime(Epoch);
            var service = new FakeBackupService(time);
            for (var i = 0; i < 30; i++)
            {
                service.Add($"vb-old-{i}", BackupKind.Volume, "c1", Epoch.AddHours(-2).AddMinutes(i), Available(after: 60));
            }

            for (var i = 0; i < 20; i++)
            {
                service.Add($"vb-{i}", BackupKind.Volume, "c1", Epoch, Available(after: 60 + (3 * i)));
            }

            using var session = TestSessions.Over(service);
            var observer = new RecordingObserver(time);
            var waiter = new ResourceWaiter(session, new ResourceWaiterOptions
            {
                Clock = time,
                Delay = time,
                MinPollInterval = Min,
                MaxPollInterval = Max,
                UseListOperations = useLists,
                ListPageSize = 25,
            }, observer);
            for (var i = 0; i < 20; i++)
            {
                waiter.Add(new WaitTarget($"vb-{i}", BackupKind.Volume, "c1", Epoch));
            }

            waiter.Complete();
            await waiter.RunAsync(default);
            return (observer.ReachedIds.Count, service.Count(FakeBackupService.GetVolumeBackup), service.Count(FakeBackupService.ListVolumeBackups), observer.Progress.Count);
        }

        private async Task<(int Reached, int Gets, int Lists, int Rounds)> WaitForIdsAlone(int count, bool useLists)
        {
            var time = new SimulatedTime(Epoch);
            var service = new FakeBackupService(time);
            for (var i = 0; i < count; i++)
            {
                service.Add($"vb-{i:D3}", BackupKind.Volume, "c1", Epoch, Available(after: 60 + (i % 7)));
            }

            using var session = TestSessions.Over(service);
            var observer = new RecordingObserver(time);
            var waiter = new ResourceWaiter(session, new ResourceWaiterOptions
            {
                Clock = time,
                Delay = time,
                MinPollInterval = Min,
                MaxPollInterval = Max,
                UseListOperations = useLists,
            }, observer);
            for (var i = 0; i < count; i++)
            {
                waiter.Add(new WaitTarget($"vb-{i:D3}", BackupKind.Volume));
            }

            waiter.Complete();
            await waiter.RunAsync(default);
            return (observer.ReachedIds.Count, service.Count(FakeBackupService.GetVolumeBackup), service.Count(FakeBackupService.ListVolumeBackups), observer.Progress.Count);
        }

        private ResourceWaiter Waiter(Action<ResourceWaiterOptions>? configure = null)
        {
            var options = new ResourceWaiterOptions
            {
                Clock = _time,
                Delay = _time,
                MinPollInterval = Min,
                MaxPollInterval = Max,
            };
            configure?.Invoke(options);
            return new ResourceWaiter(_session, options, _observer);
        }

        /// <summary>Adds the targets, says no more will come, and runs the wait to its end.</summary>
        /// <summary>
        /// Forty backups of c1, a day apart, the oldest ten being deleted from now on (each TERMINATING, then TERMINATED
        /// 3 + i seconds later); the targets for those ten, as a bulk run of deletions makes them (asked for just now).
        /// </summary>
        private WaitTarget[] DeletingTheOldestTen(bool withCompartment = true)
        {
            for (var i = 0; i < 40; i++)
            {
                var made = Epoch.AddDays(i - 40);
                var deleted = Epoch - made;
                if (i < 10)
                {
                    _service.Add($"vb-{i:D2}", BackupKind.Volume, "c1", made, (deleted, "TERMINATING"), (deleted + TimeSpan.FromSeconds(3 + i), "TERMINATED"));
                }
                else
                {
                    _service.Add($"vb-{i:D2}", BackupKind.Volume, "c1", made, Available(after: 60));
                }
            }

            return Enumerable.Range(0, 10).Select(i => new WaitTarget($"vb-{i:D2}", BackupKind.Volume, withCompartment ? "c1" : null, requestedJustNow: true)).ToArray();
        }

        /// <summary>A waiter for TERMINATED that lists five backups a page, so the forty of <see cref="DeletingTheOldestTen"/> take eight.</summary>
        private ResourceWaiter DeletionWaiter() => Waiter(o =>
        {
            o.TargetState = "TERMINATED";
            o.ListPageSize = 5;
        });

        /// <summary>When each list of the compartment began at its first page.</summary>
        private List<DateTimeOffset> Sweeps(string compartmentId) =>
            _service.Served.Where(r => r.Operation == FakeBackupService.ListVolumeBackups && r.Subject == compartmentId).Select(r => r.At).ToList();

        private static async Task RunToEnd(ResourceWaiter waiter, params WaitTarget[] targets)
        {
            foreach (var target in targets)
            {
                waiter.Add(target);
            }

            waiter.Complete();
            await waiter.RunAsync(default);
        }
    }
}

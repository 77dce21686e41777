using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Engine;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;
using Xunit;
using Xunit.Abstractions;

namespace OciBackup.Tests.Waiting
{
    /// <summary>The waiter against the emulator over real HTTP with the real clock: backups that really take time, some ending FAULTY.</summary>
    public sealed class ResourceWaiterEmulatorTests : EmulatorTest
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        private readonly ITestOutputHelper _output;

        public ResourceWaiterEmulatorTests(ITestOutputHelper output)
        {
            _output = output;
        }

        protected override void Configure(EmulatorOptions options)
        {
            options.BackupDuration = TimeSpan.FromMilliseconds(700);
            options.BackupDurationJitter = TimeSpan.FromMilliseconds(300);
            options.VolumesPerCompartment = 16;
            options.VolumeGroupsPerCompartment = 6;
            options.VolumesPerGroup = 2;
            options.RandomSeed = 20261123;
            options.Faults = new FaultSettings { FaultyBackupShare = 0.25 };
            options.CompartmentNames.Add("nightly");
        }

        [Fact]
        public async Task Backups_created_while_waiting_each_reach_available_or_fail_as_faulty_with_fewer_requests_than_gets()
        {
            var compartment = Emulator.Compartments.Single();
            var observer = new RecordingObserver(SystemClock.Instance);
            var waiter = new ResourceWaiter(Session, RealTimeOptions(), observer);

            var run = waiter.RunAsync(default);
            var created = new List<VolumeBackup>();
            foreach (var volume in compartment.VolumeIds)
            {
                var backup = (await Session.Blockstorage.CreateVolumeBackupAsync(new CreateVolumeBackupDetails(volume), Guid.NewGuid().ToString("N"), default)).Value;
                created.Add(backup);
                waiter.Add(new WaitTarget(backup.Id, BackupKind.Volume, backup.CompartmentId, backup.TimeRequestReceived, tag: volume));
            }

            waiter.Complete();
            await run.WaitAsync(HangGuard);
            var requests = Emulator.Statistics.RequestsByOperation;

            var outcomes = observer.Outcomes;
            Assert.Equal(created.Select(b => b.Id).OrderBy(id => id), outcomes.Select(o => o.Target.Id).OrderBy(id => id));
            foreach (var (target, backup, failure, _) in outcomes)
            {
                var truth = (await Session.Blockstorage.GetVolumeBackupAsync(target.Id, default)).Value.LifecycleState;
                if (failure == null)
                {
                    Assert.Equal("AVAILABLE", backup!.LifecycleState);
                    Assert.Equal("AVAILABLE", truth);
                }
                else
                {
                    Assert.Equal(WaitFailureKind.Faulty, failure.Kind);
                    Assert.Equal("FAULTY", truth);
                }
            }

            Assert.Contains(outcomes, o => o.Failure != null);
            Assert.Contains(outcomes, o => o.Failure == null);
            var gets = requests.TryGetValue("GetVolumeBackup", out var g) ? g : 0;
            var lists = requests.TryGetValue("ListVolumeBackups", out var l) ? l : 0;
            var rounds = observer.Progress.Count;
            _output.WriteLine($"{created.Count} backups: {lists} lists + {gets} gets in {rounds} rounds (a get per backup per round: up to {rounds * created.Count})");
            Assert.True(gets < created.Count, $"{gets} gets for {created.Count} backups");
            Assert.True((lists + gets) * 4 < (long)rounds * created.Count, $"{lists} lists + {gets} gets in {rounds} rounds for {created.Count} backups");
        }

        [Fact]
        public async Task Group_backups_known_only_by_id_are_found_with_one_get_then_followed_with_one_request_a_round()
        {
            var compartment = Emulator.Compartments.Single();
            var ids = new List<string>();
            foreach (var group in compartment.VolumeGroupIds)
            {
                ids.Add((await Session.Blockstorage.CreateVolumeGroupBackupAsync(new CreateVolumeGroupBackupDetails(group), Guid.NewGuid().ToString("N"), default)).Value.Id);
            }

            var observer = new RecordingObserver(SystemClock.Instance);
            var waiter = new ResourceWaiter(Session, RealTimeOptions(), observer);
            foreach (var id in ids)
            {
                waiter.Add(new WaitTarget(id, BackupKind.VolumeGroup));
            }

            waiter.Complete();
            await waiter.RunAsync(default).WaitAsync(HangGuard);
            var requests = Emulator.Statistics.RequestsByOperation;

            Assert.Equal(ids.OrderBy(id => id), observer.Outcomes.Select(o => o.Target.Id).OrderBy(id => id));
            Assert.All(observer.Outcomes, o => Assert.True(o.Failure == null ? o.Backup!.LifecycleState == "AVAILABLE" : o.Failure.Kind == WaitFailureKind.Faulty, o.Failure?.Message));
            // One get finds out where they live; after that a round costs one request (a list while two or more
            // are pending, a get for the last one) instead of one per backup.
            var gets = requests["GetVolumeGroupBackup"];
            var lists = requests["ListVolumeGroupBackups"];
            var rounds = observer.Progress.Count;
            _output.WriteLine($"{ids.Count} group backups: {gets} gets + {lists} lists in {rounds} rounds");
            Assert.True(lists >= 1);
            Assert.True(gets + lists <= rounds + 1, $"{gets} gets + {lists} lists in {rounds} rounds");
            Assert.True(gets < ids.Count, $"{gets} gets for {ids.Count} backups");
        }

        private static ResourceWaiterOptions RealTimeOptions() => new ResourceWaiterOptions
        {
            MinPollInterval = TimeSpan.FromMilliseconds(50),
            MaxPollInterval = TimeSpan.FromMilliseconds(200),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }
}

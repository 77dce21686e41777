using System;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Engine;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;
using Xunit;

namespace OciBackup.Tests.Bulk
{
    /// <summary>
    /// The engine's issue-12 operations against the emulator serving two regions over real HTTP, with a session given
    /// the emulator's endpoint map (as Start-OciEmulator's is): copy, restore and delete as bulk runs that wait, the
    /// list filters and Identity reads. Each side was built to OCI's documents alone; here their requests and answers meet.
    /// </summary>
    public sealed class BulkOperationsEmulatorTests : EmulatorTest
    {
        private const string Ashburn = "us-ashburn-1";
        private const string Phoenix = "us-phoenix-1";
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        protected override void Configure(EmulatorOptions options)
        {
            options.RandomSeed = 1212;
            options.VolumesPerCompartment = 1;
            options.VolumeGroupsPerCompartment = 1;
            options.VolumesPerGroup = 2;
            // Sources are ready at once; what the engine waits for takes a moment, so its waits poll.
            options.BackupDuration = TimeSpan.Zero;
            options.CopyDuration = TimeSpan.FromMilliseconds(400);
            options.RestoreDuration = TimeSpan.FromMilliseconds(400);
            options.HydrationDuration = TimeSpan.Zero;
            options.DeleteDuration = TimeSpan.FromMilliseconds(400);
            options.AdditionalRegions.Add(Phoenix);
            options.CompartmentNames.Add("prod");
            options.CompartmentNames.Add("prod/db");
        }

        [Fact]
        public async Task A_backup_copied_to_the_other_region_is_restored_there_and_both_are_deleted_each_in_its_region()
        {
            var compartment = Emulator.CompartmentsIn(Ashburn)[0];
            var volume = compartment.VolumeIds.First(id => !Emulator.VolumeIdsOfGroup(compartment.VolumeGroupIds[0]).Contains(id));
            var source = (await Session.Blockstorage.CreateVolumeBackupAsync(new CreateVolumeBackupDetails(volume), "source", default)).Value;

            var copied = await RunAsync(new CopyBackupOperation(BackupKind.Volume, new CopyBackupDetails(Phoenix) { DisplayName = "dr copy" }),
                new BulkItem(source.Id, Session.Clients.Endpoints.RegionOf(source.Id)));
            var copy = Assert.IsType<VolumeBackup>(copied.Wait.Outcomes.Single().Backup);
            var copiesInPhoenix = await Session.Clients.Blockstorage(Phoenix).ListAllVolumeBackupsAsync(new BackupFilter(compartment.Id) { CopiedFromId = source.Id }, default);
            var domain = (await Session.Clients.Identity(Phoenix).ListAvailabilityDomainsAsync(compartment.Id, default)).OrderBy(d => d.Name).First().Name;

            var restored = await RunAsync(new RestoreBackupOperation(BackupKind.Volume, new RestoreDetails(domain) { DisplayName = "restored" }),
                new BulkItem(copy.Id, Session.Clients.Endpoints.RegionOf(copy.Id)));
            var volumeInPhoenix = Assert.IsType<Volume>(restored.Wait.Outcomes.Single().Backup);

            var deleted = await RunAsync(new DeleteBackupOperation(BackupKind.Volume),
                new BulkItem(source.Id, Session.Clients.Endpoints.RegionOf(source.Id)), new BulkItem(copy.Id, Session.Clients.Endpoints.RegionOf(copy.Id)));
            var state = Emulator.Statistics;

            Assert.Equal(("AVAILABLE", Phoenix, "dr copy"), (copy.LifecycleState, copy.Region, copy.DisplayName));
            Assert.StartsWith("ocid1.volumebackup.oc1.us-phoenix-1.", copy.Id, StringComparison.Ordinal);
            Assert.Equal(new[] { copy.Id }, copiesInPhoenix.Select(b => b.Id));
            Assert.Equal(("AVAILABLE", Phoenix, "restored"), (volumeInPhoenix.LifecycleState, volumeInPhoenix.Region, volumeInPhoenix.DisplayName));
            Assert.Equal(domain, volumeInPhoenix.AvailabilityDomain);
            Assert.Empty(deleted.Failed);
            Assert.Equal(new[] { copy.Id, source.Id }.OrderBy(id => id), deleted.Wait.Outcomes.Select(o => o.Target.Id).OrderBy(id => id));
            Assert.All(deleted.Wait.Outcomes, o => Assert.Equal("TERMINATED", o.Backup!.LifecycleState));
            Assert.Equal(Ashburn, deleted.Wait.Outcomes.Single(o => o.Target.Id == source.Id).Backup!.Region);
            Assert.Equal(1L, state.RequestsByOperation["CopyVolumeBackup"]);
            Assert.Equal(1L, state.RequestsByOperation["CreateVolume"]);
            Assert.Equal(2L, state.RequestsByOperation["DeleteVolumeBackup"]);
            Assert.Equal(0, state.AuthenticationFailures);
        }

        [Fact]
        public async Task A_group_backup_is_copied_and_restored_as_a_group_in_the_other_region()
        {
            var compartment = Emulator.CompartmentsIn(Ashburn)[0];
            var source = (await Session.Blockstorage.CreateVolumeGroupBackupAsync(new CreateVolumeGroupBackupDetails(compartment.VolumeGroupIds[0]), "group-source", default)).Value;

            var copied = await RunAsync(new CopyBackupOperation(BackupKind.VolumeGroup, new CopyBackupDetails(Phoenix)),
                new BulkItem(source.Id, Session.Clients.Endpoints.RegionOf(source.Id)));
            var copy = Assert.IsType<VolumeGroupBackup>(copied.Wait.Outcomes.Single().Backup);
            var domain = (await Session.Clients.Identity(Phoenix).ListAvailabilityDomainsAsync(compartment.Id, default)).OrderBy(d => d.Name).First().Name;
            var restored = await RunAsync(new RestoreBackupOperation(BackupKind.VolumeGroup, new RestoreDetails(domain)),
                new BulkItem(copy.Id, Session.Clients.Endpoints.RegionOf(copy.Id)));
            var group = Assert.IsType<VolumeGroup>(restored.Wait.Outcomes.Single().Backup);

            Assert.Equal(("AVAILABLE", Phoenix), (copy.LifecycleState, copy.Region));
            Assert.Equal(("AVAILABLE", Phoenix), (group.LifecycleState, group.Region));
            Assert.StartsWith("ocid1.volumegroup.oc1.us-phoenix-1.", group.Id, StringComparison.Ordinal);
            Assert.Equal(0, Emulator.Statistics.AuthenticationFailures);
        }

        [Fact]
        public async Task Compartments_are_the_same_tree_in_every_region_and_each_region_lists_only_its_volumes()
        {
            var tenancy = Session.TenancyId!;

            var atHome = await Session.Identity.ListAllCompartmentsAsync(new CompartmentFilter(tenancy) { WholeSubtree = true }, default);
            var inPhoenix = await Session.Clients.Identity(Phoenix).ListAllCompartmentsAsync(new CompartmentFilter(tenancy) { WholeSubtree = true }, default);
            var children = await Session.Identity.ListAllCompartmentsAsync(new CompartmentFilter(tenancy), default);
            var prod = children.Single(c => c.Name == "prod");
            var volumesInPhoenix = await Session.Clients.Blockstorage(Phoenix).ListAllVolumesAsync(new VolumeFilter(prod.Id), default);
            var groupsAtHome = await Session.Blockstorage.ListAllVolumeGroupsAsync(new VolumeFilter(prod.Id), default);

            Assert.Equal(new[] { "db", "prod" }, atHome.Select(c => c.Name).OrderBy(n => n));
            Assert.Equal(atHome.Select(c => c.Id).OrderBy(id => id), inPhoenix.Select(c => c.Id).OrderBy(id => id));
            Assert.Equal(prod.Id, atHome.Single(c => c.Name == "db").CompartmentId);
            Assert.Equal(new[] { "prod" }, children.Select(c => c.Name));
            Assert.Equal(Emulator.CompartmentsIn(Phoenix).Single(c => c.Id == prod.Id).VolumeIds.OrderBy(id => id), volumesInPhoenix.Select(v => v.Id).OrderBy(id => id));
            Assert.All(volumesInPhoenix, v => Assert.Equal(Phoenix, v.Region));
            Assert.All(groupsAtHome, g => Assert.Equal(Ashburn, g.Region));
            Assert.Single(groupsAtHome);
        }

        private async Task<RecordingBulkObserver> RunAsync(BulkOperation operation, params BulkItem[] items)
        {
            var observer = await RecordingBulkObserver.RunToEndAsync(Session, operation, new BulkRunOptions
            {
                Wait = true,
                WaitTimeout = TimeSpan.FromSeconds(30),
                WaitOptions = new ResourceWaiterOptions { MinPollInterval = TimeSpan.FromMilliseconds(50), MaxPollInterval = TimeSpan.FromMilliseconds(200) },
            }, items, HangGuard);
            Assert.Empty(observer.Failed);
            Assert.Empty(observer.Wait.Outcomes.Where(o => o.Failure != null).Select(o => o.Failure!.Message));
            return observer;
        }
    }
}

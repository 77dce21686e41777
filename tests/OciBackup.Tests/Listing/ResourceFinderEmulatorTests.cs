using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Listing;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Listing
{
    /// <summary>
    /// The finder behind the Get- cmdlets against the emulator serving two regions, with a compartment below another:
    /// what the service filters and what is tested here, compartment trees, sources' backups, regions.
    /// </summary>
    public sealed class ResourceFinderEmulatorTests : EmulatorTest
    {
        private const string Ashburn = "us-ashburn-1";
        private const string Phoenix = "us-phoenix-1";

        protected override void Configure(EmulatorOptions options)
        {
            options.RandomSeed = 4242;
            options.VolumesPerCompartment = 4;
            options.VolumeGroupsPerCompartment = 1;
            options.VolumesPerGroup = 2;
            options.BackupDuration = TimeSpan.Zero;
            options.AdditionalRegions.Add(Phoenix);
            options.CompartmentNames.Add("prod");
            options.CompartmentNames.Add("prod/db");
            options.CompartmentNames.Add("dev");
        }

        private EmulatorCompartment Prod(string region = Ashburn) => Emulator.CompartmentsIn(region).Single(c => c.Name == "prod");

        private EmulatorCompartment Db(string region = Ashburn) => Emulator.CompartmentsIn(region).Single(c => c.ParentId == Prod(region).Id);

        [Fact]
        public async Task Volumes_of_a_compartment_and_those_below_it_are_found_in_the_region_asked_for()
        {
            using var finder = new ResourceFinder(Session, Session.TenancyId);
            var found = new List<ILifecycleResource>();

            var count = await finder.ListSourcesAsync(SourceKind.Volume, Prod(Phoenix).Id, subtree: true, Phoenix, new ResourceConditions(), found.AddRange, default);

            var expected = Prod(Phoenix).VolumeIds.Concat(Db(Phoenix).VolumeIds).OrderBy(id => id);
            Assert.Equal(expected, found.Select(v => v.Id).OrderBy(id => id));
            Assert.Equal(found.Count, count);
            Assert.All(found, v => Assert.Equal(Phoenix, v.Region));
            Assert.DoesNotContain(found, v => Emulator.CompartmentsIn(Phoenix).Single(c => c.Name == "dev").VolumeIds.Contains(v.Id));
            // One list of the tenancy's tree, then one list of volumes per compartment.
            Assert.Equal(1L, Emulator.Statistics.RequestsByOperation["ListCompartments"]);
        }

        [Fact]
        public async Task Tags_and_name_patterns_are_tested_here_state_and_domain_go_to_the_service()
        {
            using var finder = new ResourceFinder(Session, Session.TenancyId);
            var conditions = new ResourceConditions
            {
                LifecycleState = "AVAILABLE",
                DisplayName = name => name != null && name.StartsWith("prod-volume-", StringComparison.OrdinalIgnoreCase),
                DisplayNameDescription = "name like 'prod-volume-*'",
            };
            conditions.FreeformTags.Add(new FreeformTagCondition("BACKUP", value => value == "nightly", "backup like 'nightly'"));
            var told = new ConcurrentQueue<string>();
            using var explaining = new ResourceFinder(Session, Session.TenancyId, explain: told.Enqueue);
            var found = new List<ILifecycleResource>();

            await explaining.ListSourcesAsync(SourceKind.Volume, Prod().Id, subtree: false, null, conditions, found.AddRange, default);

            // The generated inventory tags odd-numbered stand-alone volumes backup=nightly; group members are not.
            Assert.Equal(new[] { "prod-volume-1", "prod-volume-3" }, found.Select(v => v.DisplayName).OrderBy(n => n));
            Assert.Contains(told, line => line.Contains("6 listed, 2 with name like 'prod-volume-*', backup like 'nightly'", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Volume_groups_are_found_by_tag_and_availability_domain()
        {
            using var finder = new ResourceFinder(Session, Session.TenancyId);
            var domain = (await Session.Clients.Identity(Ashburn).ListAvailabilityDomainsAsync(Prod().Id, default)).OrderBy(d => d.Name).First().Name;
            var conditions = new ResourceConditions { AvailabilityDomain = domain };
            conditions.FreeformTags.Add(new FreeformTagCondition("backup", value => value == "nightly", "backup like 'nightly'"));
            var found = new List<ILifecycleResource>();

            await finder.ListSourcesAsync(SourceKind.VolumeGroup, Prod().Id, subtree: true, null, conditions, found.AddRange, default);

            Assert.Equal(Prod().VolumeGroupIds.Concat(Db().VolumeGroupIds).OrderBy(id => id), found.Select(g => g.Id).OrderBy(id => id));
            Assert.All(found, g => Assert.Equal(domain, ((VolumeGroup)g).AvailabilityDomain));
        }

        [Fact]
        public async Task One_read_by_id_is_left_out_when_it_does_not_meet_the_conditions_and_a_missing_one_is_a_404()
        {
            using var finder = new ResourceFinder(Session, Session.TenancyId);
            var nightly = Prod(Phoenix).VolumeIds.Select(id => id).First();
            var conditions = new ResourceConditions { LifecycleState = "TERMINATED" };

            var volume = await finder.GetAsync(SourceKind.Volume, nightly, Phoenix, new ResourceConditions(), default);
            var leftOut = await finder.GetAsync(SourceKind.Volume, nightly, Phoenix, conditions, default);
            var missing = await Assert.ThrowsAsync<OciServiceException>(() => finder.GetAsync(SourceKind.Volume, nightly, Ashburn, new ResourceConditions(), default));

            Assert.Equal((nightly, Phoenix), (volume!.Id, volume.Region));
            Assert.Null(leftOut);
            Assert.Equal(404, missing.StatusCode);
        }

        [Fact]
        public async Task The_backups_of_a_volume_are_listed_in_its_own_compartment_newest_first_read_from_the_volume_when_not_given()
        {
            var volume = Db().VolumeIds.First(id => !Db().VolumeGroupIds.SelectMany(Emulator.VolumeIdsOfGroup).Contains(id));
            var first = (await Session.Blockstorage.CreateVolumeBackupAsync(new CreateVolumeBackupDetails(volume) { DisplayName = "first" }, "first", default)).Value;
            await Task.Delay(20);
            var second = (await Session.Blockstorage.CreateVolumeBackupAsync(new CreateVolumeBackupDetails(volume) { DisplayName = "second" }, "second", default)).Value;
            using var finder = new ResourceFinder(Session, Session.TenancyId);
            var gets = Emulator.Statistics.RequestsByOperation.GetValueOrDefault("GetVolume");

            var found = await finder.ListBackupsOfAsync(BackupKind.Volume, volume, compartmentId: null, null, new ResourceConditions(), default);
            var inCompartment = await finder.ListBackupsOfAsync(BackupKind.Volume, volume, Db().Id, null, new ResourceConditions { LifecycleState = "FAULTY" }, default);

            Assert.Equal(new[] { second.Id, first.Id }, found.Select(b => b.Id));
            Assert.Empty(inCompartment);
            Assert.Equal(gets + 1, Emulator.Statistics.RequestsByOperation["GetVolume"]);
        }

        [Fact]
        public async Task Group_backups_of_a_compartment_are_filtered_by_state_and_name_pattern()
        {
            var group = Prod().VolumeGroupIds.Single();
            var kept = (await Session.Blockstorage.CreateVolumeGroupBackupAsync(new CreateVolumeGroupBackupDetails(group) { DisplayName = "weekly 1" }, "w1", default)).Value;
            await Session.Blockstorage.CreateVolumeGroupBackupAsync(new CreateVolumeGroupBackupDetails(group) { DisplayName = "daily 1" }, "d1", default);
            using var finder = new ResourceFinder(Session, Session.TenancyId);
            var conditions = new ResourceConditions { LifecycleState = "AVAILABLE", DisplayName = name => name?.StartsWith("weekly", StringComparison.Ordinal) == true };
            var found = new List<ILifecycleResource>();

            await finder.ListBackupsAsync(BackupKind.VolumeGroup, Prod().Id, subtree: false, null, conditions, found.AddRange, default);

            var only = Assert.IsType<VolumeGroupBackup>(Assert.Single(found));
            Assert.Equal((kept.Id, Ashburn), (only.Id, only.Region));
        }
    }
}

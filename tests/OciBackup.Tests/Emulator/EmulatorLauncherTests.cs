using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Emulator;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Emulator
{
    /// <summary>
    /// The emulator the module ships, started out of process by the launcher as Start-OciEmulator starts it, and
    /// driven through its admin endpoint as Get-OciEmulatorState, Set-OciEmulatorFault and Stop-OciEmulator drive it.
    /// </summary>
    public sealed class EmulatorLauncherTests : IDisposable
    {
        private readonly string _folderRoot = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ocibackup-launcher-" + Guid.NewGuid().ToString("N"))).FullName;
        private readonly List<OciEmulator> _started = new List<OciEmulator>();

        [Fact]
        public async Task Start_returns_the_url_process_inventory_config_and_a_session_that_signs_for_it()
        {
            var options = new EmulatorStartOptions { Volumes = 4, VolumeGroups = 1, VolumesPerGroup = 3, BackupSeconds = 1 };
            options.Compartments.Add("a");
            options.Compartments.Add("b");

            var emulator = await StartAsync(options);

            Assert.Matches(@"^http://127\.0\.0\.1:\d+$", emulator.Url);
            Assert.Equal(new Uri(emulator.Url).Port, emulator.Port);
            Assert.Equal(emulator.Url + "/admin", emulator.AdminUrl);
            Assert.False(Process.GetProcessById(emulator.ProcessId).HasExited);
            Assert.Equal(new[] { "us-ashburn-1" }, emulator.Regions);
            Assert.Equal(emulator.Url, emulator.Endpoints["us-ashburn-1"]);
            Assert.Equal(2, emulator.CompartmentIds.Length);
            Assert.Equal(emulator.CompartmentIds[0], emulator.CompartmentId);
            Assert.Equal(emulator.CompartmentIds[1], emulator.Compartments["B"]);
            Assert.Equal(14, emulator.VolumeIds.Length);
            Assert.Equal(8, emulator.StandaloneVolumeIds.Length);
            Assert.Equal(2, emulator.VolumeGroupIds.Length);
            Assert.All(emulator.VolumeGroupIds, g => Assert.Equal(3, ((string[])emulator.VolumeGroupMembers[g]!).Length));
            Assert.Empty(emulator.StandaloneVolumeIds.Intersect(emulator.VolumeGroupIds.SelectMany(g => (string[])emulator.VolumeGroupMembers[g]!)));
            Assert.Equal(Path.Combine(emulator.ConfigFolder, "config"), emulator.ConfigFile);
            Assert.StartsWith(_folderRoot, emulator.ConfigFolder, StringComparison.Ordinal);
            Assert.Equal("DEFAULT", emulator.Profile);
            Assert.True(File.Exists(Path.Combine(emulator.ConfigFolder, "key.pem")));
            Assert.Contains(EmulatorProcess.ListeningPrefix + emulator.Url, File.ReadAllText(emulator.LogFile), StringComparison.Ordinal);
            Assert.Equal(ModuleEmulator.Host.ExecutablePath, emulator.DotnetPath);
            Assert.True(emulator.StartDuration > TimeSpan.Zero);

            var volume = await emulator.Session.Blockstorage.GetVolumeAsync(emulator.VolumeIds[0], CancellationToken.None);
            var state = await emulator.Admin.GetStateAsync(CancellationToken.None);

            Assert.Equal(emulator.VolumeIds[0], volume.Value.Id);
            Assert.Equal(1, state.AuthenticatedRequests);
            Assert.Equal(0, state.AuthenticationFailures);
            Assert.Equal(1L, state.RequestsByOperation["GetVolume"]);
        }

        [Fact]
        public async Task With_several_regions_the_inventory_is_the_home_regions_and_the_session_signs_for_each_at_its_endpoint()
        {
            var options = new EmulatorStartOptions { Volumes = 1, VolumeGroups = 1, VolumesPerGroup = 2, BackupSeconds = 0 };
            options.Regions.Add("us-phoenix-1");
            options.Regions.Add("us-ashburn-1");

            var emulator = await StartAsync(options);
            var inventory = await emulator.Admin.GetInventoryAsync(CancellationToken.None);
            var ashburnVolume = inventory.Compartments[0].Volumes.First(v => v.Region == "us-ashburn-1" && v.VolumeGroupId == null).Id;
            var regions = emulator.Session.Clients;
            var ashburn = regions.Blockstorage("us-ashburn-1");

            // Made in Ashburn through the one session: the client of the volume's region sends it to Ashburn's port.
            var made = (await regions.Blockstorage(regions.Endpoints.RegionOf(ashburnVolume))
                .CreateVolumeBackupAsync(new CreateVolumeBackupDetails(ashburnVolume), "made-in-ashburn", CancellationToken.None)).Value;
            var got = (await regions.Blockstorage(regions.Endpoints.RegionOf(made.Id)).GetVolumeBackupAsync(made.Id, CancellationToken.None)).Value;
            var listed = await ashburn.ListAllVolumeBackupsAsync(new BackupFilter(emulator.CompartmentId), CancellationToken.None);
            var listedAtHome = await emulator.Session.Blockstorage.ListAllVolumeBackupsAsync(new BackupFilter(emulator.CompartmentId), CancellationToken.None);
            var ashburnDomains = await regions.Identity("us-ashburn-1").ListAvailabilityDomainsAsync(emulator.CompartmentId, CancellationToken.None);
            var atHome = await Assert.ThrowsAsync<OciServiceException>(() => emulator.Session.Blockstorage.GetVolumeBackupAsync(made.Id, CancellationToken.None));
            var volumeAtHome = await Assert.ThrowsAsync<OciServiceException>(() => emulator.Session.Blockstorage.GetVolumeAsync(ashburnVolume, CancellationToken.None));
            var state = await emulator.Admin.GetStateAsync(CancellationToken.None);

            Assert.Equal("us-phoenix-1", emulator.Region);
            Assert.Equal(new[] { "us-phoenix-1", "us-ashburn-1" }, emulator.Regions);
            Assert.Equal(emulator.Url, emulator.Endpoints["US-PHOENIX-1"]);
            Assert.Matches(@"^http://127\.0\.0\.1:\d+$", (string)emulator.Endpoints["us-ashburn-1"]!);
            Assert.NotEqual(emulator.Url, emulator.Endpoints["us-ashburn-1"]);
            Assert.Equal(3, emulator.VolumeIds.Length);
            Assert.All(emulator.VolumeIds, id => Assert.StartsWith("ocid1.volume.oc1.us-phoenix-1.", id, StringComparison.Ordinal));
            Assert.Equal(("us-phoenix-1", new Uri(emulator.Url)), (emulator.Session.Region, emulator.Session.Endpoint));
            Assert.Equal(new Uri((string)emulator.Endpoints["us-ashburn-1"]!), regions.Endpoints.Blockstorage("us-ashburn-1"));
            Assert.Equal(new Uri((string)emulator.Endpoints["us-ashburn-1"]!), regions.Endpoints.Identity("us-ashburn-1"));
            Assert.StartsWith("ocid1.volumebackup.oc1.us-ashburn-1.", made.Id, StringComparison.Ordinal);
            Assert.Equal(("us-ashburn-1", "us-ashburn-1"), (made.Region, regions.Endpoints.RegionOf(made.Id)));
            Assert.Equal((made.Id, "us-ashburn-1"), (got.Id, got.Region));
            Assert.Equal(new[] { made.Id }, listed.Select(b => b.Id));
            Assert.Empty(listedAtHome);
            Assert.All(ashburnDomains, d => Assert.StartsWith("Uocm:US-ASHBURN-AD-", d.Name, StringComparison.Ordinal));
            Assert.Equal((404, 404), (atHome.StatusCode, volumeAtHome.StatusCode));
            Assert.Equal(0, state.AuthenticationFailures);
            Assert.Equal(4L, state.RequestsByRegion["us-ashburn-1"]);
            Assert.Equal(3L, state.RequestsByRegion["us-phoenix-1"]);
        }

        [Fact]
        public async Task Stop_shuts_it_down_cleanly_removes_its_folder_and_does_nothing_the_second_time()
        {
            var emulator = await StartAsync();
            var folder = emulator.ConfigFolder;

            var first = await emulator.StopAsync(TimeSpan.FromSeconds(10));
            var second = await emulator.StopAsync(TimeSpan.FromSeconds(10));

            Assert.StartsWith("shut down cleanly", first, StringComparison.Ordinal);
            Assert.Null(second);
            Assert.True(emulator.HasExited);
            Assert.False(Directory.Exists(folder));
            Assert.DoesNotContain(emulator, RunningEmulators.All);
            Assert.Throws<ArgumentException>(() => Process.GetProcessById(emulator.ProcessId));
        }

        [Fact]
        public async Task A_stopped_emulator_is_EmulatorNotRunning_to_the_admin_client()
        {
            var emulator = await StartAsync();
            using var admin = new EmulatorAdminClient(new Uri(emulator.Url));
            await emulator.StopAsync(TimeSpan.FromSeconds(10));

            var error = await Assert.ThrowsAsync<OciEmulatorException>(() => admin.GetStateAsync(CancellationToken.None));

            Assert.Equal(OciEmulatorErrorKind.EmulatorNotRunning, error.Kind);
            Assert.Equal(emulator.Url, error.Target);
        }

        [Fact]
        public async Task Several_emulators_run_at_once_each_on_its_own_port_process_and_folder()
        {
            var emulators = await Task.WhenAll(StartAsync(), StartAsync(), StartAsync());

            Assert.Equal(3, emulators.Select(e => e.Port).Distinct().Count());
            Assert.Equal(3, emulators.Select(e => e.ProcessId).Distinct().Count());
            Assert.Equal(3, emulators.Select(e => e.ConfigFolder).Distinct().Count());
            foreach (var emulator in emulators)
            {
                var volume = await emulator.Session.Blockstorage.GetVolumeAsync(emulator.VolumeIds[0], CancellationToken.None);
                Assert.Equal(emulator.VolumeIds[0], volume.Value.Id);
                Assert.Equal(1, (await emulator.Admin.GetStateAsync(CancellationToken.None)).AuthenticatedRequests);
            }
        }

        [Fact]
        public async Task Every_fault_setting_is_understood_by_the_emulator_at_start_and_at_run_time()
        {
            var options = new EmulatorStartOptions();
            var atStart = Values(offset: 0.01);
            foreach (var fault in atStart)
            {
                options.Faults[fault.Key] = fault.Value;
            }

            var emulator = await StartAsync(options);
            var inForce = await emulator.Admin.GetFaultsAsync(CancellationToken.None);
            var later = Values(offset: 0.02);
            var changed = await emulator.Admin.SetFaultsAsync(later, CancellationToken.None);
            var reset = await emulator.Admin.ResetFaultsAsync(CancellationToken.None);

            Assert.All(atStart, f => Assert.Equal(f.Value, (double)inForce[f.Key.ParameterName]!));
            Assert.All(later, f => Assert.Equal(f.Value, (double)changed[f.Key.ParameterName]!));
            Assert.Equal(EmulatorFaultSetting.All.Count, reset.Count);
            Assert.All(EmulatorFaultSetting.All.Where(s => s.ParameterName != "SlowResponseSeconds"), s => Assert.Equal(0.0, (double)reset[s.ParameterName]!));
        }

        [Fact]
        public async Task An_out_of_range_fault_is_EmulatorRequestRefused_with_the_emulators_reason()
        {
            var emulator = await StartAsync();
            var setting = EmulatorFaultSetting.ByParameterName("ServiceUnavailableShare")!;
            await emulator.Admin.SetFaultsAsync(new Dictionary<EmulatorFaultSetting, double> { [EmulatorFaultSetting.ByParameterName("InternalServerErrorShare")!] = 0.8 }, CancellationToken.None);

            var error = await Assert.ThrowsAsync<OciEmulatorException>(() =>
                emulator.Admin.SetFaultsAsync(new Dictionary<EmulatorFaultSetting, double> { [setting] = 0.5 }, CancellationToken.None));

            Assert.Equal(OciEmulatorErrorKind.EmulatorRequestRefused, error.Kind);
            Assert.Contains("must not exceed 1", error.Message, StringComparison.Ordinal);
            Assert.Equal(0.0, (double)(await emulator.Admin.GetFaultsAsync(CancellationToken.None))["ServiceUnavailableShare"]!);
        }

        [Fact]
        public async Task State_counts_backups_per_volume_and_never_a_retried_create_twice()
        {
            var emulator = await StartAsync(new EmulatorStartOptions { Volumes = 3, VolumeGroups = 0 });
            var volumeId = emulator.VolumeIds[1];

            await emulator.Session.Blockstorage.CreateVolumeBackupAsync(new CreateVolumeBackupDetails(volumeId), "token-1", CancellationToken.None);
            await emulator.Session.Blockstorage.CreateVolumeBackupAsync(new CreateVolumeBackupDetails(volumeId), "token-1", CancellationToken.None);
            var state = await emulator.Admin.GetStateAsync(CancellationToken.None);

            Assert.Equal(1L, state.VolumeBackupsCreated[volumeId]);
            Assert.Equal(0L, state.VolumeBackupsCreated[emulator.VolumeIds[0]]);
            Assert.Equal(3, state.VolumeBackupsCreated.Count);
            Assert.Equal(1, state.VolumeBackups);
            Assert.Equal(2L, state.RequestsByOperation["CreateVolumeBackup"]);
            Assert.NotNull(state.Time);
        }

        [Fact]
        public async Task State_counts_copies_restores_and_deletes_per_backup_and_requests_per_region()
        {
            // With BackupSeconds 0 backups and copies are done as soon as made, so the source may be deleted right after its copy.
            var options = new EmulatorStartOptions { Volumes = 1, VolumeGroups = 0, BackupSeconds = 0 };
            options.Regions.Add("us-ashburn-1");
            options.Regions.Add("us-phoenix-1");
            var emulator = await StartAsync(options);
            var http = emulator.Session.Http;
            var backup = (await emulator.Session.Blockstorage.CreateVolumeBackupAsync(new CreateVolumeBackupDetails(emulator.VolumeIds[0]), "b-1", CancellationToken.None)).Value.Id;

            async Task<int> SendAsync(HttpMethod method, string path, string? json, string? retryToken = null)
            {
                var request = new OciRequest(method, path, json == null ? null : System.Text.Encoding.UTF8.GetBytes(json)).WithHeader("opc-retry-token", retryToken);
                return (int)(await http.SendAsync(request, CancellationToken.None)).StatusCode;
            }

            var copied = await SendAsync(HttpMethod.Post, $"/20160918/volumeBackups/{backup}/actions/copy", "{\"destinationRegion\":\"us-phoenix-1\"}", "c-1");
            var again = await SendAsync(HttpMethod.Post, $"/20160918/volumeBackups/{backup}/actions/copy", "{\"destinationRegion\":\"us-phoenix-1\"}", "c-1");
            var restored = await SendAsync(HttpMethod.Post, "/20160918/volumes",
                $"{{\"compartmentId\":\"{emulator.CompartmentId}\",\"availabilityDomain\":\"Uocm:US-ASHBURN-AD-1\",\"sourceDetails\":{{\"type\":\"volumeBackup\",\"id\":\"{backup}\"}}}}", "r-1");
            var deleted = await SendAsync(HttpMethod.Delete, "/20160918/volumeBackups/" + backup, null);
            var state = await emulator.Admin.GetStateAsync(CancellationToken.None);

            Assert.Equal(new[] { 200, 200, 200, 204 }, new[] { copied, again, restored, deleted });
            Assert.Equal(1L, state.CopiesMade[backup]);
            Assert.Equal(1L, state.Restores[backup]);
            Assert.Equal(1L, state.Deletes[backup]);
            Assert.Equal(1, state.VolumeBackupCopiesMade);
            Assert.Equal(1, state.VolumesRestored);
            Assert.Equal(1, state.VolumeBackupsDeleted);
            Assert.Equal(0, state.VolumeGroupBackupsDeleted);
            Assert.Equal(5L, state.RequestsByRegion["us-ashburn-1"]);
            Assert.Null(state.RequestsByRegion["us-phoenix-1"]);
        }

        [Fact]
        public async Task Quoted_paths_reach_the_emulator_intact()
        {
            // Windows allows no quote in a file name.
            var name = OperatingSystem.IsWindows() ? "a folder with spaces" : "a folder with \"quotes\" and spaces\\";
            var seedFolder = Directory.CreateDirectory(Path.Combine(_folderRoot, name)).FullName;
            var seed = Path.Combine(seedFolder, "seed file.json");
            File.WriteAllText(seed, "{ \"compartments\": [ { \"name\": \"seeded one\", \"volumes\": [ { \"displayName\": \"v\" } ] } ] }");

            var emulator = await StartAsync(new EmulatorStartOptions { SeedFile = seed });

            Assert.Equal(new[] { "seeded one" }, emulator.Compartments.Keys.Cast<string>());
            Assert.Single(emulator.VolumeIds);
        }

        [Fact]
        public async Task An_emulator_that_exits_before_listening_is_EmulatorStartFailed_with_its_message_and_leaves_nothing()
        {
            var missing = Path.Combine(_folderRoot, "no-such-seed.json");

            var error = await Assert.ThrowsAsync<OciEmulatorException>(() => StartAsync(new EmulatorStartOptions { SeedFile = missing }));

            Assert.Equal(OciEmulatorErrorKind.EmulatorStartFailed, error.Kind);
            Assert.Contains("exited with code 1 before it listened", error.Message, StringComparison.Ordinal);
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetDirectories(_folderRoot, EmulatorLauncher.FolderPrefix + "*"));
        }

        [Fact]
        public async Task Not_listening_in_time_is_EmulatorStartTimedOut_and_its_process_is_stopped()
        {
            var error = await Assert.ThrowsAsync<OciEmulatorException>(() => StartAsync(timeout: TimeSpan.FromMilliseconds(1)));

            Assert.Equal(OciEmulatorErrorKind.EmulatorStartTimedOut, error.Kind);
            Assert.Empty(Directory.GetDirectories(_folderRoot, EmulatorLauncher.FolderPrefix + "*"));
            Assert.Throws<ArgumentException>(() => Process.GetProcessById(int.Parse(error.Target!, System.Globalization.CultureInfo.InvariantCulture)));
        }

        [Fact]
        public async Task A_missing_emulator_is_EmulatorNotFound_before_anything_starts()
        {
            var launcher = new EmulatorLauncher(ModuleEmulator.Host, Path.Combine(_folderRoot, "nothing", "OciBackup.Emulator.dll"), _folderRoot);

            var error = await Assert.ThrowsAsync<OciEmulatorException>(() => launcher.StartAsync(new EmulatorStartOptions(), null, TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None));

            Assert.Equal(OciEmulatorErrorKind.EmulatorNotFound, error.Kind);
            Assert.Empty(Directory.GetDirectories(_folderRoot));
        }

        [Fact]
        public async Task An_emulator_stops_by_itself_and_removes_its_key_when_its_parent_process_is_gone()
        {
            var parent = await StartAsync();
            var child = await StartAsync(new EmulatorStartOptions { ParentProcessId = parent.ProcessId });

            await parent.StopAsync(TimeSpan.FromSeconds(10));
            var deadline = Stopwatch.StartNew();
            while (!child.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }

            Assert.True(child.HasExited, "the emulator still runs after its parent process exited");
            Assert.False(File.Exists(Path.Combine(child.ConfigFolder, "key.pem")), "the emulator left its throwaway key behind");
        }

        [Fact]
        public async Task The_shipped_emulator_reads_an_encrypted_key_with_the_modules_BouncyCastle()
        {
            Assert.False(File.Exists(Path.Combine(ModuleEmulator.ModuleFolder, "emulator", "BouncyCastle.Cryptography.dll")), "the emulator must use the module's copy");
            Assert.False(File.Exists(Path.Combine(ModuleEmulator.ModuleFolder, "emulator", "OciBackup.Emulator.deps.json")), "a deps.json would demand its own copy");
            var keys = Path.Combine(AppContext.BaseDirectory, "vectors", "keys");
            var config = Path.Combine(_folderRoot, "config");
            File.WriteAllText(config, $"[DEFAULT]\nuser=ocid1.user.oc1..aaaa\nfingerprint=1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe\n" +
                $"key_file={Path.Combine(keys, "test-rsa2048-pkcs1-encrypted-des3.pem")}\npass_phrase=correct horse\ntenancy=ocid1.tenancy.oc1..aaaa\nregion=us-ashburn-1\n");
            var folder = Directory.CreateDirectory(Path.Combine(_folderRoot, "run")).FullName;

            using var process = EmulatorProcess.Start(ModuleEmulator.Host.ExecutablePath, ModuleEmulator.Assembly, new[] { "--port", "0", "--trust-oci-config", config }, folder);
            var url = await process.WaitForUrlAsync(TimeSpan.FromSeconds(60), CancellationToken.None);

            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        }

        public void Dispose()
        {
            foreach (var emulator in _started)
            {
                emulator.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
            }

            Directory.Delete(_folderRoot, recursive: true);
        }

        private static Dictionary<EmulatorFaultSetting, double> Values(double offset) =>
            EmulatorFaultSetting.All.ToDictionary(s => s, s => s.Maximum == 1 ? offset * (1 + EmulatorFaultSetting.All.ToList().IndexOf(s)) : s.Minimum < 0 ? -5 - offset : 7 + offset);

        private async Task<OciEmulator> StartAsync(EmulatorStartOptions? options = null, TimeSpan? timeout = null)
        {
            var emulator = await ModuleEmulator.StartAsync(options, timeout, _folderRoot);
            lock (_started)
            {
                _started.Add(emulator);
            }

            return emulator;
        }
    }
}

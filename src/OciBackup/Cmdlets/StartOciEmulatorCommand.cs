using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OciBackup.Completion;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Emulator;
using OciBackup.Loading;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Starts a local OCI emulator with a throwaway key and config, and returns it with a session ready for -Session and its inventory.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "OciEmulator", SupportsShouldProcess = true)]
    [OutputType(typeof(OciEmulator))]
    public sealed class StartOciEmulatorCommand : EmulatorCmdlet
    {
        public const string EmulatorFolderName = "emulator";
        public const string EmulatorAssemblyName = "OciBackup.Emulator.dll";

        /// <summary><para type="description">Stand-alone volumes in each compartment (0 to 10000; the emulator's default is 3).</para></summary>
        [Parameter]
        [ValidateRange(0, 10_000)]
        public int Volumes { get; set; }

        /// <summary><para type="description">Volume groups in each compartment (0 to 1000; default 1).</para></summary>
        [Parameter]
        [ValidateRange(0, 1_000)]
        public int VolumeGroups { get; set; }

        /// <summary><para type="description">Volumes in each volume group (0 to 64; default 2).</para></summary>
        [Parameter]
        [ValidateRange(0, 64)]
        public int VolumesPerGroup { get; set; }

        /// <summary><para type="description">Names of the compartments to create (default: one named emulator).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Compartment { get; set; }

        /// <summary><para type="description">A JSON inventory file that replaces the generated one.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SeedFile { get; set; }

        /// <summary><para type="description">Seconds from request to AVAILABLE (or FAULTY) for a backup (default 10).</para></summary>
        [Parameter]
        [ValidateRange(0.0, 86_400.0)]
        public double BackupSeconds { get; set; }

        /// <summary><para type="description">Up to this many more seconds per backup, drawn at random.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 86_400.0)]
        public double BackupJitterSeconds { get; set; }

        /// <summary><para type="description">Share (0 to 1) of new backups that end FAULTY.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double FaultyShare { get; set; }

        /// <summary><para type="description">Faults in force from the start, by Set-OciEmulatorFault's parameter names.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Fault { get; set; }

        /// <summary><para type="description">Seed of every random choice (OCIDs, jitter, faults), for runs that repeat exactly.</para></summary>
        [Parameter]
        public int RandomSeed { get; set; }

        /// <summary><para type="description">The regions the emulator serves, each on its own port (default us-ashburn-1); the first is the home region of the config and the session.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidatePattern("^[a-z][a-z0-9-]*[a-z0-9]$")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        /// <summary><para type="description">The profile name in the generated OCI config (default DEFAULT).</para></summary>
        [Parameter]
        [ValidatePattern(@"^[^\[\]\s]+$")]
        public string Profile { get; set; } = "DEFAULT";

        /// <summary><para type="description">Also play an OCI instance: a metadata service and a federation endpoint on ports of their own, so that New-OciSession -AuthType InstancePrincipal signs in with the output's InstancePrincipalVariables set.</para></summary>
        [Parameter]
        public SwitchParameter InstancePrincipal { get; set; }

        /// <summary><para type="description">Also play an OCI Function: resource principal token and key files, renewed at half their life, named by the output's ResourcePrincipalVariables.</para></summary>
        [Parameter]
        public SwitchParameter ResourcePrincipal { get; set; }

        /// <summary><para type="description">Also play Cloud Shell: a config and a delegation token, renewed at half its life, named by the output's CloudShellVariables (implies -InstancePrincipal).</para></summary>
        [Parameter]
        public SwitchParameter CloudShell { get; set; }

        /// <summary><para type="description">Also write a session-token profile, as oci session authenticate leaves it, at the output's SessionTokenConfigFile.</para></summary>
        [Parameter]
        public SwitchParameter SessionToken { get; set; }

        /// <summary><para type="description">Also play Huawei Cloud: its Volume Backup Service and RDS, each on a port of its own, with a generated AK/SK; the output's HwcSession signs for them, HwcVolumeIds and HwcInstanceIds are their disks and DB instances.</para></summary>
        [Parameter]
        public SwitchParameter Huawei { get; set; }

        /// <summary><para type="description">The Huawei side's region (default cn-north-4); implies -Huawei.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(HwcRegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string? HwcRegion { get; set; }

        /// <summary><para type="description">EVS disks of the Huawei inventory (default 3); implies -Huawei.</para></summary>
        [Parameter]
        [ValidateRange(0, 100_000)]
        public int HwcVolumes { get; set; }

        /// <summary><para type="description">RDS instances of the Huawei inventory (default 2: MySQL, PostgreSQL, SQL Server in turn); implies -Huawei.</para></summary>
        [Parameter]
        [ValidateRange(0, 100_000)]
        public int HwcInstances { get; set; }

        /// <summary><para type="description">Seconds a VBS job is INIT before its backup exists (default 1); implies -Huawei.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 3_600.0)]
        public double HwcJobStartSeconds { get; set; }

        /// <summary><para type="description">Seconds every token the emulator issues lives (default 1200); a request with an expired one gets 401.</para></summary>
        [Parameter]
        [ValidateRange(1.0, 86_400.0)]
        public double TokenLifetimeSeconds { get; set; }

        /// <summary><para type="description">The port on 127.0.0.1 (default 0: a free ephemeral port).</para></summary>
        [Parameter]
        [ValidateRange(0, 65_535)]
        public int Port { get; set; }

        /// <summary><para type="description">What the emulator writes to its log file (default Warning; Debug writes a line per request).</para></summary>
        [Parameter]
        [ValidateSet("Trace", "Debug", "Information", "Warning", "Error", "Critical", "None")]
        public string? LogLevel { get; set; }

        /// <summary><para type="description">How long to wait for the emulator to listen, in seconds (default 60).</para></summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 60;

        /// <summary><para type="description">The dotnet host (or the folder holding it) to run the emulator with, instead of the one found.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DotnetPath { get; set; }

        protected override void EndProcessing()
        {
            var options = Options();
            var assembly = Path.Combine(EngineDependencies.ModuleFolder, EmulatorFolderName, EmulatorAssemblyName);
            DotnetHost host;
            try
            {
                host = DotnetHostLocator.ForCurrentProcess().Locate(DotnetPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(DotnetPath));
                EmulatorLauncher.CheckInstalled(assembly);
            }
            catch (OciEmulatorException e)
            {
                ThrowTerminatingError(EmulatorErrorRecords.From(e));
                return;
            }

            WriteVerbose($"Using the dotnet host '{host.ExecutablePath}' (found by {host.FoundBy}) with ASP.NET Core {host.AspNetCoreVersion}.");
            var where = "127.0.0.1:" + (Port == 0 ? "(an ephemeral port)" : Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!ShouldProcess($"OCI emulator on {where}",
                $"Start '{host.ExecutablePath}' running the module's emulator until Stop-OciEmulator or until this PowerShell exits, with a throwaway key and OCI config in a new folder of '{Path.GetTempPath()}'"))
            {
                return;
            }

            using (var self = System.Diagnostics.Process.GetCurrentProcess())
            {
                options.ParentProcessId = self.Id;
            }

            var launcher = new EmulatorLauncher(host, assembly);
            OciEmulator emulator;
            try
            {
                emulator = Run((verbose, token) => launcher.StartAsync(options, OciCmdlet.HostDescription(this), TimeSpan.FromSeconds(TimeoutSec), verbose, token));
            }
            catch (OciEmulatorException e)
            {
                ThrowTerminatingError(EmulatorErrorRecords.From(e));
                return;
            }
            catch (OciConfigException e)
            {
                ThrowTerminatingError(ConfigErrorRecords.From(e));
                return;
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                return;
            }

            StartedEmulators.Add(this, emulator);
            WriteVerbose($"It stops with Stop-OciEmulator, or when this PowerShell (process {options.ParentProcessId}) exits.");
            WriteObject(emulator);
        }

        private EmulatorStartOptions Options()
        {
            var bound = MyInvocation.BoundParameters;
            var options = new EmulatorStartOptions
            {
                Port = Port,
                Profile = Profile,
                LogLevel = LogLevel,
                Volumes = bound.ContainsKey(nameof(Volumes)) ? Volumes : (int?)null,
                VolumeGroups = bound.ContainsKey(nameof(VolumeGroups)) ? VolumeGroups : (int?)null,
                VolumesPerGroup = bound.ContainsKey(nameof(VolumesPerGroup)) ? VolumesPerGroup : (int?)null,
                BackupSeconds = bound.ContainsKey(nameof(BackupSeconds)) ? BackupSeconds : (double?)null,
                BackupJitterSeconds = bound.ContainsKey(nameof(BackupJitterSeconds)) ? BackupJitterSeconds : (double?)null,
                RandomSeed = bound.ContainsKey(nameof(RandomSeed)) ? RandomSeed : (int?)null,
                InstancePrincipal = InstancePrincipal.IsPresent,
                ResourcePrincipal = ResourcePrincipal.IsPresent,
                CloudShell = CloudShell.IsPresent,
                SessionToken = SessionToken.IsPresent,
                TokenLifetimeSeconds = bound.ContainsKey(nameof(TokenLifetimeSeconds)) ? TokenLifetimeSeconds : (double?)null,
                HuaweiRegion = HwcRegion,
                HuaweiVolumes = bound.ContainsKey(nameof(HwcVolumes)) ? HwcVolumes : (int?)null,
                HuaweiInstances = bound.ContainsKey(nameof(HwcInstances)) ? HwcInstances : (int?)null,
                HuaweiJobStartSeconds = bound.ContainsKey(nameof(HwcJobStartSeconds)) ? HwcJobStartSeconds : (double?)null,
            };
            options.Huawei = Huawei.IsPresent || HwcRegion != null || options.HuaweiVolumes != null || options.HuaweiInstances != null || options.HuaweiJobStartSeconds != null;
            foreach (var name in Compartment ?? Array.Empty<string>())
            {
                options.Compartments.Add(name);
            }

            foreach (var region in Region ?? Array.Empty<string>())
            {
                if (options.Regions.Contains(region, StringComparer.Ordinal))
                {
                    ThrowTerminatingError(EmulatorErrorRecords.Record("InvalidEmulatorRegion", ErrorCategory.InvalidArgument,
                        $"The region '{region}' is given twice.", "Name each region once; the first is the home region.", Region));
                }

                options.Regions.Add(region);
            }

            if (SeedFile != null)
            {
                var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(SeedFile);
                if (!File.Exists(path))
                {
                    ThrowTerminatingError(EmulatorErrorRecords.Record("SeedFileNotFound", ErrorCategory.ObjectNotFound,
                        $"There is no seed file '{path}'.", "Name an existing JSON inventory file (its format is in the about_OciBackup help topic).", SeedFile));
                }

                options.SeedFile = path;
            }

            try
            {
                if (Fault != null)
                {
                    foreach (var fault in EmulatorFaultSetting.Parse((IDictionary)PowerShellValues.ToPlain(Fault)!))
                    {
                        options.Faults[fault.Key] = fault.Value;
                    }
                }

                if (bound.ContainsKey(nameof(FaultyShare)))
                {
                    var setting = EmulatorFaultSetting.ByParameterName(nameof(FaultyShare))!;
                    if (options.Faults.TryGetValue(setting, out var given) && given != FaultyShare)
                    {
                        throw new ArgumentException($"FaultyShare is given twice, as -FaultyShare {FaultyShare} and in -Fault as {given}.");
                    }

                    options.Faults[setting] = FaultyShare;
                }
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(EmulatorErrorRecords.Record("InvalidEmulatorFault", ErrorCategory.InvalidArgument, e.Message,
                    "Use the names and ranges of Set-OciEmulatorFault's parameters, e.g. -Fault @{ RateLimit = 5; DropShare = 0.3 }.", Fault));
            }

            return options;
        }
    }
}

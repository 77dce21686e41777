using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// What an emulator process is started with; <see cref="ToArguments"/> turns it into the executable's options
    /// (docs/emulator.md). Unset values keep the emulator's defaults.
    /// </summary>
    internal sealed class EmulatorStartOptions
    {
        public const string ResourcePrincipalFolderName = "resource-principal";
        public const string CloudShellFolderName = "cloud-shell";
        public const string SessionTokenFolderName = "session-token";

        /// <summary>Port on 127.0.0.1; 0 (default) picks a free ephemeral one, so several emulators never collide.</summary>
        public int Port { get; set; }

        /// <summary>
        /// The regions it serves, each on its own port; the first is the home region (of the generated config and the
        /// session). Empty keeps the emulator's default, us-ashburn-1.
        /// </summary>
        public IList<string> Regions { get; } = new List<string>();

        /// <summary>Compartments of the generated inventory (the emulator's default: one named "emulator").</summary>
        public IList<string> Compartments { get; } = new List<string>();

        public int? Volumes { get; set; }

        public int? VolumeGroups { get; set; }

        public int? VolumesPerGroup { get; set; }

        /// <summary>A JSON inventory file (full path); replaces the generated inventory.</summary>
        public string? SeedFile { get; set; }

        public double? BackupSeconds { get; set; }

        public double? BackupJitterSeconds { get; set; }

        public int? RandomSeed { get; set; }

        /// <summary>The profile name of the generated OCI config (DEFAULT unless set).</summary>
        public string Profile { get; set; } = "DEFAULT";

        /// <summary>Faults in force from the start.</summary>
        public IDictionary<EmulatorFaultSetting, double> Faults { get; } = new Dictionary<EmulatorFaultSetting, double>();

        /// <summary>Serve an instance metadata service and a federation endpoint, each on its own port (instance principals).</summary>
        public bool InstancePrincipal { get; set; }

        /// <summary>Write an OCI Function's resource principal files into the config folder, kept current.</summary>
        public bool ResourcePrincipal { get; set; }

        /// <summary>Write Cloud Shell's config and delegation token into the config folder, kept current (the emulator adds the instance principal side).</summary>
        public bool CloudShell { get; set; }

        /// <summary>Write a session-token profile into the config folder, as <c>oci session authenticate</c> leaves it.</summary>
        public bool SessionToken { get; set; }

        /// <summary>The lifetime of every token the emulator issues; null keeps its default (1200 s).</summary>
        public double? TokenLifetimeSeconds { get; set; }

        /// <summary>Also serve Huawei Cloud's VBS and RDS (its generated AK/SK in huawei.json of the config folder).</summary>
        public bool Huawei { get; set; }

        /// <summary>The Huawei side's region; null keeps the emulator's (cn-north-4).</summary>
        public string? HuaweiRegion { get; set; }

        public int? HuaweiVolumes { get; set; }

        public int? HuaweiInstances { get; set; }

        /// <summary>Seconds a VBS job is INIT before its backup exists; null keeps the emulator's (1).</summary>
        public double? HuaweiJobStartSeconds { get; set; }

        /// <summary>The emulator's log level (Trace, Debug, Information, Warning, Error, Critical, None); null keeps Warning.</summary>
        public string? LogLevel { get; set; }

        /// <summary>The process whose exit stops the emulator; null for none.</summary>
        public int? ParentProcessId { get; set; }

        /// <summary>
        /// The executable's options, with the throwaway key and config written into <paramref name="configFolder"/>,
        /// which the emulator removes as it exits (so a killed parent leaves no key behind).
        /// </summary>
        public IReadOnlyList<string> ToArguments(string configFolder)
        {
            var arguments = new List<string> { "--port", Number(Port), "--init-config", configFolder, "--delete-init-config-on-exit", "--profile", Profile };
            void Add(string option, string? value)
            {
                if (value != null)
                {
                    arguments.Add(option);
                    arguments.Add(value);
                }
            }

            foreach (var region in Regions)
            {
                Add("--region", region);
            }

            Add("--seed-file", SeedFile);
            foreach (var compartment in Compartments)
            {
                Add("--compartment", compartment);
            }

            Add("--volumes", Volumes.HasValue ? Number(Volumes.Value) : null);
            Add("--volume-groups", VolumeGroups.HasValue ? Number(VolumeGroups.Value) : null);
            Add("--volumes-per-group", VolumesPerGroup.HasValue ? Number(VolumesPerGroup.Value) : null);
            Add("--backup-seconds", BackupSeconds.HasValue ? Number(BackupSeconds.Value) : null);
            Add("--backup-jitter-seconds", BackupJitterSeconds.HasValue ? Number(BackupJitterSeconds.Value) : null);
            Add("--random-seed", RandomSeed.HasValue ? Number(RandomSeed.Value) : null);
            foreach (var fault in Faults.OrderBy(f => EmulatorFaultSetting.All.ToList().IndexOf(f.Key)))
            {
                Add(fault.Key.Option, fault.Key.FormatValue(fault.Value));
            }

            // The identity side's files live in the config folder, so they go when the emulator removes it.
            if (InstancePrincipal)
            {
                arguments.Add("--instance-principal");
            }

            Add("--init-resource-principal", ResourcePrincipal ? Path.Combine(configFolder, ResourcePrincipalFolderName) : null);
            Add("--init-cloud-shell", CloudShell ? Path.Combine(configFolder, CloudShellFolderName) : null);
            Add("--init-session-token", SessionToken ? Path.Combine(configFolder, SessionTokenFolderName) : null);
            Add("--token-lifetime-seconds", TokenLifetimeSeconds.HasValue ? Number(TokenLifetimeSeconds.Value) : null);
            if (Huawei)
            {
                arguments.Add("--huawei");
            }

            Add("--huawei-region", HuaweiRegion);
            Add("--huawei-volumes", HuaweiVolumes.HasValue ? Number(HuaweiVolumes.Value) : null);
            Add("--huawei-instances", HuaweiInstances.HasValue ? Number(HuaweiInstances.Value) : null);
            Add("--huawei-job-start-seconds", HuaweiJobStartSeconds.HasValue ? Number(HuaweiJobStartSeconds.Value) : null);
            Add("--log-level", LogLevel);
            Add("--parent-process-id", ParentProcessId.HasValue ? Number(ParentProcessId.Value) : null);
            return arguments;
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}

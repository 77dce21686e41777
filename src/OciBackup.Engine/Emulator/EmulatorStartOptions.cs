using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// What an emulator process is started with; <see cref="ToArguments"/> turns it into the executable's options
    /// (docs/emulator.md). Unset values keep the emulator's defaults.
    /// </summary>
    internal sealed class EmulatorStartOptions
    {
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

            Add("--log-level", LogLevel);
            Add("--parent-process-id", ParentProcessId.HasValue ? Number(ParentProcessId.Value) : null);
            return arguments;
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}

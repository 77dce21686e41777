using System.Collections;
using System.Globalization;
using System.IO;
using System.Threading;
using OciBackup.Engine.Emulator;
using Xunit;

namespace OciBackup.Tests.Emulator
{
    public sealed class EmulatorStartOptionsTests
    {
        [Fact]
        public void Unset_values_keep_the_emulators_defaults()
        {
            var arguments = new EmulatorStartOptions().ToArguments("/tmp/x");

            Assert.Equal(new[] { "--port", "0", "--init-config", "/tmp/x", "--delete-init-config-on-exit", "--profile", "DEFAULT" }, arguments);
        }

        [Fact]
        public void Every_value_becomes_its_option_in_the_invariant_culture()
        {
            var previous = Thread.CurrentThread.CurrentCulture;
            Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
            try
            {
                var options = new EmulatorStartOptions
                {
                    Port = 8080, Volumes = 20, VolumeGroups = 2, VolumesPerGroup = 3, SeedFile = "/seed.json",
                    BackupSeconds = 1.5, BackupJitterSeconds = 0.25, RandomSeed = -7, Profile = "EMU", LogLevel = "Debug", ParentProcessId = 42,
                };
                options.Regions.Add("eu-frankfurt-1");
                options.Regions.Add("uk-london-1");
                options.Compartments.Add("a");
                options.Compartments.Add("b c");
                foreach (var fault in EmulatorFaultSetting.Parse(new Hashtable { ["DropShare"] = 0.3, ["RateLimit"] = 5, ["ClockSkewSeconds"] = -400 }))
                {
                    options.Faults[fault.Key] = fault.Value;
                }

                var arguments = options.ToArguments("/tmp/x");

                Assert.Equal(new[]
                {
                    "--port", "8080", "--init-config", "/tmp/x", "--delete-init-config-on-exit", "--profile", "EMU", "--region", "eu-frankfurt-1", "--region", "uk-london-1", "--seed-file", "/seed.json",
                    "--compartment", "a", "--compartment", "b c", "--volumes", "20", "--volume-groups", "2", "--volumes-per-group", "3",
                    "--backup-seconds", "1.5", "--backup-jitter-seconds", "0.25", "--random-seed", "-7",
                    "--rate-limit", "5", "--fault-drop-share", "0.3", "--clock-skew-seconds", "-400", "--log-level", "Debug", "--parent-process-id", "42",
                }, arguments);
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = previous;
            }
        }

        [Fact]
        public void The_identity_side_writes_its_files_into_the_config_folder_that_the_emulator_removes()
        {
            var options = new EmulatorStartOptions { InstancePrincipal = true, ResourcePrincipal = true, CloudShell = true, SessionToken = true, TokenLifetimeSeconds = 2.5 };

            var arguments = options.ToArguments("/tmp/x");

            Assert.Equal(new[]
            {
                "--port", "0", "--init-config", "/tmp/x", "--delete-init-config-on-exit", "--profile", "DEFAULT", "--instance-principal",
                "--init-resource-principal", Path.Combine("/tmp/x", "resource-principal"), "--init-cloud-shell", Path.Combine("/tmp/x", "cloud-shell"),
                "--init-session-token", Path.Combine("/tmp/x", "session-token"), "--token-lifetime-seconds", "2.5",
            }, arguments);
        }
    }
}

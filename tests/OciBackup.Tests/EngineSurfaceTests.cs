using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using OciBackup.Engine;
using Xunit;

namespace OciBackup.Tests
{
    /// <summary>
    /// A public engine type is a promise to users, so making one public is a deliberate act that changes this list.
    /// Public are only what a user handles: the session, the backups written to the pipeline (and their base, which
    /// Wait-OciBackup takes), the volumes and volume groups listed and restored (Get-OciVolume, Restore-OciVolumeBackup),
    /// the emulator and its counters (Start-OciEmulator, Get-OciEmulatorState), the enums their properties return, and the
    /// exceptions inside the module's error records; the same for Huawei Cloud (New-HwcSession's session, the VBS jobs
    /// and backups and RDS backups written, their exceptions). The engine's kinds, runs, waits and retention rules stay internal.
    /// </summary>
    public class EngineSurfaceTests
    {
        private static readonly Assembly Engine = typeof(OciSession).Assembly;

        [Fact]
        public void The_engine_makes_public_exactly_the_types_users_handle()
        {
            var expected = new[]
            {
                "OciBackup.Engine.Auth.AuthenticationKind",
                "OciBackup.Engine.Auth.OciConfigErrorKind",
                "OciBackup.Engine.Auth.OciConfigException",
                "OciBackup.Engine.Emulator.OciEmulator",
                "OciBackup.Engine.Emulator.OciEmulatorErrorKind",
                "OciBackup.Engine.Emulator.OciEmulatorException",
                "OciBackup.Engine.Emulator.OciEmulatorState",
                "OciBackup.Engine.Http.OciServiceException",
                "OciBackup.Engine.Http.OciTransportErrorKind",
                "OciBackup.Engine.Http.OciTransportException",
                "OciBackup.Engine.Huawei.Auth.HwcConfigErrorKind",
                "OciBackup.Engine.Huawei.Auth.HwcConfigException",
                "OciBackup.Engine.Huawei.Bulk.HwcCreateUnconfirmedException",
                "OciBackup.Engine.Huawei.HwcSession",
                "OciBackup.Engine.Huawei.Models.HwcRdsBackup",
                "OciBackup.Engine.Huawei.Models.HwcVolumeBackup",
                "OciBackup.Engine.Huawei.Models.HwcVolumeBackupJob",
                "OciBackup.Engine.Models.BackupLifecycleState",
                "OciBackup.Engine.Models.BackupResource",
                "OciBackup.Engine.Models.Volume",
                "OciBackup.Engine.Models.VolumeBackup",
                "OciBackup.Engine.Models.VolumeGroup",
                "OciBackup.Engine.Models.VolumeGroupBackup",
                "OciBackup.Engine.OciSession",
            };

            Assert.Equal(expected, Engine.GetExportedTypes().Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void Only_the_cmdlets_the_tests_and_the_signing_benchmark_see_the_engines_internals()
        {
            var friends = Engine.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).OrderBy(n => n, StringComparer.Ordinal);

            Assert.Equal(new[] { "OciBackup", "OciBackup.Tests", "SigningBenchmark" }, friends);
        }

        [Fact]
        public void Users_cannot_build_the_engines_exceptions_or_sessions_themselves()
        {
            var constructible = new[]
                {
                    typeof(Engine.Auth.OciConfigException), typeof(Engine.Http.OciServiceException), typeof(Engine.Http.OciTransportException), typeof(OciSession),
                    typeof(Engine.Emulator.OciEmulatorException), typeof(Engine.Emulator.OciEmulator), typeof(Engine.Emulator.OciEmulatorState),
                    typeof(Engine.Huawei.HwcSession), typeof(Engine.Huawei.Auth.HwcConfigException), typeof(Engine.Huawei.Bulk.HwcCreateUnconfirmedException),
                }
                .Where(t => t.GetConstructors().Length > 0 || t.GetMethods(BindingFlags.Public | BindingFlags.Static).Length > 0)
                .Select(t => t.Name);

            Assert.Empty(constructible);
        }
    }
}

using System;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>Changes process environment variables, so it runs alone.</summary>
    [CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
    public sealed class ProcessEnvironmentCollection
    {
    }

    [Collection(nameof(ProcessEnvironmentCollection))]
    public class DefaultSessionTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public DefaultSessionTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Fact]
        public void Without_a_session_the_default_profile_of_OCI_CONFIG_FILE_is_used()
        {
            // The generated config has no endpoint setting, so point a copy's region at nothing and
            // check the default session's choice of file and profile rather than a call.
            using var config = new TempConfig();
            var saved = Environment.GetEnvironmentVariable("OCI_CONFIG_FILE");
            try
            {
                Environment.SetEnvironmentVariable("OCI_CONFIG_FILE", config.ConfigFile);
                using var host = new ModuleHost();

                host.Invoke("'ocid1.volume.oc1.phx.abc' | New-OciVolumeBackup -WhatIf -Verbose");

                Assert.Contains($"VERBOSE: Using the default session: profile [DEFAULT] of '{config.ConfigFile}', us-phoenix-1", host.Host.Text);
            }
            finally
            {
                Environment.SetEnvironmentVariable("OCI_CONFIG_FILE", saved);
            }
        }

        [Fact]
        public void No_config_at_all_is_a_terminating_error_before_any_request()
        {
            var saved = Environment.GetEnvironmentVariable("OCI_CONFIG_FILE");
            var before = _emulator.Host.Statistics.Requests;
            try
            {
                Environment.SetEnvironmentVariable("OCI_CONFIG_FILE", "/nonexistent/ocibackup/config");
                using var host = new ModuleHost();

                var output = host.Invoke("$args[0] | New-OciVolumeBackup; 'after'", out var errors, _emulator.Main.VolumeIds[40]);

                var error = Assert.Single(errors);
                Assert.Equal("OciBackup.ConfigFileNotFound,OciBackup.Cmdlets.NewOciVolumeBackupCommand", error.FullyQualifiedErrorId);
                Assert.Equal(before, _emulator.Host.Statistics.Requests);
            }
            finally
            {
                Environment.SetEnvironmentVariable("OCI_CONFIG_FILE", saved);
            }
        }
    }
}

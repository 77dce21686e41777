using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class ErrorMappingTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public ErrorMappingTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Fact]
        public void A_key_the_service_does_not_know_is_NotAuthenticated_with_advice_on_fingerprint_key_and_clock()
        {
            // A valid config whose key the emulator was never told to trust.
            using var stranger = new TempConfig("test-rsa4096-pkcs1.pem");
            File.WriteAllText(stranger.ConfigFile, File.ReadAllText(stranger.ConfigFile).Replace(TempConfig.Fingerprint, "e6:2a:b3:66:4c:c3:d7:9a:10:45:a1:75:1b:71:05:35"));
            using var host = new ModuleHost();

            host.Invoke("$s = New-OciSession -ConfigFile $args[0] -Endpoint $args[1]; $args[2] | New-OciVolumeBackup -Session $s -NoRetry", out var errors, stranger.ConfigFile, _emulator.Endpoint, _emulator.Main.VolumeIds[0]);

            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.NotAuthenticated,OciBackup.Cmdlets.NewOciVolumeBackupCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("fingerprint", error.ErrorDetails.RecommendedAction);
            Assert.Contains("clock", error.ErrorDetails.RecommendedAction);
            Assert.Contains("NotAuthenticated", error.ToString());
            Assert.Equal(0, _emulator.Host.Statistics.VolumeBackupsCreated(_emulator.Main.VolumeIds[0]));
        }

        [Fact]
        public void A_value_the_service_refuses_is_InvalidParameter_naming_the_field()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            host.Invoke("Invoke-OciRestMethod -Session $session -Method POST /20160918/volumeBackups -Body @{ volumeId = $args[0]; type = 'SOMETIMES' }", out var errors, _emulator.Main.VolumeIds[2]);

            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.InvalidParameter,OciBackup.Cmdlets.InvokeOciRestMethodCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("type", error.ToString());
        }

        [Fact]
        public void Verbose_tells_each_retry_why_and_the_delay()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var original = _emulator.Host.Faults;
            _emulator.Host.Faults = original with { ServiceUnavailableShare = 0.4 };
            try
            {
                host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -Verbose -MaxAttempts 30", (object)_emulator.Main.VolumeIds.Skip(3).Take(5).ToArray());
            }
            finally
            {
                _emulator.Host.Faults = original;
            }

            Assert.Matches(@"VERBOSE: POST /20160918/volumeBackups: attempt \d+ of 30 failed \(503 ServiceUnavailable\); retrying in \d+\.\d s\.", host.Host.Text);
            Assert.All(_emulator.Main.VolumeIds.Skip(3).Take(5), v => Assert.Equal(1, _emulator.Host.Statistics.VolumeBackupsCreated(v)));
        }

        [Fact]
        public void NoRetry_makes_each_call_once()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var original = _emulator.Host.Faults;
            _emulator.Host.Faults = original with { ServiceUnavailableShare = 1 };
            var before = _emulator.Host.Statistics.Requests;
            try
            {
                host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -NoRetry", out var errors, _emulator.Main.VolumeIds[8]);
                Assert.Equal("OciBackup.ServiceError,OciBackup.Cmdlets.NewOciVolumeBackupCommand", Assert.Single(errors).FullyQualifiedErrorId);
            }
            finally
            {
                _emulator.Host.Faults = original;
            }

            Assert.Equal(before + 1, _emulator.Host.Statistics.Requests);
        }
    }
}

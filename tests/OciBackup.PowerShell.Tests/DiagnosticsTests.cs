using System.Linq;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class DiagnosticsTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public DiagnosticsTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Fact]
        public void Verbose_tells_what_is_created_with_which_retry_token_and_request_id()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            host.Invoke("$args[0] | New-OciVolumeBackup -Session $session -Verbose", _emulator.Main.VolumeIds[30]);

            Assert.Contains($"VERBOSE: Creating a backup for volume {_emulator.Main.VolumeIds[30]} (retry token ", host.Host.Text);
            Assert.Matches(@"VERBOSE: Created backup ocid1\.volumebackup\.\S+ of \S+ \(REQUEST_RECEIVED\) in \d+ ms; opc-request-id \S+\.", host.Host.Text);
            Assert.Contains("VERBOSE: 1 of 1 backups created, 0 failed.", host.Host.Text);
        }

        [Fact]
        public void Debug_shows_the_http_exchange_with_the_signature_redacted()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript + "; $DebugPreference = 'Continue'");

            host.Invoke("$args[0] | New-OciVolumeBackup -Session $session", _emulator.Main.VolumeIds[31]);

            var text = host.Host.Text;
            Assert.Contains("DEBUG: HTTP POST " + _emulator.Endpoint + "/20160918/volumeBackups", text);
            Assert.Matches(@"DEBUG: HTTP 200 from POST \S+ in \d+ ms", text);
            Assert.Contains("Authorization: Signature headers=\"date (request-target) host content-length content-type x-content-sha256\",keyId=<redacted>,signature=<redacted>", text);
            Assert.Contains("opc-retry-token: ", text);
            Assert.DoesNotContain("signature=\"", text);
            Assert.DoesNotContain("PRIVATE KEY", text);
        }

        [Fact]
        public void Without_debug_no_http_trace_is_written()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            host.Invoke("$args[0] | New-OciVolumeBackup -Session $session", _emulator.Main.VolumeIds[32]);

            Assert.DoesNotContain("DEBUG:", host.Host.Text);
        }
    }
}

using System.Linq;
using System.Management.Automation;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class InvokeOciRestMethodTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public InvokeOciRestMethodTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Fact]
        public void A_get_returns_parsed_json_as_objects()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            var volume = Assert.Single(host.Invoke("Invoke-OciRestMethod -Session $session -Path \"/20160918/volumes/$($args[0])\"", _emulator.Main.VolumeIds[0]));

            Assert.Equal(_emulator.Main.VolumeIds[0], volume.Prop("id"));
            Assert.Equal(_emulator.Main.Id, volume.Prop("compartmentId"));
        }

        [Fact]
        public void All_follows_every_page_of_a_list()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            var volumes = host.Invoke("Invoke-OciRestMethod -Session $session /20160918/volumes -Query @{ compartmentId = $args[0]; limit = 7 } -All", _emulator.Main.Id);
            var firstPage = host.Invoke("Invoke-OciRestMethod -Session $session /20160918/volumes -Query @{ compartmentId = $args[0]; limit = 7 }", _emulator.Main.Id);

            Assert.Equal(7, firstPage.Count);
            Assert.Equal(_emulator.Main.VolumeIds.OrderBy(v => v), volumes.Select(v => (string)v.Prop("id")!).Where(_emulator.Main.VolumeIds.Contains).OrderBy(v => v));
        }

        [Fact]
        public void Query_values_with_spaces_and_reserved_characters_are_encoded_once()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            var output = host.Invoke("Invoke-OciRestMethod -Session $session /20160918/volumeBackups -Query @{ compartmentId = $args[0]; displayName = 'nächtlich a+b=c/d &e' }", out var errors, _emulator.Main.Id);

            Assert.Empty(errors);
            Assert.Empty(output);
            Assert.Equal(0, _emulator.Host.Statistics.AuthenticationFailures);
        }

        [Fact]
        public void A_post_creates_with_a_retry_token_and_a_hashtable_body()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var volume = _emulator.Main.VolumeIds[1];

            var first = host.Invoke("Invoke-OciRestMethod -Session $session -Method Post /20160918/volumeBackups -Body @{ volumeId = $args[0]; displayName = 'raw' } -RetryToken 'raw-post-1'", volume);
            var again = host.Invoke("Invoke-OciRestMethod -Session $session -Method Post /20160918/volumeBackups -Body @{ volumeId = $args[0]; displayName = 'raw' } -RetryToken 'raw-post-1'", volume);

            Assert.Equal("raw", Assert.Single(first).Prop("displayName"));
            Assert.Equal(first.Single().Prop("id"), again.Single().Prop("id"));
            Assert.Equal(1, _emulator.Host.Statistics.VolumeBackupsCreated(volume));
        }

        [Fact]
        public void Errors_map_as_for_the_other_cmdlets()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);

            host.Invoke("Invoke-OciRestMethod -Session $session /20160918/volumes/ocid1.volume.oc1.iad.nothere", out var errors);

            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.ResourceNotFound,OciBackup.Cmdlets.InvokeOciRestMethodCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }

        [Fact]
        public void A_post_with_WhatIf_sends_nothing()
        {
            using var host = new ModuleHost();
            host.Invoke(_emulator.SessionScript);
            var before = _emulator.Host.Statistics.Requests;

            host.Invoke("Invoke-OciRestMethod -Session $session -Method Post /20160918/volumeBackups -Body '{}' -WhatIf");

            Assert.Equal(before, _emulator.Host.Statistics.Requests);
        }
    }
}

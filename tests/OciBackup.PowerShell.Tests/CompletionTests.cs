using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>Tab completion exactly as a console asks for it: the engine's TabExpansion2 on a typed line.</summary>
    public class CompletionTests : IDisposable
    {
        private readonly ModuleHost _host = new ModuleHost();

        [Fact]
        public void Profile_completes_from_the_config_file_typed_on_the_line()
        {
            using var config = new TempConfig();

            Assert.Equal(new[] { "DEFAULT", "OTHER" }, Complete($"New-OciSession -ConfigFile '{config.ConfigFile}' -Profile "));
            Assert.Equal(new[] { "OTHER" }, Complete($"New-OciSession -ConfigFile '{config.ConfigFile}' -Profile ot"));
        }

        [Fact]
        public void Profile_completes_when_the_config_file_comes_later_on_the_line()
        {
            using var config = new TempConfig();

            Assert.Equal(new[] { "OTHER" }, Complete($"New-OciSession -Profile OT", $" -ConfigFile '{config.ConfigFile}'"));
        }

        [Fact]
        public void A_relative_config_file_is_relative_to_the_current_location()
        {
            using var config = new TempConfig();
            _host.Invoke("$ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null", config.Directory);

            Assert.Equal(new[] { "DEFAULT", "OTHER" }, Complete("New-OciSession -ConfigFile ./config -Profile "));
        }

        [Fact]
        public void Profile_names_with_spaces_are_quoted()
        {
            using var config = new TempConfig(extra: "[my test]\nregion=us-ashburn-1\n");

            Assert.Equal(new[] { "'my test'" }, Complete($"New-OciSession -ConfigFile '{config.ConfigFile}' -Profile my"));
        }

        [Fact]
        public void A_missing_config_file_completes_no_profile_and_writes_nothing()
        {
            _host.Host.Clear();

            var matches = Complete("New-OciSession -ConfigFile /nonexistent/oci/config -Profile ");

            Assert.DoesNotContain("DEFAULT", matches);
            Assert.Empty(_host.Host.Text);
            Assert.Empty(_host.Invoke("$Error"));
        }

        [Fact]
        public void Region_completes_identifiers_and_short_codes()
        {
            var frankfurt = Complete("New-OciSession -Region eu-fr");
            Assert.Contains("eu-frankfurt-1", frankfurt);
            Assert.All(frankfurt, r => Assert.StartsWith("eu-fr", r));
            Assert.Contains("fra", Complete("New-OciSession -Region fr"));
            var all = Complete("New-OciSession -Region ");
            Assert.Contains("us-ashburn-1", all);
            Assert.Contains("iad", all);
            Assert.True(all.IndexOf("us-ashburn-1") < all.IndexOf("iad"), "identifiers come before short codes");
        }

        [Fact]
        public void State_and_type_completers_offer_their_values_on_any_parameter_they_are_attached_to()
        {
            _host.Invoke(
                "function global:Test-OciCompletion { param(" +
                "[ArgumentCompleter([OciBackup.Completion.BackupLifecycleStateCompleter])] [string] $State," +
                "[ArgumentCompleter([OciBackup.Completion.BackupTypeCompleter])] [string] $Type) }");

            Assert.Equal(new[] { "Full", "Incremental" }, Complete("Test-OciCompletion -Type "));
            Assert.Equal(new[] { "Incremental" }, Complete("Test-OciCompletion -Type inc"));
            Assert.Equal("AVAILABLE", Complete("Test-OciCompletion -State ").First());
            Assert.Equal(new[] { "FAULTY" }, Complete("Test-OciCompletion -State f"));
            Assert.Equal(7, Complete("Test-OciCompletion -State ").Count);
        }

        [Fact]
        public void The_backup_cmdlets_complete_their_state_and_type()
        {
            Assert.Equal(new[] { "Full", "Incremental" }, Complete("New-OciVolumeBackup -Type "));
            Assert.Equal(new[] { "Full" }, Complete("New-OciVolumeGroupBackup -Type f"));
            Assert.Equal("AVAILABLE", Complete("Wait-OciBackup -State ").First());
            Assert.Equal(new[] { "COMMITTED", "CREATING" }, Complete("Wait-OciBackup -State c").OrderBy(v => v));
        }

        public void Dispose() => _host.Dispose();

        private List<string> Complete(string beforeCursor, string afterCursor = "") =>
            _host.Invoke(
                "(TabExpansion2 -inputScript $args[0] -cursorColumn $args[1]).CompletionMatches | ForEach-Object CompletionText",
                beforeCursor + afterCursor, beforeCursor.Length).Select(o => o.ToString()!).ToList();
    }
}

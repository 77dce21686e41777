using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// Every code block of every example in docs/help runs, in the hosted engine, against the emulator, without
    /// an error. The convention an example follows to be runnable (and readable by a person as written):
    /// <list type="bullet">
    /// <item>A block whose lines start with "PS&gt; " is a prompt session: the "PS&gt; " lines (and "&gt;&gt; "
    /// continuations) run, every other line is shown output and is skipped. A block without prompts is a runbook and
    /// runs whole.</item>
    /// <item>Each example runs in a runspace of its own with the module imported, against an emulator of its own,
    /// so nothing leaks from one example to the next: no variables or default sessions, no backups, no retry tokens
    /// remembered for a -RunKey. The preamble (<see cref="Preamble"/>) runs first: it stands the emulator in for
    /// OCI. The current location is a folder holding ./emulator-oci/config (as
    /// "dotnet run --project src/OciBackup.Emulator -- --port 8080 --init-config ./emulator-oci" writes it), with a
    /// [DEFAULT] profile and a [PROD] profile whose key is encrypted. New-OciSession defaults to that config file
    /// (so "~/.oci/config" examples need no file of their own) and to the emulator's endpoint, $session is a
    /// session for [DEFAULT], and $PSDefaultParameterValues['*-Oci*:Session'] is that session.</item>
    /// <item>The emulator serves two regions, us-ashburn-1 (the config's, where the inventory below is) and us-phoenix-1,
    /// and $session signs for both (made with -Endpoint @{ region = URL }, as Start-OciEmulator's is), so a copy to
    /// us-phoenix-1 and a restore there run as written. New-OciSession's own default endpoint is us-ashburn-1's.</item>
    /// <item>Write the emulator's address as http://127.0.0.1:8080: the runner replaces it with the emulator's
    /// real, ephemeral address.</item>
    /// <item>Read-Host, which needs a person, is a stand-in that returns the [PROD] key's pass phrase.</item>
    /// <item>The hosted engine is Microsoft.PowerShell.SDK, the same version as the pwsh the Pester suite runs in,
    /// with PowerShell's own modules (Select-Object, Sort-Object, Format-List, ConvertTo-Json, Get-Content, ...), so
    /// an example is written exactly as a user would type it.</item>
    /// <item>Output goes through Out-Default, so the module's format views render too.</item>
    /// <item>The emulator's inventory is EmulatorHost's default, seeded: one compartment holding five volumes, two of
    /// them in one volume group, so an example that backs up "every volume in the compartment" stays quick. The
    /// preamble names them as a reader of the page would expect: $compartmentId is that compartment's OCID,
    /// $volumeId and $volumeId2 are two of its volumes, and $volumeGroupId is its volume group
    /// ($ExampleCompartmentId, $ExampleVolumeIds and $ExampleVolumeGroupIds hold the same OCIDs, all of them).</item>
    /// <item>The process environment is an OCI instance's, a Function's and Cloud Shell's at once, all pointing at the
    /// emulator (<see cref="ExampleEmulator.SignInVariables"/>): OCI_METADATA_BASE_URL, OCI_CLI_FEDERATION_ENDPOINT,
    /// the OCI_RESOURCE_PRINCIPAL_* variables and OCI_CLI_DELEGATION_TOKEN_FILE. Each is read only by its own kind of
    /// sign-in, so "New-OciSession -AuthType InstancePrincipal" (or ResourcePrincipal, DelegationToken) runs as
    /// written. The config file also has a [SESSION] profile with a session token. Whatever OCI_* variables an example
    /// sets ($env:OCI_CLI_USER = ...) are put back after it, so the examples run alone (their test class shares the
    /// process environment collection).</item>
    /// </list>
    /// </summary>
    [Collection(nameof(ProcessEnvironmentCollection))]
    public sealed class HelpExampleTests : IAsyncLifetime
    {
        public const string DocumentedEmulatorUrl = "http://127.0.0.1:8080";

        public const string Preamble = @"
$ErrorActionPreference = 'Stop'
$ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null
$PSDefaultParameterValues['New-OciSession:ConfigFile'] = $args[1]
$PSDefaultParameterValues['New-OciSession:Endpoint'] = $args[2]
$ExampleCompartmentId = $args[3]
$ExampleVolumeIds = $args[4]
$ExampleVolumeGroupIds = $args[5]
$ExamplePassPhrase = $args[6]
$compartmentId = $ExampleCompartmentId
$volumeId = $ExampleVolumeIds[0]
$volumeId2 = $ExampleVolumeIds[1]
$volumeGroupId = $ExampleVolumeGroupIds[0]
function Read-Host {
    param([Parameter(Position = 0)] [string] $Prompt, [switch] $AsSecureString)
    $typed = [System.Security.SecureString]::new()
    foreach ($c in $ExamplePassPhrase.ToCharArray()) { $typed.AppendChar($c) }
    $typed
}
$session = New-OciSession -Endpoint $args[7]
$PSDefaultParameterValues['*-Oci*:Session'] = $session
";

        private readonly ExampleEmulator _emulator = new ExampleEmulator();

        public Task InitializeAsync() => _emulator.InitializeAsync();

        public Task DisposeAsync() => _emulator.DisposeAsync();

        public static IEnumerable<object[]> Examples =>
            HelpPages.All.SelectMany(p => p.Examples.Select((e, i) => new object[] { p.Name, i + 1 }));

        [Theory]
        [MemberData(nameof(Examples))]
        public void The_example_runs_against_the_emulator_without_an_error(string cmdlet, int number)
        {
            var example = HelpPages.Of(cmdlet).Examples[number - 1];
            var code = string.Join("\n", example.Code.Select(RunnableCode)).Replace(DocumentedEmulatorUrl, _emulator.Url, StringComparison.Ordinal);
            var saved = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("OCI_", StringComparison.Ordinal))
                .ToDictionary(k => k, k => Environment.GetEnvironmentVariable(k));
            try
            {
                foreach (var pair in _emulator.SignInVariables)
                {
                    Environment.SetEnvironmentVariable(pair.Key, pair.Value);
                }

                using var host = new ModuleHost();
                var compartment = _emulator.Host.Compartments[0];
                host.Invoke(Preamble + "\n& {\n" + code + "\n} | Out-Default",
                    _emulator.WorkingFolder, _emulator.ConfigFile, _emulator.Url, compartment.Id,
                    compartment.VolumeIds.ToArray(), compartment.VolumeGroupIds.ToArray(), ExampleEmulator.PassPhrase, _emulator.Endpoints);
            }
            finally
            {
                foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("OCI_", StringComparison.Ordinal)).ToList())
                {
                    Environment.SetEnvironmentVariable(name, saved.TryGetValue(name, out var value) ? value : null);
                }

                foreach (var pair in saved)
                {
                    Environment.SetEnvironmentVariable(pair.Key, pair.Value);
                }
            }
        }

        /// <summary>The code of one block as it runs: prompt lines without "PS&gt; ", shown output dropped.</summary>
        public static string RunnableCode(string block)
        {
            var lines = block.Split('\n');
            if (!lines.Any(l => l.StartsWith("PS> ", StringComparison.Ordinal) || l == "PS>"))
            {
                return block;
            }

            return string.Join("\n", lines
                .Where(l => l.StartsWith("PS>", StringComparison.Ordinal) || l.StartsWith(">> ", StringComparison.Ordinal))
                .Select(l => l.StartsWith("PS>", StringComparison.Ordinal) ? l.Substring(3).TrimStart() : l.Substring(3)));
        }
    }
}

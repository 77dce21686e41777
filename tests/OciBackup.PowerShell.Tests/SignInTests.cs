using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OciBackup.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// Every way New-OciSession signs in, through the real cmdlets against the emulator's identity side, including
    /// 500-volume runs during which the tokens expire several times. Sets process variables, so it runs alone.
    /// </summary>
    [Collection(nameof(ProcessEnvironmentCollection))]
    public class SignInTests : IClassFixture<IdentityFixture>
    {
        private readonly IdentityFixture _emulator;
        private readonly ITestOutputHelper _output;

        public SignInTests(IdentityFixture emulator, ITestOutputHelper output)
        {
            _emulator = emulator;
            _output = output;
        }

        [Theory]
        [InlineData("InstancePrincipal")]
        [InlineData("ResourcePrincipal")]
        [InlineData("DelegationToken")]
        public void Tokens_that_expire_in_the_middle_of_a_500_volume_run_fail_no_item_and_are_renewed_a_bounded_number_of_times(string kind)
        {
            var identity = _emulator.Identity.Statistics;
            var statistics = _emulator.Host.Statistics;
            var volumes = _emulator.Main.VolumeIds.ToArray();
            var lifetime = TimeSpan.FromSeconds(1.5);
            var before = volumes.ToDictionary(v => v, v => statistics.VolumeBackupsCreated(v));
            var (tokens, rpWrites, oboWrites, expired) = (identity.TokensIssued, identity.ResourcePrincipalTokensWritten, identity.DelegationTokensWritten, Expired(statistics));
            using var variables = Variables(kind);
            var original = _emulator.Host.Faults;
            using var host = new ModuleHost();
            IReadOnlyList<PSObject> output;
            IReadOnlyList<ErrorRecord> errors;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                // Latency before the signature is checked: a request signed just before its token expires meets the
                // expiry on arrival, the hardest case (a 401 that a renewal must turn into a success).
                _emulator.Identity.TokenLifetime = lifetime;
                _emulator.Host.Faults = original with { LatencyMilliseconds = 250 };
                output = host.Invoke(
                    "$s = New-OciSession -AuthType $args[0] -Endpoint $args[1] -ErrorAction Stop; $args[2] | New-OciVolumeBackup -Session $s -ThrottleLimit 32",
                    out errors, kind, _emulator.Endpoint, volumes);
            }
            finally
            {
                _emulator.Host.Faults = original;
                _emulator.Identity.TokenLifetime = TimeSpan.FromMinutes(20);
            }

            var elapsed = clock.Elapsed;
            var issued = identity.TokensIssued - tokens;
            var rejected = Expired(statistics) - expired;
            _output.WriteLine($"{kind}: {elapsed.TotalSeconds:0.0} s, {output.Count} backups, {errors.Count} errors, {issued} instance tokens, " +
                $"{identity.ResourcePrincipalTokensWritten - rpWrites} resource principal and {identity.DelegationTokensWritten - oboWrites} delegation tokens written, {rejected} requests refused as expired");
            foreach (var error in errors.Take(5))
            {
                _output.WriteLine(error.FullyQualifiedErrorId + ": " + error);
            }

            Assert.Empty(errors);
            Assert.Equal(volumes.Length, output.Count);
            Assert.All(volumes, v => Assert.Equal(before[v] + 1, statistics.VolumeBackupsCreated(v)));

            // The run outlived several tokens, so renewals really happened mid-run...
            Assert.True(elapsed > lifetime * 2, $"the run ({elapsed.TotalSeconds:0.0} s) outlives at least two tokens");
            if (kind != "ResourcePrincipal")
            {
                Assert.True(issued >= 2, $"{issued} instance principal tokens were issued");

                // ...and stayed bounded: no two renewals less than a second apart (IssuedCredentials.MinUse), whatever the concurrency.
                Assert.True(issued <= (long)Math.Ceiling(elapsed.TotalSeconds) + 2, $"{issued} tokens in {elapsed.TotalSeconds:0.0} s");
            }
            else
            {
                Assert.True(identity.ResourcePrincipalTokensWritten - rpWrites >= 2, "the agent renewed the token file during the run");
            }

            // A 401 costs one resend at most: at most the requests in flight when a token expired were refused.
            Assert.True(rejected <= 32 * ((long)Math.Ceiling(elapsed.TotalSeconds / lifetime.TotalSeconds) + 1), $"{rejected} requests refused as expired");
        }

        [Fact]
        public void An_instance_principal_session_from_the_metadata_service()
        {
            using var variables = _emulator.InstanceVariables();
            using var host = new ModuleHost();

            var session = host.Invoke("New-OciSession -AuthType InstancePrincipal -Endpoint $args[0]", _emulator.Endpoint).Single();
            var volumes = host.Invoke("Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $args[1] } -Session $args[0]", session, _emulator.Main.Id);

            Assert.Equal("InstancePrincipal", session.Prop("Auth")!.ToString());
            Assert.Equal(_emulator.Identity.TenancyId, session.Prop("TenancyId"));
            Assert.Null(session.Prop("Profile"));
            Assert.NotEmpty(volumes);
        }

        [Fact]
        public void Cloud_Shells_variables_are_enough_for_a_session_without_parameters()
        {
            using var variables = _emulator.InstanceVariables().Set(_emulator.Identity.CloudShellVariables!);
            using var host = new ModuleHost();
            var delegated = _emulator.Identity.Statistics.DelegatedRequests;

            var session = host.Invoke("New-OciSession -Endpoint $args[0]", _emulator.Endpoint).Single();
            host.Invoke("Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $args[1] } -Session $args[0] | Out-Null", session, _emulator.Main.Id);

            Assert.Equal("DelegationToken", session.Prop("Auth")!.ToString());
            Assert.Equal(delegated + 1, _emulator.Identity.Statistics.DelegatedRequests);
        }

        [Fact]
        public void A_resource_principal_session_from_the_functions_variables()
        {
            using var variables = new ProcessVariables().Set(_emulator.Identity.ResourcePrincipalVariables!);
            using var host = new ModuleHost();

            var session = host.Invoke("New-OciSession -AuthType ResourcePrincipal -Endpoint $args[0]", _emulator.Endpoint).Single();
            var volumes = host.Invoke("Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $args[1] } -Session $args[0]", session, _emulator.Main.Id);

            Assert.Equal("ResourcePrincipal", session.Prop("Auth")!.ToString());
            Assert.Equal("us-ashburn-1", session.Prop("Region"));
            Assert.NotEmpty(volumes);
        }

        [Fact]
        public void A_session_token_profile_reads_the_refreshed_token()
        {
            using var host = new ModuleHost();
            var session = host.Invoke("New-OciSession -ConfigFile $args[0] -Endpoint $args[1]", _emulator.Identity.SessionTokenConfigFile!, _emulator.Endpoint).Single();

            _emulator.Identity.RefreshSessionToken();
            var volumes = host.Invoke("Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $args[1] } -Session $args[0]", session, _emulator.Main.Id);

            Assert.Equal("SessionToken", session.Prop("Auth")!.ToString());
            Assert.NotEmpty(volumes);
        }

        [Theory]
        [InlineData("text")]
        [InlineData("SecureString")]
        [InlineData("KeyFile")]
        public void An_API_key_without_a_config_file_as_text_SecureString_or_file(string form)
        {
            using var config = new TempConfig();
            var keyFile = Path.Combine(config.Directory, "test-rsa2048-pkcs1.pem");
            using var host = new ModuleHost();
            var key = form == "KeyFile" ? "-KeyFile $args[0]"
                : form == "text" ? "-PrivateKey (Get-Content -Raw $args[0])"
                : "-PrivateKey (ConvertTo-SecureString (Get-Content -Raw $args[0]) -AsPlainText -Force)";

            var session = host.Invoke($"New-OciSession -TenancyId $args[1] -UserId $args[2] -Fingerprint $args[3] {key} -Region fra",
                keyFile, TempConfig.Tenancy, TempConfig.User, TempConfig.Fingerprint).Single();

            Assert.Equal("ApiKey", session.Prop("Auth")!.ToString());
            Assert.Equal("eu-frankfurt-1", session.Prop("Region"));
            Assert.Null(session.Prop("ConfigFile"));
        }

        [Fact]
        public void The_CLIs_variables_are_enough_for_an_API_key_session()
        {
            using var config = new TempConfig(keyFile: "test-rsa2048-pkcs8-encrypted.pem");
            using var variables = new ProcessVariables()
                .Set("OCI_CLI_USER", TempConfig.User).Set("OCI_CLI_TENANCY", TempConfig.Tenancy).Set("OCI_CLI_FINGERPRINT", TempConfig.Fingerprint)
                .Set("OCI_CLI_KEY_CONTENT", File.ReadAllText(Path.Combine(config.Directory, "test-rsa2048-pkcs8-encrypted.pem")))
                .Set("OCI_CLI_PASSPHRASE", "correct horse").Set("OCI_CLI_REGION", "uk-london-1").Set("OCI_CONFIG_FILE", "/nonexistent/config");
            using var host = new ModuleHost();

            var session = host.Invoke("New-OciSession").Single();

            Assert.Equal("uk-london-1", session.Prop("Region"));
            Assert.Equal(TempConfig.User, session.Prop("UserId"));
        }

        [Fact]
        public void The_parameter_sets_are_a_config_file_an_API_key_or_its_file_and_an_AuthType()
        {
            using var host = new ModuleHost();

            var sets = host.Invoke("(Get-Command New-OciSession).ParameterSets | ForEach-Object { $_.Name + '|' + $_.IsDefault + '|' + (($_.Parameters | Where-Object IsMandatory | ForEach-Object Name | Sort-Object) -join ',') }")
                .Select(o => o.ToString()).OrderBy(s => s).ToList();

            Assert.Equal(new[]
            {
                "ApiKey|False|Fingerprint,PrivateKey,TenancyId,UserId",
                "ApiKeyFile|False|Fingerprint,KeyFile,TenancyId,UserId",
                "AuthType|False|AuthType",
                "ConfigFile|True|",
            }, sets);
        }

        [Theory]
        [InlineData("-PrivateKey x -KeyFile y -TenancyId t -UserId u -Fingerprint f", "AmbiguousParameterSet")]
        [InlineData("-AuthType InstancePrincipal -TenancyId t", "AmbiguousParameterSet")]
        [InlineData("-AuthType Kerberos", "OciBackup.AuthTypeInvalid")]
        public void Parameters_of_different_sign_ins_do_not_mix(string arguments, string errorId)
        {
            using var host = new ModuleHost();

            host.Invoke("New-OciSession " + arguments + " -ErrorAction Stop", out var errors);

            var error = Assert.Single(errors);
            Assert.True(error.FullyQualifiedErrorId.StartsWith(errorId + ",", StringComparison.Ordinal), error.FullyQualifiedErrorId + ": " + error);
        }

        [Fact]
        public void Tab_completes_AuthType_with_each_kind_and_its_description()
        {
            using var host = new ModuleHost();

            var results = host.Invoke("$line = 'New-OciSession -AuthType '; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches")
                .Select(r => (r.Prop("CompletionText")!.ToString(), r.Prop("ToolTip")!.ToString())).ToList();

            Assert.Equal(new[] { "ApiKey", "SessionToken", "InstancePrincipal", "ResourcePrincipal", "DelegationToken" }, results.Select(r => r.Item1));
            Assert.Contains("metadata service", results.Single(r => r.Item1 == "InstancePrincipal").Item2);
            Assert.Contains("Cloud Shell", results.Single(r => r.Item1 == "DelegationToken").Item2);
        }

        [Fact]
        public void Missing_resource_principal_variables_are_an_error_record_naming_the_variable()
        {
            using var variables = new ProcessVariables().Set("OCI_RESOURCE_PRINCIPAL_VERSION", null);
            using var host = new ModuleHost();

            host.Invoke("New-OciSession -AuthType ResourcePrincipal", out var errors);

            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.MissingSetting,OciBackup.Cmdlets.NewOciSessionCommand", error.FullyQualifiedErrorId);
            Assert.Equal("OCI_RESOURCE_PRINCIPAL_VERSION", error.TargetObject);
            Assert.Contains("OCI Functions", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void No_metadata_service_is_a_connection_error_record()
        {
            using var variables = new ProcessVariables().Set("OCI_METADATA_BASE_URL", "http://127.0.0.1:9/opc/v2/");
            using var host = new ModuleHost();

            host.Invoke("New-OciSession -AuthType InstancePrincipal", out var errors);

            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.InstanceMetadataUnavailable,OciBackup.Cmdlets.NewOciSessionCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("OCI compute instance", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void A_session_token_that_expires_during_a_run_fails_each_item_before_it_is_sent()
        {
            var tokenFile = Path.Combine(Path.GetDirectoryName(_emulator.Identity.SessionTokenConfigFile!)!, "token");
            using var host = new ModuleHost();
            try
            {
                host.Invoke("$s = New-OciSession -ConfigFile $args[0] -Endpoint $args[1]", _emulator.Identity.SessionTokenConfigFile!, _emulator.Endpoint);

                // What the file holds once its token has expired (only exp matters: the client never sends it).
                var claims = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"exp\":" + DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds() + "}"))
                    .TrimEnd('=').Replace('+', '-').Replace('/', '_');
                File.WriteAllText(tokenFile, "eyJhbGciOiJSUzI1NiJ9." + claims + ".c2ln");
                var requests = _emulator.Host.Statistics.Requests;

                host.Invoke("$args[0] | New-OciVolumeBackup -Session $s", out var errors, (object)_emulator.Main.VolumeIds.Take(3).ToArray());

                Assert.Equal(3, errors.Count);
                Assert.All(errors, e => Assert.StartsWith("OciBackup.SessionTokenExpired,", e.FullyQualifiedErrorId));
                Assert.All(errors, e => Assert.Contains("oci session refresh", e.ErrorDetails.RecommendedAction));
                Assert.Equal(requests, _emulator.Host.Statistics.Requests);
            }
            finally
            {
                _emulator.Identity.RefreshSessionToken();
            }
        }

        private ProcessVariables Variables(string kind) => kind switch
        {
            "ResourcePrincipal" => new ProcessVariables().Set(_emulator.Identity.ResourcePrincipalVariables!),
            "DelegationToken" => _emulator.InstanceVariables().Set(_emulator.Identity.CloudShellVariables!),
            _ => _emulator.InstanceVariables(),
        };

        private static long Expired(EmulatorStatistics statistics) =>
            statistics.AuthenticationFailuresByReason.TryGetValue("ExpiredSessionToken", out var n) ? n : 0;
    }
}

using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using Xunit;

namespace OciBackup.Tests.Auth
{
    /// <summary>Cloud Shell: an instance principal with the user's delegation token sent, and signed, as opc-obo-token.</summary>
    public class DelegationTokenTests
    {
        [Fact]
        public async Task Cloud_Shells_variables_alone_make_a_session_that_acts_for_the_user()
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            var environment = emulator.InstanceEnvironment().Set(emulator.Identity.CloudShellVariables!);

            using var session = OciSession.Create(emulator.Options(environment));

            Assert.Equal(AuthenticationKind.DelegationToken, session.AuthenticationKind);
            Assert.Equal(emulator.Identity.CloudShellVariables!["OCI_CLI_CONFIG_FILE"], session.ConfigFile);
            Assert.Equal("DEFAULT", session.Profile);
            Assert.NotEmpty((await emulator.ListVolumesAsync(session)).Value);
            Assert.Equal(1, emulator.Identity.Statistics.DelegatedRequests);
            Assert.Equal(1, emulator.Identity.Statistics.TokensIssued);
        }

        [Fact]
        public async Task A_profile_with_authentication_type_instance_principal_and_a_delegation_token_file_is_cloud_shell()
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            var environment = emulator.InstanceEnvironment();
            var options = emulator.Options(environment);
            options.ConfigFile = emulator.Identity.CloudShellVariables!["OCI_CLI_CONFIG_FILE"];

            using var session = OciSession.Create(options);

            Assert.Equal(AuthenticationKind.DelegationToken, session.AuthenticationKind);
            Assert.NotEmpty((await emulator.ListVolumesAsync(session)).Value);
            Assert.Equal(1, emulator.Identity.Statistics.DelegatedRequests);
        }

        [Fact]
        public async Task The_delegation_token_file_is_read_again_when_Cloud_Shell_renews_it()
        {
            await using var emulator = await IdentityEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(10));
            var environment = emulator.InstanceEnvironment().Set(emulator.Identity.CloudShellVariables!);
            using var session = OciSession.Create(emulator.Options(environment, "DelegationToken"));
            await emulator.ListVolumesAsync(session);

            // Past the first delegation token's expiry: the renewed file (at half its life) must be what is sent.
            for (var i = 0; i < 4; i++)
            {
                emulator.Advance(TimeSpan.FromMinutes(3));
                await emulator.ListVolumesAsync(session);
            }

            Assert.Equal(0, emulator.Host.Statistics.AuthenticationFailures);
            Assert.Equal(5, emulator.Identity.Statistics.DelegatedRequests);
            Assert.True(emulator.Identity.Statistics.DelegationTokensWritten >= 3);
        }

        [Fact]
        public async Task Without_a_delegation_token_file_the_kind_is_refused_before_any_request()
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            var environment = emulator.InstanceEnvironment();

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(emulator.Options(environment, "DelegationToken")));

            Assert.Equal(OciConfigErrorKind.MissingSetting, error.Kind);
            Assert.Contains("OCI_CLI_DELEGATION_TOKEN_FILE", error.Message);
            Assert.Equal(0, emulator.Identity.Statistics.FederationRequests);
        }

        [Fact]
        public async Task An_unreadable_delegation_token_file_is_named()
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            var environment = emulator.InstanceEnvironment().Set(emulator.Identity.CloudShellVariables!);
            environment.Variables["OCI_CLI_DELEGATION_TOKEN_FILE"] = Path.Combine(emulator.Directory, "missing-token");
            environment.Variables.Remove("OCI_CLI_CONFIG_FILE");
            environment.Variables.Remove("OCI_CONFIG_FILE");

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(emulator.Options(environment)));

            Assert.Equal(OciConfigErrorKind.DelegationTokenUnreadable, error.Kind);
            Assert.Contains("missing-token", error.Message);
            Assert.Contains("does not exist", error.Message);
        }

        [Theory]
        [InlineData("GET", "date (request-target) host opc-obo-token")]
        [InlineData("POST", "date (request-target) host content-length content-type x-content-sha256 opc-obo-token")]
        public async Task The_delegation_token_is_sent_as_opc_obo_token_and_signed_after_the_standard_headers(string method, string signedHeaders)
        {
            var handler = new CapturingHandler();
            using var key = SigningVectors.LoadKey("rsa2048-pkcs1");
            var provider = new FixedCredentials(new RequestCredentials("ST$instance.token", key, "delegation.token.value"));
            using var client = new OciHttpClient(new OciHttpClientOptions(new Uri("https://iaas.us-ashburn-1.oraclecloud.com"), provider)
            {
                Handler = handler,
                Clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)),
            });

            await client.SendAsync(new OciRequest(new HttpMethod(method), "/20160918/volumeBackups", method == "POST" ? new byte[] { (byte)'{', (byte)'}' } : null).WithHeader("opc-retry-token", "t"), default);

            var sent = handler.Requests.Single();
            Assert.Equal("delegation.token.value", sent.Header("opc-obo-token"));
            Assert.Contains($"headers=\"{signedHeaders}\"", sent.Header("Authorization"));
            var signingString = string.Join("\n", signedHeaders.Split(' ').Select(h => h + ": " + (h == "(request-target)" ? method.ToLowerInvariant() + " /20160918/volumeBackups" : sent.Header(h))));
            Assert.True(Verify(key, signingString, sent.Header("Authorization")!), "the signature covers opc-obo-token");
        }

        private static bool Verify(RsaSigningKey key, string signingString, string authorization)
        {
            var start = authorization.IndexOf("signature=\"", StringComparison.Ordinal) + 11;
            var signature = authorization.Substring(start, authorization.Length - start - 1);
            return Convert.ToBase64String(key.SignSha256(System.Text.Encoding.UTF8.GetBytes(signingString))) == signature;
        }

        private sealed class FixedCredentials : IAuthenticationProvider
        {
            private readonly RequestCredentials _credentials;

            public FixedCredentials(RequestCredentials credentials) => _credentials = credentials;

            public AuthenticationKind Kind => AuthenticationKind.DelegationToken;

            public string? TenancyId => null;

            public string? UserId => null;

            public string Fingerprint => _credentials.Key.Fingerprint;

            public Task<RequestCredentials> GetCredentialsAsync(System.Threading.CancellationToken cancellationToken) => Task.FromResult(_credentials);

            public Task<bool> RefreshAfterRejectionAsync(RequestCredentials rejected, System.Threading.CancellationToken cancellationToken) => Task.FromResult(false);

            public void Dispose()
            {
            }
        }
    }
}

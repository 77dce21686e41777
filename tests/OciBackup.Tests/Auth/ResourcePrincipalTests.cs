using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests.Auth
{
    /// <summary>Resource principal 2.2 end to end: the emulator writes the token and key files (and renews the token as OCI's agent does).</summary>
    public class ResourcePrincipalTests
    {
        [Fact]
        public async Task A_function_signs_with_its_resource_principal_token_and_key_from_files()
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            var environment = emulator.InstanceEnvironment().Set(emulator.Identity.ResourcePrincipalVariables!);
            using var session = OciSession.Create(emulator.Options(environment, "ResourcePrincipal"));

            Assert.NotEmpty((await emulator.ListVolumesAsync(session)).Value);
            Assert.Equal(AuthenticationKind.ResourcePrincipal, session.AuthenticationKind);
            Assert.Equal(emulator.Identity.TenancyId, session.TenancyId);
            Assert.Equal("us-ashburn-1", session.Region);
            Assert.Equal(0, emulator.Identity.Statistics.MetadataRequests);
        }

        [Fact]
        public async Task The_token_file_is_read_again_when_the_agent_renews_it_and_the_old_token_expires()
        {
            await using var emulator = await IdentityEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(10));
            var environment = emulator.InstanceEnvironment().Set(emulator.Identity.ResourcePrincipalVariables!);
            using var session = OciSession.Create(emulator.Options(environment, "ResourcePrincipal"));
            var first = File.ReadAllText(emulator.Identity.ResourcePrincipalVariables!["OCI_RESOURCE_PRINCIPAL_RPST"]);

            // The agent renews at half the token's life; the first token then expires, and nothing is refused.
            emulator.Advance(TimeSpan.FromMinutes(6));
            emulator.Advance(TimeSpan.FromMinutes(6));
            Assert.NotEqual(first, File.ReadAllText(emulator.Identity.ResourcePrincipalVariables!["OCI_RESOURCE_PRINCIPAL_RPST"]));
            Assert.NotEmpty((await emulator.ListVolumesAsync(session)).Value);

            Assert.Equal(0, emulator.Host.Statistics.AuthenticationFailures);
            Assert.True(emulator.Identity.Statistics.ResourcePrincipalTokensWritten >= 2);
        }

        [Fact]
        public async Task A_token_and_key_given_as_values_work_and_an_expired_one_fails_before_any_request()
        {
            await using var emulator = await IdentityEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(10));
            var files = emulator.Identity.ResourcePrincipalVariables!;
            var environment = emulator.InstanceEnvironment();
            environment.Variables["OCI_RESOURCE_PRINCIPAL_VERSION"] = "2.2";
            environment.Variables["OCI_RESOURCE_PRINCIPAL_RPST"] = File.ReadAllText(files["OCI_RESOURCE_PRINCIPAL_RPST"]);
            environment.Variables["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"] = File.ReadAllText(files["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"]).Replace("\n", "\\n");
            environment.Variables["OCI_RESOURCE_PRINCIPAL_REGION"] = "iad";
            using var session = OciSession.Create(emulator.Options(environment, "ResourcePrincipal"));
            Assert.Equal("us-ashburn-1", session.Region);
            Assert.NotEmpty((await emulator.ListVolumesAsync(session)).Value);
            var requests = emulator.Host.Statistics.Requests;

            emulator.Advance(TimeSpan.FromMinutes(11));
            var error = await Assert.ThrowsAsync<OciConfigException>(() => emulator.ListVolumesAsync(session));

            Assert.Equal(OciConfigErrorKind.ResourcePrincipalTokenExpired, error.Kind);
            Assert.Equal("OCI_RESOURCE_PRINCIPAL_RPST", error.Setting);
            Assert.Contains("cannot be renewed", error.Message);
            Assert.Equal(requests, emulator.Host.Statistics.Requests);
        }

        [Fact]
        public async Task An_encrypted_key_is_opened_with_the_pass_phrase_file()
        {
            await using var emulator = await IdentityEmulator.StartAsync(configure: o => o.Identity.ResourcePrincipalPassPhrase = "rp pass phrase");
            var environment = emulator.InstanceEnvironment().Set(emulator.Identity.ResourcePrincipalVariables!);
            Assert.EndsWith("passphrase", environment.Variables["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE"]);

            using var session = OciSession.Create(emulator.Options(environment, "ResourcePrincipal"));

            Assert.NotEmpty((await emulator.ListVolumesAsync(session)).Value);
        }

        [Theory]
        [InlineData("OCI_RESOURCE_PRINCIPAL_VERSION", null, OciConfigErrorKind.MissingSetting)]
        [InlineData("OCI_RESOURCE_PRINCIPAL_VERSION", "1.1", OciConfigErrorKind.AuthTypeInvalid)]
        [InlineData("OCI_RESOURCE_PRINCIPAL_RPST", null, OciConfigErrorKind.MissingSetting)]
        [InlineData("OCI_RESOURCE_PRINCIPAL_RPST", "/nonexistent/rpst", OciConfigErrorKind.SessionTokenUnreadable)]
        [InlineData("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM", null, OciConfigErrorKind.MissingSetting)]
        [InlineData("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM", "/nonexistent/key.pem", OciConfigErrorKind.KeyFileUnreadable)]
        [InlineData("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM", "not a key", OciConfigErrorKind.KeyInvalid)]
        [InlineData("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE", "literal", OciConfigErrorKind.InvalidSetting)]
        [InlineData("OCI_RESOURCE_PRINCIPAL_REGION", null, OciConfigErrorKind.MissingSetting)]
        [InlineData("OCI_RESOURCE_PRINCIPAL_REGION", "not a region!", OciConfigErrorKind.RegionInvalid)]
        public async Task A_missing_or_wrong_variable_is_named_before_any_request(string variable, string? value, OciConfigErrorKind kind)
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            var environment = emulator.InstanceEnvironment().Set(emulator.Identity.ResourcePrincipalVariables!);
            if (value == null)
            {
                environment.Variables.Remove(variable);
            }
            else
            {
                environment.Variables[variable] = value;
            }

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(emulator.Options(environment, "ResourcePrincipal")));

            Assert.Equal(kind, error.Kind);
            Assert.Contains(variable == "OCI_RESOURCE_PRINCIPAL_REGION" && value != null ? "not a region!" : variable, error.Message);
            Assert.Equal(0, emulator.Host.Statistics.Requests);
        }

        [Theory]
        [InlineData("/var/run/rp/rpst", true)]
        [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln", false)]
        [InlineData("-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----", false)]
        [InlineData("relative/path", false)]
        public void Absolute_paths_are_files_and_anything_else_is_the_value(string value, bool isPath)
        {
            Assert.Equal(isPath, ResourcePrincipalAuthenticationProvider.IsPath(value));
        }
    }
}

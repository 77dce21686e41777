using System;
using System.Linq;
using System.Security;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class NewOciSessionTests
    {
        [Fact]
        public void Builds_a_session_from_a_config_file_and_shows_no_key_material()
        {
            using var config = new TempConfig();
            using var host = new ModuleHost();

            var session = host.Invoke("New-OciSession -ConfigFile $args[0]", config.ConfigFile).Single();

            Assert.Equal("OciBackup.Engine.OciSession", session.BaseObject.GetType().FullName);
            Assert.Equal("DEFAULT", session.Properties["Profile"].Value);
            Assert.Equal("us-phoenix-1", session.Properties["Region"].Value);
            Assert.Equal(new Uri("https://iaas.us-phoenix-1.oraclecloud.com"), session.Properties["Endpoint"].Value);
            Assert.Equal(TempConfig.Tenancy, session.Properties["TenancyId"].Value);
            Assert.Equal(TempConfig.User, session.Properties["UserId"].Value);
            Assert.Equal(TempConfig.Fingerprint, session.Properties["Fingerprint"].Value);

            var shown = host.Render("$args[0]", session);
            Assert.Contains("us-phoenix-1", shown);
            Assert.DoesNotContain("PRIVATE", shown);
            Assert.DoesNotContain("Http", shown);
        }

        [Fact]
        public void An_endpoint_override_and_a_named_profile_are_honoured()
        {
            using var config = new TempConfig();
            using var host = new ModuleHost();

            var session = host.Invoke("New-OciSession OTHER -ConfigFile $args[0] -Endpoint http://127.0.0.1:9999", config.ConfigFile).Single();

            Assert.Equal("OTHER", session.Properties["Profile"].Value);
            Assert.Equal("eu-frankfurt-1", session.Properties["Region"].Value);
            Assert.Equal(new Uri("http://127.0.0.1:9999"), session.Properties["Endpoint"].Value);
        }

        [Fact]
        public void A_secure_string_pass_phrase_opens_an_encrypted_key()
        {
            using var config = new TempConfig("test-rsa2048-pkcs8-encrypted.pem");
            using var host = new ModuleHost();
            var pass = new SecureString();
            foreach (var c in "correct horse")
            {
                pass.AppendChar(c);
            }

            var session = host.Invoke("New-OciSession -ConfigFile $args[0] -PassPhrase $args[1]", config.ConfigFile, pass).Single();

            Assert.Equal(TempConfig.Fingerprint, session.Properties["Fingerprint"].Value);
        }

        [Theory]
        [InlineData("New-OciSession -ConfigFile /nonexistent/oci/config", "OciBackup.ConfigFileNotFound,OciBackup.Cmdlets.NewOciSessionCommand", "ObjectNotFound")]
        [InlineData("New-OciSession -ConfigFile $args[0] -Profile NOPE", "OciBackup.ProfileNotFound,OciBackup.Cmdlets.NewOciSessionCommand", "ObjectNotFound")]
        [InlineData("New-OciSession -ConfigFile $args[0] -Region 'not a region!'", "OciBackup.RegionInvalid,OciBackup.Cmdlets.NewOciSessionCommand", "InvalidArgument")]
        [InlineData("New-OciSession -ConfigFile $args[0] -Endpoint http://example.com", "OciBackup.EndpointInvalid,OciBackup.Cmdlets.NewOciSessionCommand", "InvalidArgument")]
        public void Configuration_problems_are_terminating_errors_with_an_id_category_and_advice(string script, string errorId, string category)
        {
            using var config = new TempConfig();
            using var host = new ModuleHost();

            host.Invoke(script, out var errors, config.ConfigFile);

            var error = Assert.Single(errors);
            Assert.Equal(errorId, error.FullyQualifiedErrorId);
            Assert.Equal(category, error.CategoryInfo.Category.ToString());
            Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails.RecommendedAction));
        }

        [Fact]
        public void A_missing_pass_phrase_is_an_authentication_error()
        {
            using var config = new TempConfig("test-rsa2048-pkcs8-encrypted.pem");
            using var host = new ModuleHost();

            host.Invoke("New-OciSession -ConfigFile $args[0]", out var errors, config.ConfigFile);

            var error = Assert.Single(errors);
            Assert.Equal("OciBackup.PassPhraseRequired,OciBackup.Cmdlets.NewOciSessionCommand", error.FullyQualifiedErrorId);
            Assert.Equal("AuthenticationError", error.CategoryInfo.Category.ToString());
        }
    }
}

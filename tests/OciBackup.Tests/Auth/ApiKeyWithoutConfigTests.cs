using System;
using System.Linq;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests.Auth
{
    /// <summary>An API key without a config file: given directly (as a runbook has it from a secret store) or in the OCI CLI's variables.</summary>
    public class ApiKeyWithoutConfigTests
    {
        private static FakeProcessEnvironment CliVariables(string? keyFile = null, string? keyContent = null, string? region = "us-phoenix-1")
        {
            var environment = new FakeProcessEnvironment("/home/none");
            environment.SetVariable("OCI_CLI_USER", TestConfigs.User).SetVariable("OCI_CLI_TENANCY", TestConfigs.Tenancy)
                .SetVariable("OCI_CLI_FINGERPRINT", TestConfigs.Fingerprint).SetVariable("OCI_CLI_REGION", region)
                .SetVariable("OCI_CLI_KEY_FILE", keyFile).SetVariable("OCI_CLI_KEY_CONTENT", keyContent);
            return environment;
        }

        [Fact]
        public void The_CLIs_variables_with_a_key_file_need_no_config_file()
        {
            var environment = CliVariables(keyFile: "/secrets/key.pem");
            environment.AddFile("/secrets/key.pem", TestConfigs.KeyText("test-rsa2048-pkcs1.pem"));

            using var session = OciSession.Create(new OciSessionOptions { Environment = environment });

            Assert.Equal(AuthenticationKind.ApiKey, session.AuthenticationKind);
            Assert.Equal(TestConfigs.User, session.UserId);
            Assert.Equal(TestConfigs.Tenancy, session.TenancyId);
            Assert.Equal("us-phoenix-1", session.Region);
            Assert.Null(session.ConfigFile);
            Assert.Null(session.Profile);
            Assert.Equal(new[] { "/secrets/key.pem" }, environment.FilesRead);
        }

        [Theory]
        [InlineData("real line breaks")]
        [InlineData("escaped \\n")]
        [InlineData("flattened to spaces")]
        public void Key_content_in_a_variable_is_read_however_its_line_breaks_arrived(string form)
        {
            var pem = TestConfigs.KeyText("test-rsa2048-pkcs8.pem").Trim();
            var text = form.StartsWith("real") ? pem : form.StartsWith("escaped") ? pem.Replace("\n", "\\n") : pem.Replace("\n", " ");

            using var session = OciSession.Create(new OciSessionOptions { Environment = CliVariables(keyContent: text) });

            Assert.Equal(TestConfigs.Fingerprint, session.Fingerprint);
        }

        [Fact]
        public void An_encrypted_key_in_a_variable_takes_OCI_CLI_PASSPHRASE()
        {
            var environment = CliVariables(keyContent: TestConfigs.KeyText("test-rsa2048-pkcs8-encrypted.pem")).SetVariable("OCI_CLI_PASSPHRASE", TestConfigs.PassPhrase);

            using var session = OciSession.Create(new OciSessionOptions { Environment = environment });

            Assert.Equal(TestConfigs.Fingerprint, session.Fingerprint);
        }

        [Fact]
        public void A_wrong_fingerprint_names_the_variable_and_never_the_key()
        {
            var keyText = TestConfigs.KeyText("test-rsa2048-pkcs1.pem");
            var environment = CliVariables(keyContent: keyText).SetVariable("OCI_CLI_FINGERPRINT", "00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff");

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = environment }));

            Assert.Equal(OciConfigErrorKind.FingerprintMismatch, error.Kind);
            Assert.Equal("OCI_CLI_FINGERPRINT", error.Setting);
            Assert.Contains("OCI_CLI_KEY_CONTENT", error.Message);
            AssertNoKeyLine(keyText, error.ToString() + error.RecommendedAction);
        }

        [Fact]
        public void Key_content_that_is_not_a_key_is_named_without_being_quoted()
        {
            var environment = CliVariables(keyContent: "hunter2-not-a-pem-but-secret");

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = environment }));

            Assert.Equal(OciConfigErrorKind.KeyInvalid, error.Kind);
            Assert.Equal("OCI_CLI_KEY_CONTENT", error.Setting);
            Assert.Contains("The key in OCI_CLI_KEY_CONTENT", error.Message);
            Assert.DoesNotContain("hunter2", error.ToString());
        }

        [Fact]
        public void Without_a_region_the_CLI_reads_the_config_file_and_the_variables_override_its_profile()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(keyFile: "~/.oci/missing.pem", fingerprint: "00:00"));
            environment.SetVariable("OCI_CLI_USER", TestConfigs.User).SetVariable("OCI_CLI_TENANCY", TestConfigs.Tenancy)
                .SetVariable("OCI_CLI_FINGERPRINT", TestConfigs.Fingerprint).SetVariable("OCI_CLI_KEY_FILE", "~/.oci/test-rsa2048-pkcs8.pem");

            using var session = OciSession.Create(new OciSessionOptions { Environment = environment });

            Assert.Equal("DEFAULT", session.Profile);
            Assert.Equal("us-ashburn-1", session.Region);
            Assert.Equal(TestConfigs.Fingerprint, session.Fingerprint);
            Assert.Contains("/home/test/.oci/test-rsa2048-pkcs8.pem", environment.FilesRead);
        }

        [Fact]
        public void A_variable_that_overrides_the_profile_is_named_in_its_error()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()).SetVariable("OCI_CLI_TENANCY", "ocid1.user.oc1..wrongkind");

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = environment }));

            Assert.Equal(OciConfigErrorKind.InvalidSetting, error.Kind);
            Assert.Equal("OCI_CLI_TENANCY", error.Setting);
            Assert.StartsWith("OCI_CLI_TENANCY is 'ocid1.user.oc1..wrongkind'", error.Message);
        }

        [Fact]
        public void A_key_given_directly_reads_no_config_file_and_no_variables_of_the_CLI()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()).SetVariable("OCI_CLI_FINGERPRINT", "00:00").SetVariable("OCI_CLI_AUTH", "instance_principal");
            var pem = TestConfigs.KeyText("test-rsa2048-pkcs1.pem");

            using var session = OciSession.Create(new OciSessionOptions
            {
                Environment = environment,
                Region = "fra",
                ApiKey = new ApiKeySettings(TestConfigs.Tenancy, TestConfigs.User, TestConfigs.Fingerprint) { PrivateKeyPem = pem },
            });

            Assert.Equal("eu-frankfurt-1", session.Region);
            Assert.Equal(TestConfigs.User, session.UserId);
            Assert.Empty(environment.FilesRead);
        }

        [Fact]
        public void A_key_file_given_directly_with_its_pass_phrase()
        {
            var environment = TestConfigs.Home(string.Empty);

            using var session = OciSession.Create(new OciSessionOptions
            {
                Environment = environment,
                Region = "iad",
                PassPhrase = TestConfigs.PassPhrase.ToCharArray(),
                ApiKey = new ApiKeySettings(TestConfigs.Tenancy, TestConfigs.User, TestConfigs.Fingerprint) { KeyFile = "~/.oci/test-rsa2048-pkcs8-encrypted.pem", KeySource = "-KeyFile" },
            });

            Assert.Equal(TestConfigs.Fingerprint, session.Fingerprint);
            Assert.Equal(new[] { "/home/test/.oci/test-rsa2048-pkcs8-encrypted.pem" }, environment.FilesRead);
        }

        [Theory]
        [InlineData("tenancy", "ocid1.compartment.oc1..x", "-TenancyId")]
        [InlineData("user", "someone@example.com", "-UserId")]
        public void An_id_of_the_wrong_kind_names_the_parameter(string which, string value, string parameter)
        {
            var settings = which == "tenancy"
                ? new ApiKeySettings(value, TestConfigs.User, TestConfigs.Fingerprint) { PrivateKeyPem = TestConfigs.KeyText("test-rsa2048-pkcs1.pem") }
                : new ApiKeySettings(TestConfigs.Tenancy, value, TestConfigs.Fingerprint) { PrivateKeyPem = TestConfigs.KeyText("test-rsa2048-pkcs1.pem") };

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = new FakeProcessEnvironment(), Region = "iad", ApiKey = settings }));

            Assert.Equal(OciConfigErrorKind.InvalidSetting, error.Kind);
            Assert.Equal(parameter, error.Setting);
            Assert.Contains(value, error.Message);
        }

        [Fact]
        public void Without_any_region_a_key_given_directly_asks_for_Region()
        {
            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions
            {
                Environment = new FakeProcessEnvironment(),
                ApiKey = new ApiKeySettings(TestConfigs.Tenancy, TestConfigs.User, TestConfigs.Fingerprint) { PrivateKeyPem = TestConfigs.KeyText("test-rsa2048-pkcs1.pem") },
            }));

            Assert.Equal(OciConfigErrorKind.RegionMissing, error.Kind);
            Assert.Contains("-Region", error.Message);
        }

        [Theory]
        [InlineData("api_key", AuthenticationKind.ApiKey)]
        [InlineData("security_token", AuthenticationKind.SessionToken)]
        [InlineData("instance_principal", AuthenticationKind.InstancePrincipal)]
        [InlineData("resource_principal", AuthenticationKind.ResourcePrincipal)]
        [InlineData("instance_obo_user", AuthenticationKind.DelegationToken)]
        [InlineData("InstancePrincipal", AuthenticationKind.InstancePrincipal)]
        [InlineData("delegationtoken", AuthenticationKind.DelegationToken)]
        public void Both_the_CLIs_names_and_ours_name_a_kind(string name, AuthenticationKind kind)
        {
            Assert.Equal(kind, AuthenticationKindNames.Parse(name, "OCI_CLI_AUTH"));
        }

        [Fact]
        public void An_unknown_OCI_CLI_AUTH_is_refused_with_the_names_that_work()
        {
            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = new FakeProcessEnvironment().SetVariable("OCI_CLI_AUTH", "oke_workload_identity") }));

            Assert.Equal(OciConfigErrorKind.AuthTypeInvalid, error.Kind);
            Assert.Equal("OCI_CLI_AUTH", error.Setting);
            Assert.Contains("OKE workload identity is not supported", error.Message);
            Assert.Contains("instance_obo_user", error.RecommendedAction);
        }

        [Fact]
        public void AuthType_ApiKey_ignores_a_profiles_session_token()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(extra: "security_token_file=~/.oci/missing-token\n"));

            using var session = OciSession.Create(new OciSessionOptions { Environment = environment, AuthType = "ApiKey" });

            Assert.Equal(AuthenticationKind.ApiKey, session.AuthenticationKind);
        }

        [Fact]
        public void AuthType_SessionToken_needs_a_security_token_file()
        {
            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()), AuthType = "SessionToken" }));

            Assert.Equal(OciConfigErrorKind.MissingSetting, error.Kind);
            Assert.Equal("security_token_file", error.Setting);
            Assert.Contains("oci session authenticate", error.RecommendedAction);
        }

        private static void AssertNoKeyLine(string pem, string text)
        {
            foreach (var line in pem.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal)))
            {
                Assert.DoesNotContain(line.Trim(), text);
            }
        }
    }
}

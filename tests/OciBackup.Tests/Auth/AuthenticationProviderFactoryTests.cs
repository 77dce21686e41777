using System.Linq;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests.Auth
{
    public class AuthenticationProviderFactoryTests
    {
        [Fact]
        public async Task An_api_key_profile_gives_keyId_tenancy_user_fingerprint()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile());
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT");

            using var provider = AuthenticationProviderFactory.FromProfile(profile, environment);

            Assert.Equal(AuthenticationKind.ApiKey, provider.Kind);
            Assert.Equal(TestConfigs.User, provider.UserId);
            Assert.Equal($"{TestConfigs.Tenancy}/{TestConfigs.User}/{TestConfigs.Fingerprint}", (await provider.GetCredentialsAsync(default)).KeyId);
        }

        [Fact]
        public void The_configured_pass_phrase_opens_an_encrypted_key()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(keyFile: "~/.oci/test-rsa2048-pkcs8-encrypted.pem", extra: "pass_phrase=correct horse\n"));
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT");

            using var provider = AuthenticationProviderFactory.FromProfile(profile, environment);

            Assert.Equal(TestConfigs.Fingerprint, provider.Fingerprint);
        }

        [Fact]
        public void A_given_pass_phrase_overrides_the_configured_one()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(keyFile: "~/.oci/test-rsa2048-pkcs1-encrypted-aes128.pem", extra: "pass_phrase=wrong one\n"));
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT");

            using var provider = AuthenticationProviderFactory.FromProfile(profile, environment, "correct horse".ToCharArray());

            Assert.Equal(TestConfigs.Fingerprint, provider.Fingerprint);
        }

        [Fact]
        public void A_wrong_configured_pass_phrase_is_reported_without_its_value()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(keyFile: "~/.oci/test-rsa2048-pkcs8-encrypted.pem", extra: "pass_phrase=sw0rdfish-secret\n"));
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT");

            var error = Assert.Throws<OciConfigException>(() => AuthenticationProviderFactory.FromProfile(profile, environment));

            Assert.Equal(OciConfigErrorKind.PassPhraseIncorrect, error.Kind);
            Assert.Contains("test-rsa2048-pkcs8-encrypted.pem", error.Message);
            Assert.Contains("[DEFAULT]", error.Message);
            Assert.DoesNotContain("sw0rdfish", error.ToString());
        }

        [Fact]
        public void A_fingerprint_that_does_not_match_the_key_is_reported_before_any_request()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(fingerprint: "aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99"));
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT");

            var error = Assert.Throws<OciConfigException>(() => AuthenticationProviderFactory.FromProfile(profile, environment));

            Assert.Equal(OciConfigErrorKind.FingerprintMismatch, error.Kind);
            Assert.Contains("aa:bb:cc", error.Message);
            Assert.Contains(TestConfigs.Fingerprint, error.Message);
            Assert.Equal("fingerprint", error.Setting);
        }

        [Fact]
        public void Fingerprints_compare_case_insensitively()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(fingerprint: TestConfigs.Fingerprint.ToUpperInvariant()));
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT");
            using var provider = AuthenticationProviderFactory.FromProfile(profile, environment);
            Assert.Equal(TestConfigs.Fingerprint, provider.Fingerprint);
        }

        [Theory]
        [InlineData("user")]
        [InlineData("fingerprint")]
        [InlineData("tenancy")]
        [InlineData("key_file")]
        public void Each_missing_api_key_setting_is_named(string setting)
        {
            var text = string.Join("\n", TestConfigs.ApiKeyProfile().Split('\n').Where(l => !l.StartsWith(setting + "=")));
            var environment = TestConfigs.Home(text);
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT");

            var error = Assert.Throws<OciConfigException>(() => AuthenticationProviderFactory.FromProfile(profile, environment));

            Assert.Equal(OciConfigErrorKind.MissingSetting, error.Kind);
            Assert.Equal(setting, error.Setting);
            Assert.Contains($"'{setting}'", error.Message);
        }

        [Fact]
        public void A_user_that_is_not_a_user_ocid_is_refused()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile().Replace(TestConfigs.User, "ocid1.tenancy.oc1..oops"));
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT");
            var error = Assert.Throws<OciConfigException>(() => AuthenticationProviderFactory.FromProfile(profile, environment));
            Assert.Equal(OciConfigErrorKind.InvalidSetting, error.Kind);
            Assert.Equal("user", error.Setting);
        }

        [Fact]
        public void A_missing_key_file_names_the_file_the_profile_and_the_config()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(keyFile: "~/.oci/gone.pem"));
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT");

            var error = Assert.Throws<OciConfigException>(() => AuthenticationProviderFactory.FromProfile(profile, environment));

            Assert.Equal(OciConfigErrorKind.KeyFileNotFound, error.Kind);
            Assert.Contains("/home/test/.oci/gone.pem", error.Message);
            Assert.Contains("[DEFAULT]", error.Message);
            Assert.Contains("/home/test/.oci/config", error.Message);
        }

        [Fact]
        public void An_unreadable_key_file_is_its_own_error()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(keyFile: "/secure/key.pem"));
            environment.AddUnreadableFile("/secure/key.pem", new System.UnauthorizedAccessException("Access denied"));
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT");

            var error = Assert.Throws<OciConfigException>(() => AuthenticationProviderFactory.FromProfile(profile, environment));

            Assert.Equal(OciConfigErrorKind.KeyFileUnreadable, error.Kind);
            Assert.Contains("/secure/key.pem", error.Message);
        }

        [Fact]
        public async Task A_security_token_file_makes_a_session_token_provider_with_the_token_trimmed()
        {
            var token = SigningVectors.Key("rsa2048-session").GetProperty("sessionToken").GetString();
            var environment = TestConfigs.Home($"[SESSION]\nfingerprint={TestConfigs.Fingerprint}\nkey_file=~/.oci/test-rsa2048-pkcs1.pem\ntenancy={TestConfigs.Tenancy}\nregion=us-ashburn-1\nsecurity_token_file=~/.oci/sessions/SESSION/token\n");
            environment.AddFile("/home/test/.oci/sessions/SESSION/token", token + "\n");
            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("SESSION");

            using var provider = AuthenticationProviderFactory.FromProfile(profile, environment, clock: SigningVectors.SessionTokenClock());

            Assert.Equal(AuthenticationKind.SessionToken, provider.Kind);
            Assert.Null(provider.UserId);
            Assert.Equal(TestConfigs.Tenancy, provider.TenancyId);
            Assert.Equal("ST$" + token, (await provider.GetCredentialsAsync(default)).KeyId);
            Assert.DoesNotContain(token!, provider.ToString());
        }

        [Theory]
        [InlineData(null)]
        [InlineData("  \n")]
        public void A_missing_or_empty_token_file_says_to_authenticate_again(string? content)
        {
            var environment = TestConfigs.Home($"[S]\nkey_file=~/.oci/test-rsa2048-pkcs1.pem\nsecurity_token_file=/t/token\n");
            if (content != null)
            {
                environment.AddFile("/t/token", content);
            }

            var profile = ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("S");
            var error = Assert.Throws<OciConfigException>(() => AuthenticationProviderFactory.FromProfile(profile, environment));

            Assert.Equal(OciConfigErrorKind.SessionTokenUnreadable, error.Kind);
            Assert.Contains("/t/token", error.Message);
            Assert.Contains("oci session authenticate", error.RecommendedAction);
        }
    }
}

using System;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests
{
    public class OciSessionTests
    {
        [Fact]
        public void A_session_from_the_default_profile_targets_its_regions_endpoint()
        {
            using var session = OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()) });

            Assert.Equal("DEFAULT", session.Profile);
            Assert.Equal("/home/test/.oci/config", session.ConfigFile);
            Assert.Equal("us-ashburn-1", session.Region);
            Assert.Equal(new Uri("https://iaas.us-ashburn-1.oraclecloud.com"), session.Endpoint);
            Assert.Equal(AuthenticationKind.ApiKey, session.AuthenticationKind);
            Assert.Equal(TestConfigs.Tenancy, session.TenancyId);
            Assert.Equal(TestConfigs.User, session.UserId);
        }

        [Fact]
        public void A_session_retries_by_default_and_takes_the_retry_policy_it_is_given()
        {
            var fewer = Engine.Http.RetryPolicy.Default.WithLimits(3, TimeSpan.FromSeconds(60));

            using var byDefault = OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()) });
            using var limited = OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()), RetryPolicy = fewer });

            Assert.Same(Engine.Http.RetryPolicy.Default, byDefault.Http.RetryPolicy);
            Assert.Same(fewer, limited.Http.RetryPolicy);
        }

        [Fact]
        public void OCI_CLI_PROFILE_and_OCI_CONFIG_FILE_choose_the_profile_and_file()
        {
            var environment = TestConfigs.Home(string.Empty);
            environment.AddFile("/etc/oci/config", TestConfigs.ApiKeyProfile() + TestConfigs.ApiKeyProfile("GOV", region: "us-langley-1"));
            environment.SetVariable("OCI_CONFIG_FILE", "/etc/oci/config").SetVariable("OCI_CLI_PROFILE", "GOV");

            using var session = OciSession.Create(new OciSessionOptions { Environment = environment });

            Assert.Equal("GOV", session.Profile);
            Assert.Equal("/etc/oci/config", session.ConfigFile);
            Assert.Equal(new Uri("https://iaas.us-langley-1.oraclegovcloud.com"), session.Endpoint);
        }

        [Fact]
        public void An_explicit_region_short_code_overrides_the_profile()
        {
            using var session = OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()), Region = "fra" });
            Assert.Equal("eu-frankfurt-1", session.Region);
            Assert.Equal(new Uri("https://iaas.eu-frankfurt-1.oraclecloud.com"), session.Endpoint);
        }

        [Theory]
        [InlineData("OCI_CLI_REGION")]
        [InlineData("OCI_REGION")]
        public void A_profile_without_region_falls_back_to_the_region_variables(string variable)
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(region: null)).SetVariable(variable, "uk-london-1");
            using var session = OciSession.Create(new OciSessionOptions { Environment = environment });
            Assert.Equal("uk-london-1", session.Region);
        }

        [Fact]
        public void The_profiles_region_comes_before_the_region_variables()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()).SetVariable("OCI_CLI_REGION", "uk-london-1");
            using var session = OciSession.Create(new OciSessionOptions { Environment = environment });
            Assert.Equal("us-ashburn-1", session.Region);
        }

        [Fact]
        public void No_region_anywhere_is_a_clear_error()
        {
            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(region: null)) }));
            Assert.Equal(OciConfigErrorKind.RegionMissing, error.Kind);
            Assert.Contains("[DEFAULT]", error.Message);
        }

        [Fact]
        public void An_endpoint_override_wins_over_the_region()
        {
            using var session = OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()), Endpoint = "http://127.0.0.1:8443" });
            Assert.Equal(new Uri("http://127.0.0.1:8443"), session.Endpoint);
            Assert.Equal("us-ashburn-1", session.Region);
        }

        [Fact]
        public void A_missing_profile_lists_the_profiles_that_exist()
        {
            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile() + TestConfigs.ApiKeyProfile("DEV")), Profile = "PROD" }));
            Assert.Equal(OciConfigErrorKind.ProfileNotFound, error.Kind);
            Assert.Contains("[DEFAULT], [DEV]", error.Message);
        }

        [Fact]
        public void No_config_file_names_where_it_was_expected()
        {
            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = new FakeProcessEnvironment("/home/x") }));
            Assert.Equal(OciConfigErrorKind.ConfigFileNotFound, error.Kind);
            Assert.Contains("/home/x/.oci/config", error.Message);
        }

        [Fact]
        public void Nothing_is_read_from_the_network_or_disk_beyond_config_and_key()
        {
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile());
            using var session = OciSession.Create(new OciSessionOptions { Environment = environment });
            Assert.Equal(new[] { "/home/test/.oci/config", "/home/test/.oci/test-rsa2048-pkcs1.pem" }, environment.FilesRead);
        }

        [Fact]
        public void ToString_shows_profile_region_and_endpoint()
        {
            using var session = OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()) });
            Assert.Equal("OciSession [DEFAULT] us-ashburn-1 https://iaas.us-ashburn-1.oraclecloud.com (ApiKey)", session.ToString());
        }
    }
}

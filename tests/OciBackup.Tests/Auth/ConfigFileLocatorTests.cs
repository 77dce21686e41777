using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests.Auth
{
    public class ConfigFileLocatorTests
    {
        [Fact]
        public void An_explicit_path_wins_and_has_its_tilde_expanded()
        {
            var environment = new FakeProcessEnvironment("/home/u").SetVariable("OCI_CONFIG_FILE", "/env/config");
            Assert.Equal("/home/u/my/config", ConfigFileLocator.ResolvePath("~/my/config", environment));
        }

        [Fact]
        public void OCI_CONFIG_FILE_comes_before_the_cli_variable()
        {
            var environment = new FakeProcessEnvironment()
                .SetVariable("OCI_CONFIG_FILE", "/sdk/config")
                .SetVariable("OCI_CLI_CONFIG_FILE", "/cli/config");
            Assert.Equal("/sdk/config", ConfigFileLocator.ResolvePath(null, environment));
        }

        [Fact]
        public void The_cli_variable_is_honoured_when_it_is_the_only_one()
        {
            var environment = new FakeProcessEnvironment("/home/u").SetVariable("OCI_CLI_CONFIG_FILE", "~/cli/config");
            Assert.Equal("/home/u/cli/config", ConfigFileLocator.ResolvePath(null, environment));
        }

        [Fact]
        public void The_default_is_dot_oci_config()
        {
            var environment = new FakeProcessEnvironment("/home/u").AddFile("/home/u/.oci/config", "").AddFile("/home/u/.oraclebmc/config", "");
            Assert.Equal("/home/u/.oci/config", ConfigFileLocator.ResolvePath(null, environment));
        }

        [Fact]
        public void The_legacy_oraclebmc_file_is_used_when_it_is_the_only_one()
        {
            var environment = new FakeProcessEnvironment("/home/u").AddFile("/home/u/.oraclebmc/config", "");
            Assert.Equal("/home/u/.oraclebmc/config", ConfigFileLocator.ResolvePath(null, environment));
        }

        [Fact]
        public void With_no_file_anywhere_the_expected_location_is_named()
        {
            Assert.Equal("/home/u/.oci/config", ConfigFileLocator.ResolvePath(null, new FakeProcessEnvironment("/home/u")));
        }

        [Fact]
        public void The_profile_comes_from_the_argument_then_OCI_CLI_PROFILE_then_DEFAULT()
        {
            var environment = new FakeProcessEnvironment();
            Assert.Equal("DEFAULT", ConfigFileLocator.ResolveProfile(null, environment));
            environment.SetVariable("OCI_CLI_PROFILE", "PROD");
            Assert.Equal("PROD", ConfigFileLocator.ResolveProfile(null, environment));
            Assert.Equal("DEV", ConfigFileLocator.ResolveProfile("DEV", environment));
        }
    }
}

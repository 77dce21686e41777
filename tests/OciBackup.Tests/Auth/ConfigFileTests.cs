using System;
using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests.Auth
{
    public class ConfigFileTests
    {
        private const string Sample = @"# written by oci setup config
[DEFAULT]
user=ocid1.user.oc1..default
fingerprint = 1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe
key_file=~/.oci/oci_api_key.pem
tenancy=ocid1.tenancy.oc1..t
region=us-ashburn-1

; another comment style
[PROD]
user=ocid1.user.oc1..prod
region: eu-frankfurt-1
";

        [Fact]
        public void Profiles_inherit_what_they_do_not_set_from_DEFAULT()
        {
            var prod = ConfigFile.Parse(Sample, "/c").GetProfile("PROD");

            Assert.Equal("ocid1.user.oc1..prod", prod.Get("user"));
            Assert.Equal("eu-frankfurt-1", prod.Get("region"));
            Assert.Equal("ocid1.tenancy.oc1..t", prod.Get("tenancy"));
            Assert.Equal("~/.oci/oci_api_key.pem", prod.Get("key_file"));
        }

        [Fact]
        public void Keys_are_case_insensitive_and_values_trimmed()
        {
            var profile = ConfigFile.Parse("[A]\n  KEY_FILE  =  /k.pem  \r\n", "/c").GetProfile("A");
            Assert.Equal("/k.pem", profile.Get("key_file"));
        }

        [Fact]
        public void Section_names_are_case_sensitive_like_the_cli()
        {
            var file = ConfigFile.Parse("[Prod]\nuser=x\n", "/c");
            Assert.True(file.HasProfile("Prod"));
            var error = Assert.Throws<OciConfigException>(() => file.GetProfile("PROD"));
            Assert.Equal(OciConfigErrorKind.ProfileNotFound, error.Kind);
            Assert.Contains("[Prod]", error.Message);
            Assert.Contains("/c", error.Message);
            Assert.Equal("PROD", error.Profile);
        }

        [Fact]
        public void Comments_blank_lines_and_a_byte_order_mark_are_ignored()
        {
            var file = ConfigFile.Parse("\uFEFF# c\n\n; c\n[DEFAULT]\n# user=commented\nuser=u\n", "/c");
            Assert.Equal("u", file.GetProfile("DEFAULT").Get("user"));
            Assert.Equal(new[] { "DEFAULT" }, file.ProfileNames);
        }

        [Fact]
        public void Indented_settings_at_the_same_depth_are_separate_settings()
        {
            var profile = ConfigFile.Parse("[A]\n  user=u\n  region=r\n", "/c").GetProfile("A");
            Assert.Equal("u", profile.Get("user"));
            Assert.Equal("r", profile.Get("region"));
        }

        [Fact]
        public void A_deeper_indented_line_continues_the_previous_value()
        {
            var profile = ConfigFile.Parse("[A]\nnote=first\n    second\nuser=u\n", "/c").GetProfile("A");
            Assert.Equal("first\nsecond", profile.Get("note"));
            Assert.Equal("u", profile.Get("user"));
        }

        [Fact]
        public void Windows_paths_keep_their_colon()
        {
            var profile = ConfigFile.Parse("[A]\nkey_file=C:\\Users\\me\\.oci\\key.pem\n", "/c").GetProfile("A");
            Assert.Equal("C:\\Users\\me\\.oci\\key.pem", profile.Get("key_file"));
        }

        [Fact]
        public void The_DEFAULT_profile_does_not_inherit_from_itself_and_may_be_asked_for()
        {
            var profile = ConfigFile.Parse(Sample, "/c").GetProfile("DEFAULT");
            Assert.Equal("ocid1.user.oc1..default", profile.Get("user"));
        }

        [Fact]
        public void An_empty_value_counts_as_missing()
        {
            var profile = ConfigFile.Parse("[DEFAULT]\nregion=us-phoenix-1\n[A]\nregion=\n", "/c").GetProfile("A");
            Assert.Equal("us-phoenix-1", profile.Get("region"));
        }

        [Theory]
        [InlineData("user=u\n[A]\n", "line 1")]
        [InlineData("[A\nuser=u\n", "line 1")]
        [InlineData("[A]\njust some words\n", "line 2")]
        [InlineData("[A]\nuser=u\n[A]\n", "line 3")]
        [InlineData("[A]\nuser=u\nUSER=v\n", "line 3")]
        [InlineData("[]\n", "line 1")]
        public void Malformed_files_name_the_line_and_never_its_content(string text, string where)
        {
            var error = Assert.Throws<OciConfigException>(() => ConfigFile.Parse(text + "pass_phrase=hunter2-secret\n", "/home/me/.oci/config"));
            Assert.Equal(OciConfigErrorKind.ConfigFileInvalid, error.Kind);
            Assert.Contains(where, error.Message);
            Assert.Contains("/home/me/.oci/config", error.Message);
            Assert.DoesNotContain("hunter2", error.Message);
        }

        [Fact]
        public void A_pass_phrase_on_a_bad_line_is_not_echoed()
        {
            var error = Assert.Throws<OciConfigException>(() => ConfigFile.Parse("[A]\npass_phrase hunter2-secret\n", "/c"));
            Assert.DoesNotContain("hunter2", error.ToString());
        }

        [Fact]
        public void A_missing_file_is_its_own_error_naming_the_file()
        {
            var error = Assert.Throws<OciConfigException>(() => ConfigFile.Load("/nowhere/config", new FakeProcessEnvironment()));
            Assert.Equal(OciConfigErrorKind.ConfigFileNotFound, error.Kind);
            Assert.Contains("/nowhere/config", error.Message);
            Assert.Equal("/nowhere/config", error.ConfigFile);
        }

        [Fact]
        public void An_unreadable_file_is_its_own_error()
        {
            var environment = new FakeProcessEnvironment().AddUnreadableFile("/c", new UnauthorizedAccessException("denied"));
            var error = Assert.Throws<OciConfigException>(() => ConfigFile.Load("/c", environment));
            Assert.Equal(OciConfigErrorKind.ConfigFileUnreadable, error.Kind);
        }

        [Fact]
        public void A_missing_setting_names_the_file_profile_and_setting()
        {
            var profile = ConfigFile.Parse("[A]\nuser=u\n", "/etc/oci").GetProfile("A");
            var error = Assert.Throws<OciConfigException>(() => profile.GetRequired("fingerprint", "signing"));
            Assert.Equal(OciConfigErrorKind.MissingSetting, error.Kind);
            Assert.Contains("'fingerprint'", error.Message);
            Assert.Contains("[A]", error.Message);
            Assert.Contains("/etc/oci", error.Message);
            Assert.Equal("fingerprint", error.Setting);
        }

        [Theory]
        [InlineData("~/.oci/key.pem", "/home/test/.oci/key.pem")]
        [InlineData("~", "/home/test")]
        [InlineData("/abs/key.pem", "/abs/key.pem")]
        [InlineData("relative/key.pem", "relative/key.pem")]
        [InlineData("~other/key.pem", "~other/key.pem")]
        public void Tilde_expands_to_the_home_directory(string path, string expected)
        {
            Assert.Equal(expected, ConfigProfile.ExpandHome(path, new FakeProcessEnvironment("/home/test")));
        }
    }
}

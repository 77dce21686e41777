using System;
using System.Collections.Generic;
using OciBackup.Engine.Huawei;
using OciBackup.Engine.Huawei.Auth;
using Xunit;

namespace OciBackup.Tests.Huawei
{
    /// <summary>
    /// How a Huawei session finds its AK/SK, token, project and endpoints, as Huawei's SDKs do, and every way it refuses
    /// before anything is sent. Nothing here touches the network.
    /// </summary>
    public class HwcSessionTests
    {
        private const string Project = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

        [Fact]
        public void Parameters_win_over_the_sdk_variables_as_a_pair()
        {
            var environment = Variables(("HUAWEICLOUD_SDK_AK", "ENVAK"), ("HUAWEICLOUD_SDK_SK", "envsk"), ("HUAWEICLOUD_SDK_SECURITY_TOKEN", "envtoken"), ("HUAWEICLOUD_SDK_PROJECT_ID", "envproject"));

            using var session = HwcSession.Create(new HwcSessionOptions { Region = "cn-north-4", AccessKey = "AK", SecretKey = "SK", ProjectId = Project, Environment = environment });

            Assert.Equal("Parameters", session.CredentialSource);
            Assert.False(session.IsTemporary, "a token from the variables never joins a pair given as parameters");
            Assert.Equal(Project, session.ProjectId);
        }

        [Fact]
        public void The_sdk_variables_give_the_pair_its_token_and_the_project()
        {
            var environment = Variables(("HUAWEICLOUD_SDK_AK", "ENVAK"), ("HUAWEICLOUD_SDK_SK", "envsk"), ("HUAWEICLOUD_SDK_SECURITY_TOKEN", "envtoken"), ("HUAWEICLOUD_SDK_PROJECT_ID", "envproject"));

            using var session = HwcSession.Create(new HwcSessionOptions { Region = "CN-North-4", Environment = environment });

            Assert.Equal("Environment", session.CredentialSource);
            Assert.True(session.IsTemporary);
            Assert.Equal("envproject", session.ProjectId);
            Assert.Equal("cn-north-4", session.Region);
        }

        [Fact]
        public void A_project_given_as_a_parameter_wins_over_the_variable()
        {
            var environment = Variables(("HUAWEICLOUD_SDK_AK", "ENVAK"), ("HUAWEICLOUD_SDK_SK", "envsk"), ("HUAWEICLOUD_SDK_PROJECT_ID", "envproject"));

            using var session = HwcSession.Create(new HwcSessionOptions { Region = "cn-north-4", ProjectId = Project, Environment = environment });

            Assert.Equal(Project, session.ProjectId);
        }

        [Theory]
        [InlineData("cn-north-4", "https://vbs.cn-north-4.myhuaweicloud.com/", "https://rds.cn-north-4.myhuaweicloud.com/")]
        [InlineData("eu-west-101", "https://vbs.eu-west-101.myhuaweicloud.eu/", "https://rds.eu-west-101.myhuaweicloud.eu/")]
        [InlineData("xx-future-7", "https://vbs.xx-future-7.myhuaweicloud.com/", "https://rds.xx-future-7.myhuaweicloud.com/")]
        public void Each_service_of_a_region_is_at_its_documented_host(string region, string vbs, string rds)
        {
            using var session = Create(o => o.Region = region);

            Assert.Equal(new Uri(vbs), session.VbsEndpoint);
            Assert.Equal(new Uri(rds), session.RdsEndpoint);
        }

        [Fact]
        public void One_endpoint_serves_every_service_and_a_per_service_one_wins_over_it()
        {
            using var one = Create(o => o.Endpoint = "https://gateway.example.com:8443");
            using var both = Create(o =>
            {
                o.Endpoint = "https://gateway.example.com";
                o.Endpoints = new Dictionary<string, string> { ["RDS"] = "http://127.0.0.1:5000" };
            });

            Assert.Equal(new Uri("https://gateway.example.com:8443/"), one.VbsEndpoint);
            Assert.Equal(new Uri("https://gateway.example.com:8443/"), one.RdsEndpoint);
            Assert.Equal(new Uri("https://gateway.example.com/"), both.VbsEndpoint);
            Assert.Equal(new Uri("http://127.0.0.1:5000/"), both.RdsEndpoint);
        }

        [Theory]
        [InlineData(null, null, null, HwcConfigErrorKind.CredentialsMissing, "HUAWEICLOUD_SDK_AK")]
        [InlineData("AK", null, null, HwcConfigErrorKind.CredentialsIncomplete, "-SecretKey")]
        [InlineData(null, "SecretValue0001", null, HwcConfigErrorKind.CredentialsIncomplete, "-AccessKey")]
        [InlineData(null, null, "token", HwcConfigErrorKind.CredentialsIncomplete, "-AccessKey")]
        [InlineData("AK", "Secret Value01", null, HwcConfigErrorKind.CredentialsInvalid, "-SecretKey")]
        [InlineData("AK", "SecretValue0002", "tok\nen", HwcConfigErrorKind.CredentialsInvalid, "-SecurityToken")]
        public void Credentials_given_as_parameters_are_refused_with_what_is_wrong(string? accessKey, string? secretKey, string? token, HwcConfigErrorKind kind, string setting)
        {
            var error = Assert.Throws<HwcConfigException>(() => Create(o =>
            {
                o.AccessKey = accessKey;
                o.SecretKey = secretKey;
                o.SecurityToken = token;
            }));

            Assert.Equal(kind, error.Kind);
            Assert.Equal(setting, error.Setting);
            Assert.False(string.IsNullOrEmpty(error.RecommendedAction));
            if (secretKey != null)
            {
                Assert.DoesNotContain(secretKey, error.Message, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void An_sk_variable_without_its_ak_is_incomplete_and_is_not_shown()
        {
            var error = Assert.Throws<HwcConfigException>(() => HwcSession.Create(new HwcSessionOptions
            {
                Region = "cn-north-4",
                ProjectId = Project,
                Environment = Variables(("HUAWEICLOUD_SDK_SK", "VariableSecretKey000001")),
            }));

            Assert.Equal(HwcConfigErrorKind.CredentialsIncomplete, error.Kind);
            Assert.Equal("HUAWEICLOUD_SDK_AK", error.Setting);
            Assert.DoesNotContain("VariableSecretKey000001", error.ToString(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(null, HwcConfigErrorKind.ProjectIdMissing)]
        [InlineData("   ", HwcConfigErrorKind.ProjectIdMissing)]
        [InlineData("project/../other", HwcConfigErrorKind.ProjectIdInvalid)]
        public void A_missing_or_malformed_project_is_refused(string? projectId, HwcConfigErrorKind kind)
        {
            var error = Assert.Throws<HwcConfigException>(() => Create(o => o.ProjectId = projectId));

            Assert.Equal(kind, error.Kind);
        }

        [Theory]
        [InlineData(null, HwcConfigErrorKind.RegionMissing)]
        [InlineData("Beijing 4", HwcConfigErrorKind.RegionInvalid)]
        [InlineData("cn-north", HwcConfigErrorKind.RegionInvalid)]
        public void A_missing_or_malformed_region_is_refused(string? region, HwcConfigErrorKind kind)
        {
            var error = Assert.Throws<HwcConfigException>(() => Create(o => o.Region = region));

            Assert.Equal(kind, error.Kind);
            Assert.Equal("-Region", error.Setting);
        }

        [Theory]
        [InlineData("http://vbs.example.com", "unencrypted")]
        [InlineData("ftp://vbs.example.com", "not an https:// URL")]
        [InlineData("https://vbs.example.com/v2/project", "path")]
        [InlineData("vbs.example.com", "not an https:// URL")]
        public void An_endpoint_that_is_not_https_or_has_a_path_is_refused(string endpoint, string reason)
        {
            var error = Assert.Throws<HwcConfigException>(() => Create(o => o.Endpoint = endpoint));

            Assert.Equal(HwcConfigErrorKind.EndpointInvalid, error.Kind);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_endpoint_for_a_service_it_does_not_call_is_refused()
        {
            var error = Assert.Throws<HwcConfigException>(() => Create(o => o.Endpoints = new Dictionary<string, string> { ["evs"] = "https://evs.example.com" }));

            Assert.Equal(HwcConfigErrorKind.EndpointInvalid, error.Kind);
            Assert.Contains("'evs'", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Its_text_names_the_region_project_and_source_but_no_credential()
        {
            using var session = Create(o => o.SecurityToken = "SessionTextToken0000001");

            var text = session.ToString();

            Assert.Equal($"HwcSession cn-north-4 project {Project} (temporary AK/SK from parameters)", text);
        }

        private static HwcSession Create(Action<HwcSessionOptions> change)
        {
            var options = new HwcSessionOptions { Region = "cn-north-4", ProjectId = Project, AccessKey = "AK", SecretKey = "SK", Environment = new FakeProcessEnvironment() };
            change(options);
            return HwcSession.Create(options);
        }

        private static FakeProcessEnvironment Variables(params (string Name, string Value)[] variables)
        {
            var environment = new FakeProcessEnvironment();
            foreach (var (name, value) in variables)
            {
                environment.Variables[name] = value;
            }

            return environment;
        }
    }
}

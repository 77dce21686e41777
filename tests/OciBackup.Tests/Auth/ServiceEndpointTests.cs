using System;
using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests.Auth
{
    public sealed class ServiceEndpointTests
    {
        private static Region Known(string id) => new RegionCatalog(new FakeProcessEnvironment()).Resolve(id);

        [Theory]
        [InlineData("us-ashburn-1", "https://iaas.us-ashburn-1.oraclecloud.com")]
        [InlineData("iad", "https://iaas.us-ashburn-1.oraclecloud.com")]
        [InlineData("us-langley-1", "https://iaas.us-langley-1.oraclegovcloud.com")]
        [InlineData("us-gov-phoenix-1", "https://iaas.us-gov-phoenix-1.oraclegovcloud.com")]
        [InlineData("uk-gov-london-1", "https://iaas.uk-gov-london-1.oraclegovcloud.uk")]
        [InlineData("ap-chiyoda-1", "https://iaas.ap-chiyoda-1.oraclecloud8.com")]
        [InlineData("eu-frankfurt-2", "https://iaas.eu-frankfurt-2.oraclecloud.eu")]
        [InlineData("eu-dcc-rome-1", "https://iaas.eu-dcc-rome-1.psn-pco.it")]
        public void The_regional_endpoint_joins_service_region_and_realm_domain(string region, string expected)
        {
            var uri = ServiceEndpoint.ForRegion(Known(region));

            Assert.Equal(expected, uri.GetLeftPart(UriPartial.Authority));
            Assert.Equal(expected, uri.OriginalString);
            Assert.Equal("/", uri.AbsolutePath);
        }

        [Fact]
        public void The_regional_endpoint_can_name_another_service()
        {
            var uri = ServiceEndpoint.ForRegion(Known("phx"), "objectstorage");

            Assert.Equal("https://objectstorage.us-phoenix-1.oraclecloud.com", uri.OriginalString);
        }

        [Fact]
        public void The_regional_endpoint_of_an_unlisted_region_uses_its_assumed_realm()
        {
            var region = new Region("xx-newcity-1", null, new Realm(null, "sovereign.example.cloud"));

            Assert.Equal("https://iaas.xx-newcity-1.sovereign.example.cloud", ServiceEndpoint.ForRegion(region).OriginalString);
        }

        [Theory]
        [InlineData("")]
        [InlineData("Iaas")]
        [InlineData("ia as")]
        [InlineData("iaas.evil.com/")]
        [InlineData("-iaas")]
        public void A_service_prefix_that_is_no_host_label_is_refused(string service)
        {
            Assert.Throws<ArgumentException>(() => ServiceEndpoint.ForRegion(Known("iad"), service));
        }

        [Theory]
        [InlineData("https://iaas.us-ashburn-1.oraclecloud.com", "https://iaas.us-ashburn-1.oraclecloud.com")]
        [InlineData("https://iaas.us-ashburn-1.oraclecloud.com/", "https://iaas.us-ashburn-1.oraclecloud.com")]
        [InlineData("  https://iaas.us-ashburn-1.oraclecloud.com  ", "https://iaas.us-ashburn-1.oraclecloud.com")]
        [InlineData("HTTPS://IAAS.Example.COM:8443", "https://iaas.example.com:8443")]
        [InlineData("https://proxy.example.com:443/", "https://proxy.example.com")]
        [InlineData("https://10.0.0.5:8443", "https://10.0.0.5:8443")]
        [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
        [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080")]
        [InlineData("http://localhost:5000", "http://localhost:5000")]
        [InlineData("http://LocalHost:5000/", "http://localhost:5000")]
        [InlineData("http://[::1]:9000", "http://[::1]:9000")]
        [InlineData("http://127.0.0.1", "http://127.0.0.1")]
        public void An_endpoint_override_with_only_a_host_and_port_is_accepted_without_a_trailing_slash(string input, string expected)
        {
            var uri = ServiceEndpoint.ParseOverride(input);

            Assert.Equal(expected, uri.OriginalString);
            Assert.Equal("/", uri.AbsolutePath);
            Assert.Equal(string.Empty, uri.Query);
            Assert.Equal(string.Empty, uri.UserInfo);
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("   ", "empty")]
        [InlineData("iaas.us-ashburn-1.oraclecloud.com", "https://")]
        [InlineData("localhost:8080", "https://")]
        [InlineData("//iaas.us-ashburn-1.oraclecloud.com", "https://")]
        [InlineData("ftp://example.com", "scheme")]
        [InlineData("file:///etc/passwd", "scheme")]
        [InlineData("http://iaas.us-ashburn-1.oraclecloud.com", "loopback")]
        [InlineData("http://10.0.0.1:8080", "loopback")]
        [InlineData("http://localhost.example.com", "loopback")]
        [InlineData("http://127.0.0.1.example.com", "loopback")]
        [InlineData("https://example.com/20160918", "path")]
        [InlineData("https://example.com/prefix/", "path")]
        [InlineData("https://example.com//", "path")]
        [InlineData("https://example.com?x=1", "query")]
        [InlineData("https://example.com/?", "query")]
        [InlineData("https://example.com#top", "fragment")]
        [InlineData("https://", "well-formed")]
        [InlineData("https://:8443", "well-formed")]
        [InlineData("https://example.com:99999", "well-formed")]
        [InlineData("https://exa mple.com", "white space")]
        [InlineData("https://example.com\\path", "backslash")]
        public void An_endpoint_override_that_is_not_a_bare_https_origin_is_refused_with_the_reason(string input, string reason)
        {
            var error = Assert.Throws<OciConfigException>(() => ServiceEndpoint.ParseOverride(input));

            Assert.Equal(OciConfigErrorKind.EndpointInvalid, error.Kind);
            Assert.Equal("endpoint", error.Setting);
            Assert.Contains($"'{input}'", error.Message, StringComparison.Ordinal);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
            Assert.Contains("https://", error.RecommendedAction, StringComparison.Ordinal);
            Assert.Contains("127.0.0.1", error.RecommendedAction, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("https://admin@example.com")]
        [InlineData("https://admin:s3cret@example.com")]
        [InlineData("http://admin:s3cret@127.0.0.1:8080/")]
        public void An_endpoint_override_with_user_information_is_refused_without_repeating_it(string input)
        {
            var error = Assert.Throws<OciConfigException>(() => ServiceEndpoint.ParseOverride(input));

            Assert.Equal(OciConfigErrorKind.EndpointInvalid, error.Kind);
            Assert.Contains("user information", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("admin", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
            Assert.Contains("***@", error.Message, StringComparison.Ordinal);
        }
    }
}

using System;
using System.Net;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using Xunit;

namespace OciBackup.Tests.Http
{
    public class EnvironmentProxyTests
    {
        [Fact]
        public void No_proxy_variables_means_the_system_proxy()
        {
            Assert.Null(EnvironmentProxy.FromEnvironment(new FakeProcessEnvironment()));
        }

        [Fact]
        public void Https_destinations_use_HTTPS_PROXY_and_http_ones_HTTP_PROXY()
        {
            var proxy = EnvironmentProxy.FromEnvironment(new FakeProcessEnvironment()
                .SetVariable("HTTPS_PROXY", "http://secure-proxy:3128")
                .SetVariable("http_proxy", "plain-proxy:8080"))!;

            Assert.Equal(new Uri("http://secure-proxy:3128/"), proxy.GetProxy(new Uri("https://iaas.us-ashburn-1.oraclecloud.com/")));
            Assert.Equal(new Uri("http://plain-proxy:8080/"), proxy.GetProxy(new Uri("http://example.com/")));
        }

        [Theory]
        [InlineData(".oraclecloud.com", "https://iaas.us-ashburn-1.oraclecloud.com/", true)]
        [InlineData("oraclecloud.com", "https://iaas.us-ashburn-1.oraclecloud.com/", true)]
        [InlineData("*.oraclecloud.com", "https://iaas.us-ashburn-1.oraclecloud.com/", true)]
        [InlineData("oraclecloud.com", "https://notoraclecloud.com/", false)]
        [InlineData("other.com, iaas.us-ashburn-1.oraclecloud.com", "https://iaas.us-ashburn-1.oraclecloud.com/", true)]
        [InlineData("*", "https://anything.example/", true)]
        [InlineData("", "http://127.0.0.1:5000/", true)]
        [InlineData("", "http://[::1]:5000/", true)]
        [InlineData("", "https://iaas.us-ashburn-1.oraclecloud.com/", false)]
        public void NO_PROXY_and_loopback_bypass_the_proxy(string noProxy, string destination, bool bypassed)
        {
            var proxy = EnvironmentProxy.FromEnvironment(new FakeProcessEnvironment().SetVariable("HTTPS_PROXY", "http://p:1").SetVariable("HTTP_PROXY", "http://p:1").SetVariable("NO_PROXY", noProxy))!;
            Assert.Equal(bypassed, proxy.IsBypassed(new Uri(destination)));
            Assert.Equal(bypassed, proxy.GetProxy(new Uri(destination)) == null);
        }

        [Fact]
        public void Proxy_credentials_move_out_of_the_url()
        {
            var proxy = EnvironmentProxy.FromEnvironment(new FakeProcessEnvironment().SetVariable("HTTPS_PROXY", "http://alice:s%40cret@proxy:3128"))!;

            var credential = proxy.Credentials!.GetCredential(new Uri("http://proxy:3128"), "Basic");
            Assert.Equal("alice", credential!.UserName);
            Assert.Equal("s@cret", credential.Password);
            Assert.Equal(new Uri("http://proxy:3128/"), proxy.GetProxy(new Uri("https://x.example/")));
            Assert.DoesNotContain("cret", proxy.ToString());
        }

        [Fact]
        public void A_malformed_proxy_variable_is_a_config_error_naming_it()
        {
            var error = Assert.Throws<OciConfigException>(() => EnvironmentProxy.FromEnvironment(new FakeProcessEnvironment().SetVariable("HTTPS_PROXY", "ftp://proxy")));
            Assert.Equal("HTTPS_PROXY", error.Setting);
        }
    }
}

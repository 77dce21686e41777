using System;
using System.Collections.Generic;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using Xunit;

namespace OciBackup.Tests.Http
{
    public sealed class RegionEndpointsTests
    {
        private static readonly RegionCatalog Catalog = new RegionCatalog(new FakeProcessEnvironment());

        [Theory]
        [InlineData("us-phoenix-1", "https://iaas.us-phoenix-1.oraclecloud.com/", "https://identity.us-phoenix-1.oci.oraclecloud.com/")]
        [InlineData("fra", "https://iaas.eu-frankfurt-1.oraclecloud.com/", "https://identity.eu-frankfurt-1.oci.oraclecloud.com/")]
        [InlineData(null, "https://iaas.us-ashburn-1.oraclecloud.com/", "https://identity.us-ashburn-1.oci.oraclecloud.com/")]
        public void A_session_from_a_region_serves_every_region_of_its_realm_at_their_public_endpoints(string? region, string core, string identity)
        {
            var endpoints = RegionEndpoints.InRealmOf(Catalog.Resolve("us-ashburn-1"), Catalog);

            Assert.Equal(core, endpoints.Blockstorage(region).AbsoluteUri);
            Assert.Equal(identity, endpoints.Identity(region).AbsoluteUri);
        }

        [Fact]
        public void A_region_of_another_realm_is_refused()
        {
            var endpoints = RegionEndpoints.InRealmOf(Catalog.Resolve("us-ashburn-1"), Catalog);

            var error = Assert.Throws<OciConfigException>(() => endpoints.Blockstorage("us-langley-1"));

            Assert.Equal(OciConfigErrorKind.RegionInvalid, error.Kind);
            Assert.Equal("Region us-langley-1 is in realm oc2 (oraclegovcloud.com); this session signs for realm oc1 (oraclecloud.com) (us-ashburn-1) only.", error.Message);
        }

        [Fact]
        public void A_map_serves_exactly_its_regions_each_at_its_own_endpoint_identity_included()
        {
            var endpoints = RegionEndpoints.Mapped(Map(("us-ashburn-1", "http://127.0.0.1:8001"), ("phx", "http://127.0.0.1:8002/")), "iad", Catalog);

            Assert.Equal("us-ashburn-1", endpoints.HomeRegion);
            Assert.Equal("http://127.0.0.1:8001/", endpoints.HomeEndpoint.AbsoluteUri);
            Assert.Equal("http://127.0.0.1:8002/", endpoints.Blockstorage("us-phoenix-1").AbsoluteUri);
            Assert.Equal("http://127.0.0.1:8002/", endpoints.Identity("PHX").AbsoluteUri);
            var error = Assert.Throws<OciConfigException>(() => endpoints.Blockstorage("eu-frankfurt-1"));
            Assert.Equal(OciConfigErrorKind.EndpointInvalid, error.Kind);
            Assert.Equal("The session has no endpoint for region eu-frankfurt-1: its endpoint map names us-ashburn-1, us-phoenix-1.", error.Message);
        }

        [Fact]
        public void A_map_must_name_the_sessions_own_region_and_hold_valid_endpoints()
        {
            var withoutHome = Assert.Throws<OciConfigException>(() => RegionEndpoints.Mapped(Map(("us-phoenix-1", "http://127.0.0.1:8002")), "us-ashburn-1", Catalog));
            var empty = Assert.Throws<OciConfigException>(() => RegionEndpoints.Mapped(Map(), "us-ashburn-1", Catalog));
            var remoteHttp = Assert.Throws<OciConfigException>(() => RegionEndpoints.Mapped(Map(("us-ashburn-1", "http://example.com")), null, Catalog));
            var notARegion = Assert.Throws<OciConfigException>(() => RegionEndpoints.Mapped(Map(("not a region", "http://127.0.0.1:1")), null, Catalog));
            var twoAndNoRegion = Assert.Throws<OciConfigException>(() => RegionEndpoints.Mapped(Map(("iad", "http://127.0.0.1:1"), ("phx", "http://127.0.0.1:2")), null, Catalog));

            Assert.Equal("The endpoint map names us-phoenix-1 but not the session's own region, us-ashburn-1.", withoutHome.Message);
            Assert.Equal(OciConfigErrorKind.EndpointInvalid, empty.Kind);
            Assert.Equal(OciConfigErrorKind.EndpointInvalid, remoteHttp.Kind);
            Assert.Equal(OciConfigErrorKind.RegionInvalid, notARegion.Kind);
            Assert.Equal(OciConfigErrorKind.RegionMissing, twoAndNoRegion.Kind);
            Assert.Equal("us-phoenix-1", RegionEndpoints.Mapped(Map(("phx", "http://127.0.0.1:2")), null, Catalog).HomeRegion);
        }

        [Fact]
        public void One_endpoint_serves_the_sessions_own_region_only()
        {
            var endpoints = RegionEndpoints.Single("us-ashburn-1", new Uri("http://127.0.0.1:8001"));

            Assert.Equal("http://127.0.0.1:8001/", endpoints.Blockstorage("US-ASHBURN-1").AbsoluteUri);
            Assert.Equal("http://127.0.0.1:8001/", endpoints.Identity(null).AbsoluteUri);
            var error = Assert.Throws<OciConfigException>(() => endpoints.Blockstorage("us-phoenix-1"));
            Assert.Equal("The session's endpoint http://127.0.0.1:8001 serves us-ashburn-1 only, not us-phoenix-1.", error.Message);
        }

        [Fact]
        public void One_endpoint_knows_its_region_by_short_code_too()
        {
            var endpoints = RegionEndpoints.Single("us-ashburn-1", new Uri("http://127.0.0.1:8001"), Catalog);

            Assert.Equal("http://127.0.0.1:8001/", endpoints.Blockstorage("iad").AbsoluteUri);
            Assert.Equal("us-ashburn-1", endpoints.RegionOf("ocid1.volume.oc1.iad.abc"));
            Assert.Null(endpoints.RegionOf("ocid1.volume.oc1.phx.abc"));
        }

        [Theory]
        [InlineData("ocid1.volumebackup.oc1.phx.abc", "us-phoenix-1")]
        [InlineData("ocid1.volumebackup.oc1.us-phoenix-1.abc", "us-phoenix-1")]
        [InlineData("ocid1.volume.oc1.iad.abc", "us-ashburn-1")]
        [InlineData("ocid1.volumebackup.oc1.fra.abc", null)]
        [InlineData("ocid1.tenancy.oc1..abc", null)]
        [InlineData("ocid1.volume.oc2.us-langley-1.abc", null)]
        [InlineData("not an ocid", null)]
        public void An_ocid_names_its_region_when_the_session_serves_it(string ocid, string? region)
        {
            var endpoints = RegionEndpoints.Mapped(Map(("us-ashburn-1", "http://127.0.0.1:8001"), ("us-phoenix-1", "http://127.0.0.1:8002")), "us-ashburn-1", Catalog);

            Assert.Equal(region, endpoints.RegionOf(ocid));
        }

        private static IEnumerable<KeyValuePair<string, string>> Map(params (string Region, string Url)[] entries)
        {
            foreach (var (region, url) in entries)
            {
                yield return new KeyValuePair<string, string>(region, url);
            }
        }
    }
}

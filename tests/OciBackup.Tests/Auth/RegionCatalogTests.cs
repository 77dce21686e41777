using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests.Auth
{
    public sealed class RegionCatalogTests
    {
        private const string NewRegionEntry =
            "{\"realmKey\":\"oc99\",\"realmDomainComponent\":\"oraclecloud99.com\",\"regionKey\":\"ZZA\",\"regionIdentifier\":\"xx-testcity-1\"}";

        private static RegionCatalog CatalogWith(FakeProcessEnvironment environment) => new RegionCatalog(environment);

        private static RegionCatalog EmptyCatalog() => new RegionCatalog(new FakeProcessEnvironment());

        private static string RegionsConfigPath(FakeProcessEnvironment environment) =>
            environment.PathInHome(".oci", "regions-config.json");

        private static FakeProcessEnvironment WithRegionsConfig(string json)
        {
            var environment = new FakeProcessEnvironment();
            environment.AddFile(RegionsConfigPath(environment), json);
            return environment;
        }

        [Theory]
        [InlineData("us-ashburn-1")]
        [InlineData("us-phoenix-1")]
        [InlineData("eu-frankfurt-1")]
        [InlineData("uk-london-1")]
        [InlineData("ap-tokyo-1")]
        [InlineData("sa-saopaulo-1")]
        [InlineData("us-chicago-1")]
        [InlineData("ap-batam-1")]
        public void Commercial_region_ids_resolve_to_oc1(string id)
        {
            var region = EmptyCatalog().Resolve(id);

            Assert.Equal(id, region.Id);
            Assert.Equal("oc1", region.Realm.Id);
            Assert.Equal("oraclecloud.com", region.Realm.SecondLevelDomain);
        }

        [Theory]
        [InlineData("iad", "us-ashburn-1")]
        [InlineData("phx", "us-phoenix-1")]
        [InlineData("fra", "eu-frankfurt-1")]
        [InlineData("lhr", "uk-london-1")]
        [InlineData("nrt", "ap-tokyo-1")]
        [InlineData("syd", "ap-sydney-1")]
        [InlineData("gru", "sa-saopaulo-1")]
        [InlineData("yyz", "ca-toronto-1")]
        [InlineData("ord", "us-chicago-1")]
        [InlineData("jnb", "af-johannesburg-1")]
        [InlineData("lfi", "us-langley-1")]
        [InlineData("ric", "us-gov-ashburn-1")]
        [InlineData("ltn", "uk-gov-london-1")]
        [InlineData("nja", "ap-chiyoda-1")]
        [InlineData("str", "eu-frankfurt-2")]
        public void Short_codes_resolve_to_their_region(string code, string expectedId)
        {
            var region = EmptyCatalog().Resolve(code);

            Assert.Equal(expectedId, region.Id);
            Assert.Equal(code, region.ShortCode);
        }

        [Theory]
        [InlineData("us-langley-1", "oc2", "oraclegovcloud.com")]
        [InlineData("us-luke-1", "oc2", "oraclegovcloud.com")]
        [InlineData("us-gov-ashburn-1", "oc3", "oraclegovcloud.com")]
        [InlineData("us-gov-phoenix-1", "oc3", "oraclegovcloud.com")]
        [InlineData("uk-gov-london-1", "oc4", "oraclegovcloud.uk")]
        [InlineData("uk-gov-cardiff-1", "oc4", "oraclegovcloud.uk")]
        [InlineData("us-tacoma-1", "oc5", "oraclecloud5.com")]
        [InlineData("ap-chiyoda-1", "oc8", "oraclecloud8.com")]
        [InlineData("ap-ibaraki-1", "oc8", "oraclecloud8.com")]
        [InlineData("me-dcc-muscat-1", "oc9", "oraclecloud9.com")]
        [InlineData("ap-dcc-canberra-1", "oc10", "oraclecloud10.com")]
        [InlineData("eu-dcc-milan-1", "oc14", "oraclecloud14.com")]
        [InlineData("eu-dcc-dublin-2", "oc14", "oraclecloud14.com")]
        [InlineData("ap-dcc-gazipur-1", "oc15", "oraclecloud15.com")]
        [InlineData("us-westjordan-1", "oc16", "oraclecloud16.com")]
        [InlineData("us-dcc-phoenix-1", "oc17", "oraclecloud17.com")]
        [InlineData("eu-frankfurt-2", "oc19", "oraclecloud.eu")]
        [InlineData("eu-madrid-2", "oc19", "oraclecloud.eu")]
        [InlineData("eu-jovanovac-1", "oc20", "oraclecloud20.com")]
        [InlineData("me-dcc-doha-1", "oc21", "oraclecloud21.com")]
        [InlineData("eu-dcc-rome-1", "oc22", "psn-pco.it")]
        [InlineData("us-somerset-1", "oc23", "oraclecloud23.com")]
        [InlineData("eu-dcc-zurich-1", "oc24", "oraclecloud24.com")]
        [InlineData("ap-dcc-tokyo-1", "oc25", "nricloud.jp")]
        [InlineData("me-abudhabi-3", "oc26", "oraclecloud26.com")]
        [InlineData("me-abudhabi-2", "oc29", "oraclecloud29.com")]
        [InlineData("ap-hobsonville-1", "oc31", "sovereigncloud.nz")]
        [InlineData("ap-seoul-2", "oc35", "oraclecloud35.com")]
        [InlineData("us-ashburn-2", "oc42", "oraclecloud42.com")]
        [InlineData("eu-budapest-1", "oc51", "oraclecloud51.com")]
        [InlineData("sa-riodejaneiro-1", "oc52", "oraclecloud52.com")]
        public void Regions_outside_oc1_resolve_to_their_realm_and_domain(string id, string realm, string domain)
        {
            var region = EmptyCatalog().Resolve(id);

            Assert.Equal(realm, region.Realm.Id);
            Assert.Equal(domain, region.Realm.SecondLevelDomain);
        }

        [Theory]
        [InlineData("US-ASHBURN-1", "us-ashburn-1")]
        [InlineData("Uk-Gov-London-1", "uk-gov-london-1")]
        [InlineData("  eu-frankfurt-1  ", "eu-frankfurt-1")]
        [InlineData("IAD", "us-ashburn-1")]
        [InlineData("\tLhR\n", "uk-london-1")]
        public void Resolution_ignores_case_and_surrounding_white_space(string input, string expectedId)
        {
            Assert.Equal(expectedId, EmptyCatalog().Resolve(input).Id);
        }

        [Fact]
        public void Every_known_region_resolves_by_its_id_and_by_its_short_code()
        {
            var catalog = EmptyCatalog();

            foreach (var region in catalog.KnownRegions)
            {
                Assert.Same(region, catalog.Resolve(region.Id));
                if (region.ShortCode is not null)
                {
                    Assert.Same(region, catalog.Resolve(region.ShortCode));
                }
            }
        }

        [Fact]
        public void Built_in_regions_have_unique_ids_and_short_codes_and_id_shaped_names()
        {
            var regions = EmptyCatalog().KnownRegions;

            Assert.True(regions.Count >= 140, $"only {regions.Count} regions");
            Assert.Equal(regions.Count, regions.Select(r => r.Id).Distinct().Count());
            var codes = regions.Where(r => r.ShortCode is not null).Select(r => r.ShortCode).ToList();
            Assert.Equal(codes.Count, codes.Distinct().Count());
            Assert.All(regions, r => Assert.True(RegionCatalog.IsRegionIdShaped(r.Id), r.Id));
            Assert.All(regions, r => Assert.Equal(r.Id.ToLowerInvariant(), r.Id));
        }

        [Fact]
        public void Built_in_realms_include_every_realm_named_by_the_sdks()
        {
            var realms = EmptyCatalog().KnownRegions.Select(r => r.Realm.Id).Distinct().ToList();

            foreach (var expected in new[]
                     {
                         "oc1", "oc2", "oc3", "oc4", "oc8", "oc9", "oc10", "oc14", "oc15", "oc16", "oc17", "oc19", "oc20",
                         "oc21", "oc22", "oc23", "oc24", "oc26", "oc29", "oc35", "oc42", "oc51", "oc52",
                     })
            {
                Assert.Contains(expected, realms);
            }
        }

        [Theory]
        [InlineData("xx-newcity-1")]
        [InlineData("US-NEWCITY-9")]
        [InlineData("eu-dcc-somewhere-12")]
        public void An_unknown_region_id_is_assumed_to_be_in_oc1(string input)
        {
            var region = EmptyCatalog().Resolve(input);

            Assert.Equal(input.ToLowerInvariant(), region.Id);
            Assert.Null(region.ShortCode);
            Assert.Equal("oc1", region.Realm.Id);
            Assert.Equal("oraclecloud.com", region.Realm.SecondLevelDomain);
        }

        [Theory]
        [InlineData("oraclecloud20.com", "oc20", "oraclecloud20.com")]
        [InlineData("oraclecloud.eu", "oc19", "oraclecloud.eu")]
        [InlineData("\"oraclecloud.eu\"", "oc19", "oraclecloud.eu")]
        [InlineData("  'OracleCloud.EU' ", "oc19", "oraclecloud.eu")]
        [InlineData("oc19", "oc19", "oraclecloud.eu")]
        [InlineData("OC4", "oc4", "oraclegovcloud.uk")]
        public void An_unknown_region_id_takes_the_realm_that_OCI_DEFAULT_REALM_names(string value, string realm, string domain)
        {
            var environment = new FakeProcessEnvironment().SetVariable(RegionCatalog.DefaultRealmVariable, value);

            var region = CatalogWith(environment).Resolve("xx-newcity-1");

            Assert.Equal(realm, region.Realm.Id);
            Assert.Equal(domain, region.Realm.SecondLevelDomain);
        }

        [Fact]
        public void An_OCI_DEFAULT_REALM_domain_no_known_realm_uses_becomes_a_realm_without_a_key()
        {
            var environment = new FakeProcessEnvironment().SetVariable(RegionCatalog.DefaultRealmVariable, "sovereign.example.cloud");

            var region = CatalogWith(environment).Resolve("xx-newcity-1");

            Assert.Null(region.Realm.Id);
            Assert.Equal("sovereign.example.cloud", region.Realm.SecondLevelDomain);
        }

        [Fact]
        public void An_OCI_DEFAULT_REALM_domain_shared_by_two_realms_names_no_realm_key()
        {
            var environment = new FakeProcessEnvironment().SetVariable(RegionCatalog.DefaultRealmVariable, "oraclegovcloud.com");

            var region = CatalogWith(environment).Resolve("us-gov-newcity-1");

            Assert.Null(region.Realm.Id);
            Assert.Equal("oraclegovcloud.com", region.Realm.SecondLevelDomain);
        }

        [Fact]
        public void OCI_DEFAULT_REALM_does_not_move_a_known_region()
        {
            var environment = new FakeProcessEnvironment().SetVariable(RegionCatalog.DefaultRealmVariable, "oraclecloud20.com");

            var region = CatalogWith(environment).Resolve("us-ashburn-1");

            Assert.Equal("oc1", region.Realm.Id);
        }

        [Fact]
        public void OCI_DEFAULT_REALM_can_name_a_realm_added_by_region_metadata()
        {
            var environment = WithRegionsConfig("[" + NewRegionEntry + "]")
                .SetVariable(RegionCatalog.DefaultRealmVariable, "oc99");

            var region = CatalogWith(environment).Resolve("xx-othercity-1");

            Assert.Equal("oc99", region.Realm.Id);
            Assert.Equal("oraclecloud99.com", region.Realm.SecondLevelDomain);
        }

        [Theory]
        [InlineData("oc999")]
        [InlineData("not a domain")]
        [InlineData("oraclecloud")]
        [InlineData("-bad-.com")]
        public void An_OCI_DEFAULT_REALM_that_is_neither_a_known_realm_nor_a_domain_is_reported(string value)
        {
            var environment = new FakeProcessEnvironment().SetVariable(RegionCatalog.DefaultRealmVariable, value);

            var error = Assert.Throws<OciConfigException>(() => CatalogWith(environment).Resolve("xx-newcity-1"));

            Assert.Equal(OciConfigErrorKind.RegionMetadataInvalid, error.Kind);
            Assert.Equal(RegionCatalog.DefaultRealmVariable, error.Setting);
            Assert.Contains(value, error.Message, StringComparison.Ordinal);
            Assert.Contains(RegionCatalog.DefaultRealmVariable, error.RecommendedAction, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("iadd")]
        [InlineData("ashburn")]
        [InlineData("us ashburn 1")]
        [InlineData("us_ashburn_1")]
        [InlineData("us-ashburn-")]
        [InlineData("-us-ashburn-1")]
        [InlineData("us--ashburn-1")]
        [InlineData("us-ashburn-x")]
        [InlineData("1-us-ashburn")]
        [InlineData("us-ashburn-1.oraclecloud.com")]
        [InlineData("https://iaas.us-ashburn-1.oraclecloud.com")]
        [InlineData("us-äshburn-1")]
        [InlineData("ocid1.tenancy.oc1..aaaa")]
        public void A_string_that_is_no_region_is_rejected_with_valid_examples(string input)
        {
            var error = Assert.Throws<OciConfigException>(() => EmptyCatalog().Resolve(input));

            Assert.Equal(OciConfigErrorKind.RegionInvalid, error.Kind);
            Assert.Equal("region", error.Setting);
            Assert.Contains(input, error.Message, StringComparison.Ordinal);
            Assert.Contains("us-ashburn-1", error.RecommendedAction, StringComparison.Ordinal);
            Assert.Contains("iad", error.RecommendedAction, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        public void An_empty_region_is_rejected(string input)
        {
            var error = Assert.Throws<OciConfigException>(() => EmptyCatalog().Resolve(input));

            Assert.Equal(OciConfigErrorKind.RegionInvalid, error.Kind);
            Assert.Contains("us-ashburn-1", error.RecommendedAction, StringComparison.Ordinal);
        }

        [Fact]
        public void A_region_id_that_is_too_long_for_a_host_name_label_is_rejected()
        {
            var input = "xx-" + new string('a', 60) + "-1";

            var error = Assert.Throws<OciConfigException>(() => EmptyCatalog().Resolve(input));

            Assert.Equal(OciConfigErrorKind.RegionInvalid, error.Kind);
        }

        [Fact]
        public void Regions_config_json_adds_a_region_in_a_new_realm()
        {
            var catalog = CatalogWith(WithRegionsConfig("[" + NewRegionEntry + "]"));

            var byId = catalog.Resolve("xx-testcity-1");
            var byKey = catalog.Resolve("zza");

            Assert.Same(byId, byKey);
            Assert.Equal("zza", byId.ShortCode);
            Assert.Equal("oc99", byId.Realm.Id);
            Assert.Equal("oraclecloud99.com", byId.Realm.SecondLevelDomain);
            Assert.Equal("https://iaas.xx-testcity-1.oraclecloud99.com", ServiceEndpoint.ForRegion(byId).GetLeftPart(UriPartial.Authority));
        }

        [Fact]
        public void Regions_config_json_values_are_taken_case_insensitively_and_trimmed()
        {
            var catalog = CatalogWith(WithRegionsConfig(
                "[{\"realmKey\":\" OC99 \",\"realmDomainComponent\":\"OracleCloud99.COM\",\"regionKey\":\"Zzb\",\"regionIdentifier\":\"XX-Second-1\"}]"));

            var region = catalog.Resolve("ZZB");

            Assert.Equal("xx-second-1", region.Id);
            Assert.Equal("oc99", region.Realm.Id);
            Assert.Equal("oraclecloud99.com", region.Realm.SecondLevelDomain);
        }

        [Fact]
        public void OCI_REGION_METADATA_adds_a_region_in_a_new_realm()
        {
            var environment = new FakeProcessEnvironment().SetVariable(RegionCatalog.RegionMetadataVariable, NewRegionEntry);
            var catalog = CatalogWith(environment);

            var region = catalog.Resolve("XX-TESTCITY-1");

            Assert.Same(region, catalog.Resolve("ZZA"));
            Assert.Equal("oc99", region.Realm.Id);
            Assert.Equal("oraclecloud99.com", region.Realm.SecondLevelDomain);
        }

        [Fact]
        public void Known_regions_list_the_built_in_ones_then_the_file_then_the_variable()
        {
            var environment = WithRegionsConfig("[" + NewRegionEntry + "]")
                .SetVariable(
                    RegionCatalog.RegionMetadataVariable,
                    "{\"realmKey\":\"oc98\",\"realmDomainComponent\":\"oraclecloud98.com\",\"regionKey\":\"ZZC\",\"regionIdentifier\":\"xx-fromvariable-1\"}");
            var catalog = CatalogWith(environment);
            var builtInCount = EmptyCatalog().KnownRegions.Count;

            var ids = catalog.KnownRegions.Select(r => r.Id).ToList();

            Assert.Equal(builtInCount + 2, ids.Count);
            Assert.Equal("xx-testcity-1", ids[builtInCount]);
            Assert.Equal("xx-fromvariable-1", ids[builtInCount + 1]);
            Assert.Equal("oraclecloud98.com", catalog.Resolve("zzc").Realm.SecondLevelDomain);
        }

        [Fact]
        public void The_file_wins_over_the_variable_for_the_same_region()
        {
            var environment = WithRegionsConfig("[" + NewRegionEntry + "]")
                .SetVariable(
                    RegionCatalog.RegionMetadataVariable,
                    "{\"realmKey\":\"oc98\",\"realmDomainComponent\":\"oraclecloud98.com\",\"regionKey\":\"ZZA\",\"regionIdentifier\":\"xx-testcity-1\"}");

            var region = CatalogWith(environment).Resolve("xx-testcity-1");

            Assert.Equal("oc99", region.Realm.Id);
        }

        [Fact]
        public void Region_metadata_cannot_move_a_built_in_region()
        {
            var environment = WithRegionsConfig(
                "[{\"realmKey\":\"oc99\",\"realmDomainComponent\":\"oraclecloud99.com\",\"regionKey\":\"IAD\",\"regionIdentifier\":\"us-ashburn-1\"}]");
            var catalog = CatalogWith(environment);

            Assert.Equal("oc1", catalog.Resolve("us-ashburn-1").Realm.Id);
            Assert.Equal(EmptyCatalog().KnownRegions.Count, catalog.KnownRegions.Count);
        }

        [Fact]
        public void Region_metadata_in_a_known_realm_shares_that_realm()
        {
            var environment = WithRegionsConfig(
                "[{\"realmKey\":\"oc4\",\"realmDomainComponent\":\"oraclegovcloud.uk\",\"regionKey\":\"ZZD\",\"regionIdentifier\":\"uk-gov-newcity-1\"}]");

            var region = CatalogWith(environment).Resolve("uk-gov-newcity-1");

            Assert.Equal(EmptyCatalog().Resolve("uk-gov-london-1").Realm, region.Realm);
        }

        [Fact]
        public void A_known_realm_given_another_domain_is_reported()
        {
            var environment = WithRegionsConfig(
                "[{\"realmKey\":\"oc1\",\"realmDomainComponent\":\"example.com\",\"regionKey\":\"ZZE\",\"regionIdentifier\":\"xx-newcity-1\"}]");

            var error = Assert.Throws<OciConfigException>(() => CatalogWith(environment).Resolve("xx-newcity-1"));

            Assert.Equal(OciConfigErrorKind.RegionMetadataInvalid, error.Kind);
            Assert.Contains("oraclecloud.com", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_new_region_given_a_key_another_region_holds_is_reported()
        {
            var environment = WithRegionsConfig(
                "[{\"realmKey\":\"oc99\",\"realmDomainComponent\":\"oraclecloud99.com\",\"regionKey\":\"IAD\",\"regionIdentifier\":\"xx-newcity-1\"}]");

            var error = Assert.Throws<OciConfigException>(() => CatalogWith(environment).Resolve("xx-newcity-1"));

            Assert.Equal(OciConfigErrorKind.RegionMetadataInvalid, error.Kind);
            Assert.Contains("us-ashburn-1", error.Message, StringComparison.Ordinal);
        }

        public static IEnumerable<object[]> MalformedRegionsConfigs() => new[]
        {
            new object[] { "not json" },
            new object[] { "{\"realmKey\":\"oc99\"}" },
            new object[] { "[1]" },
            new object[] { "[" + NewRegionEntry + "," },
            new object[] { "[{\"realmKey\":\"oc99\",\"realmDomainComponent\":\"oraclecloud99.com\",\"regionKey\":\"ZZA\"}]" },
            new object[] { "[{\"realmKey\":\"oc99\",\"realmDomainComponent\":\"oraclecloud99.com\",\"regionKey\":\"ZZA\",\"regionIdentifier\":\"\"}]" },
            new object[] { "[{\"realmKey\":99,\"realmDomainComponent\":\"oraclecloud99.com\",\"regionKey\":\"ZZA\",\"regionIdentifier\":\"xx-testcity-1\"}]" },
            new object[] { "[{\"realmKey\":\"oc99\",\"realmDomainComponent\":\"oraclecloud99.com\",\"regionKey\":\"ZZA\",\"regionIdentifier\":\"not a region\"}]" },
            new object[] { "[{\"realmKey\":\"oc99\",\"realmDomainComponent\":\"https://oraclecloud99.com/\",\"regionKey\":\"ZZA\",\"regionIdentifier\":\"xx-testcity-1\"}]" },
            new object[] { "[{\"realmKey\":\"oc 99\",\"realmDomainComponent\":\"oraclecloud99.com\",\"regionKey\":\"ZZA\",\"regionIdentifier\":\"xx-testcity-1\"}]" },
            new object[] { "[{\"realmKey\":\"oc99\",\"realmDomainComponent\":\"oraclecloud99.com\",\"regionKey\":\"Z-Z\",\"regionIdentifier\":\"xx-testcity-1\"}]" },
        };

        [Theory]
        [MemberData(nameof(MalformedRegionsConfigs))]
        public void A_malformed_regions_config_json_is_reported_with_its_path(string json)
        {
            var environment = WithRegionsConfig(json);
            var path = RegionsConfigPath(environment);

            var error = Assert.Throws<OciConfigException>(() => CatalogWith(environment).Resolve("xx-testcity-1"));

            Assert.Equal(OciConfigErrorKind.RegionMetadataInvalid, error.Kind);
            Assert.Equal(path, error.ConfigFile);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("regionIdentifier", error.RecommendedAction, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("not json")]
        [InlineData("[" + NewRegionEntry + "]")]
        [InlineData("{\"realmKey\":\"oc99\"}")]
        [InlineData("{\"realmKey\":\"oc99\",\"realmDomainComponent\":\"oraclecloud99.com\",\"regionKey\":\"ZZA\",\"regionIdentifier\":\"bad_region\"}")]
        public void A_malformed_OCI_REGION_METADATA_is_reported_by_name(string value)
        {
            var environment = new FakeProcessEnvironment().SetVariable(RegionCatalog.RegionMetadataVariable, value);

            var error = Assert.Throws<OciConfigException>(() => CatalogWith(environment).Resolve("xx-testcity-1"));

            Assert.Equal(OciConfigErrorKind.RegionMetadataInvalid, error.Kind);
            Assert.Equal(RegionCatalog.RegionMetadataVariable, error.Setting);
            Assert.Contains(RegionCatalog.RegionMetadataVariable, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unreadable_regions_config_json_is_reported_with_the_cause()
        {
            var environment = new FakeProcessEnvironment();
            var path = RegionsConfigPath(environment);
            var cause = new UnauthorizedAccessException("Access to the path is denied.");
            environment.AddUnreadableFile(path, cause);

            var error = Assert.Throws<OciConfigException>(() => CatalogWith(environment).Resolve("xx-testcity-1"));

            Assert.Equal(OciConfigErrorKind.RegionMetadataInvalid, error.Kind);
            Assert.Equal(path, error.ConfigFile);
            Assert.Same(cause, error.InnerException);
        }

        [Fact]
        public void A_blank_regions_config_json_adds_nothing()
        {
            var region = CatalogWith(WithRegionsConfig("  \n")).Resolve("xx-testcity-1");

            Assert.Equal("oc1", region.Realm.Id);
        }

        [Fact]
        public void Constructing_a_catalog_reads_nothing()
        {
            var environment = WithRegionsConfig("not json");

            _ = CatalogWith(environment);

            Assert.Empty(environment.FilesRead);
            Assert.Empty(environment.VariablesRead);
        }

        [Fact]
        public void A_built_in_region_resolves_without_reading_region_metadata()
        {
            var environment = WithRegionsConfig("not json").SetVariable(RegionCatalog.RegionMetadataVariable, "not json");
            var catalog = CatalogWith(environment);

            Assert.Equal("us-ashburn-1", catalog.Resolve("iad").Id);
            Assert.Equal("uk-gov-london-1", catalog.Resolve("uk-gov-london-1").Id);
            Assert.Empty(environment.FilesRead);
            Assert.Empty(environment.VariablesRead);
        }

        [Fact]
        public void Region_metadata_is_read_once_per_catalog()
        {
            var environment = WithRegionsConfig("[" + NewRegionEntry + "]");
            var catalog = CatalogWith(environment);

            catalog.Resolve("xx-testcity-1");
            catalog.Resolve("xx-othercity-1");
            _ = catalog.KnownRegions;

            Assert.Single(environment.FilesRead);
            Assert.Single(environment.VariablesRead, RegionCatalog.RegionMetadataVariable);
        }

        [Fact]
        public void Concurrent_first_lookups_read_region_metadata_once_and_agree()
        {
            var environment = WithRegionsConfig("[" + NewRegionEntry + "]");
            var catalog = CatalogWith(environment);
            var results = new Region[64];

            Parallel.For(0, results.Length, i => results[i] = catalog.Resolve(i % 2 == 0 ? "xx-testcity-1" : "zza"));

            Assert.Single(environment.FilesRead);
            Assert.All(results, r => Assert.Same(results[0], r));
        }

        [Fact]
        public void A_catalog_needs_an_environment()
        {
            Assert.Throws<ArgumentNullException>(() => new RegionCatalog(null!));
        }

        [Fact]
        public void The_regions_config_path_is_under_the_home_directory()
        {
            var environment = new FakeProcessEnvironment("/home/alice");

            Assert.Equal(Path.Combine("/home/alice", ".oci", "regions-config.json"), CatalogWith(environment).RegionsConfigPath);
        }
    }
}

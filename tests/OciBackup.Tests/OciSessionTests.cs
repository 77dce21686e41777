using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
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

        [Fact]
        public async Task One_session_reads_every_region_of_its_realm_over_one_handler_and_each_object_says_its_region()
        {
            var handler = new CapturingHandler(request => CapturingHandler.Json(System.Net.HttpStatusCode.OK,
                request.Uri.AbsolutePath.EndsWith("availabilityDomains", StringComparison.Ordinal) ? "[]" : @"{""id"":""ocid1.volume.oc1.phx.v"",""lifecycleState"":""AVAILABLE""}"));
            using var session = OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()), Handler = handler });
            IRegionalClients regions = session;

            var home = await regions.Blockstorage(null).GetVolumeAsync("ocid1.volume.oc1.iad.v", default);
            var phoenix = await regions.Blockstorage("phx").GetVolumeAsync("ocid1.volume.oc1.phx.v", default);
            await regions.Identity("eu-frankfurt-1").ListAvailabilityDomainsAsync(TestConfigs.Tenancy, default);

            Assert.Equal(new[] { "iaas.us-ashburn-1.oraclecloud.com", "iaas.us-phoenix-1.oraclecloud.com", "identity.eu-frankfurt-1.oci.oraclecloud.com" }, handler.Requests.Select(r => r.Uri.Host));
            Assert.Equal(("us-ashburn-1", "us-phoenix-1"), (home.Value.Region, phoenix.Value.Region));
            Assert.Same(regions.Blockstorage("us-phoenix-1"), regions.Blockstorage("PHX"));
            Assert.Same(session.Blockstorage, regions.Blockstorage("us-ashburn-1"));
            Assert.All(handler.Requests, r => Assert.StartsWith("Signature version=\"1\"", r.Header("Authorization")));
        }

        [Fact]
        public async Task A_session_given_an_endpoint_per_region_sends_each_regions_calls_there_and_refuses_the_others()
        {
            var handler = new CapturingHandler(_ => CapturingHandler.Json(System.Net.HttpStatusCode.OK, "[]"));
            using var session = OciSession.Create(new OciSessionOptions
            {
                Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()),
                Handler = handler,
                Endpoints = new Dictionary<string, string> { ["us-ashburn-1"] = "http://127.0.0.1:8001", ["us-phoenix-1"] = "http://127.0.0.1:8002" },
            });
            IRegionalClients regions = session;

            await regions.Blockstorage("us-phoenix-1").ListAllVolumesAsync(new VolumeFilter("c"), default);
            await regions.Identity("us-phoenix-1").ListAvailabilityDomainsAsync("c", default);
            await session.Blockstorage.ListAllVolumesAsync(new VolumeFilter("c"), default);
            var unmapped = Assert.Throws<OciConfigException>(() => regions.Blockstorage("eu-frankfurt-1"));

            Assert.Equal(("us-ashburn-1", new Uri("http://127.0.0.1:8001")), (session.Region, session.Endpoint));
            Assert.Equal(new[] { "127.0.0.1:8002", "127.0.0.1:8002", "127.0.0.1:8001" }, handler.Requests.Select(r => r.Uri.Authority));
            Assert.Equal(OciConfigErrorKind.EndpointInvalid, unmapped.Kind);
            Assert.Contains("its endpoint map names us-ashburn-1, us-phoenix-1", unmapped.Message);
        }

        [Theory]
        [InlineData(AuthenticationKind.InstancePrincipal)]
        [InlineData(AuthenticationKind.ResourcePrincipal)]
        [InlineData(AuthenticationKind.DelegationToken)]
        [InlineData(AuthenticationKind.SessionToken)]
        public async Task Signed_in_as_the_emulators_identity_with_its_endpoint_map_a_session_reaches_every_region_it_serves(AuthenticationKind kind)
        {
            // The identity side plays its instance, function, Cloud Shell and session in the home region; the tokens name no region.
            await using var emulator = await IdentityEmulator.StartAsync(o => o.AdditionalRegions.Add("us-phoenix-1"));
            var environment = emulator.InstanceEnvironment();
            var options = emulator.Options(environment);
            switch (kind)
            {
                case AuthenticationKind.ResourcePrincipal:
                    environment.Set(emulator.Identity.ResourcePrincipalVariables!);
                    break;
                case AuthenticationKind.DelegationToken:
                    environment.Set(emulator.Identity.CloudShellVariables!);
                    break;
                case AuthenticationKind.SessionToken:
                    options.ConfigFile = emulator.Identity.SessionTokenConfigFile;
                    break;
            }

            options.AuthType = kind == AuthenticationKind.SessionToken ? null : kind.ToString();
            options.Endpoint = null;
            options.Endpoints = emulator.Host.Endpoints.ToDictionary(e => e.Key, e => e.Value.ToString());
            using var session = OciSession.Create(options);
            IRegionalClients regions = session;
            var phoenixVolume = emulator.Host.CompartmentsIn("us-phoenix-1")[0].VolumeIds[^1];

            var backup = (await regions.Blockstorage(session.Clients.Endpoints.RegionOf(phoenixVolume))
                .CreateVolumeBackupAsync(new CreateVolumeBackupDetails(phoenixVolume), "across-regions", default)).Value;
            var domains = await regions.Identity("us-phoenix-1").ListAvailabilityDomainsAsync(emulator.CompartmentId, default);
            var homeVolumes = await session.Blockstorage.ListAllVolumesAsync(new VolumeFilter(emulator.CompartmentId), default);

            Assert.Equal(kind, session.AuthenticationKind);
            Assert.Equal(("us-ashburn-1", emulator.Host.Endpoints["us-ashburn-1"]), (session.Region, session.Endpoint));
            Assert.StartsWith("ocid1.volumebackup.oc1.us-phoenix-1.", backup.Id, StringComparison.Ordinal);
            Assert.Equal("us-phoenix-1", backup.Region);
            Assert.NotEmpty(domains);
            Assert.All(domains, d => Assert.StartsWith("Uocm:PHX-AD-", d.Name, StringComparison.Ordinal));
            Assert.NotEmpty(homeVolumes);
            Assert.All(homeVolumes, v => Assert.Equal("us-ashburn-1", v.Region));
            Assert.Equal(0, emulator.Host.Statistics.AuthenticationFailures);
        }

        [Fact]
        public void An_endpoint_and_an_endpoint_map_together_are_refused_before_anything_is_read_of_the_key()
        {
            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions
            {
                Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()),
                Endpoint = "http://127.0.0.1:8001",
                Endpoints = new Dictionary<string, string> { ["us-ashburn-1"] = "http://127.0.0.1:8001" },
            }));

            Assert.Equal(OciConfigErrorKind.EndpointInvalid, error.Kind);
        }

        [Fact]
        public void The_clients_of_other_regions_share_the_sessions_connections_and_end_with_it()
        {
            var handler = new DisposalRecordingHandler();
            var session = OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()), Handler = handler });
            var phoenix = session.Http.WithEndpoint(new Uri("https://iaas.us-phoenix-1.oraclecloud.com"));

            phoenix.Dispose();
            Assert.False(handler.Disposed);
            session.Dispose();

            Assert.True(handler.Disposed);
        }

        private sealed class DisposalRecordingHandler : System.Net.Http.HttpMessageHandler
        {
            public bool Disposed { get; private set; }

            protected override System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) =>
                throw new InvalidOperationException("Nothing is sent here.");

            protected override void Dispose(bool disposing)
            {
                Disposed = true;
                base.Dispose(disposing);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using Xunit;

namespace OciBackup.Tests.Auth
{
    /// <summary>Instance principals end to end against the emulated metadata service and federation endpoint, on a clock the test moves.</summary>
    public class InstancePrincipalTests
    {
        [Fact]
        public async Task A_session_signs_with_a_token_the_federation_endpoint_issued_for_the_instance()
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            using var session = OciSession.Create(emulator.Options(emulator.InstanceEnvironment(), "InstancePrincipal"));

            var volumes = await emulator.ListVolumesAsync(session);

            Assert.NotEmpty(volumes.Value);
            Assert.Equal(AuthenticationKind.InstancePrincipal, session.AuthenticationKind);
            Assert.Equal(emulator.Identity.TenancyId, session.TenancyId);
            Assert.Null(session.UserId);
            Assert.Null(session.Profile);
            Assert.Equal("us-ashburn-1", session.Region);
            Assert.Equal(new Uri("http://" + new Uri(emulator.Endpoint).Authority), session.Endpoint);
            Assert.Equal(1, emulator.Identity.Statistics.TokensIssued);
            Assert.Equal(new[] { "identity/cert.pem", "identity/intermediate.pem", "identity/key.pem", "instance/region" }, emulator.Identity.Statistics.MetadataRequestsByPath.Keys);
            Assert.Equal(1, emulator.Host.Statistics.AuthenticatedRequests);
            Assert.Equal(0, emulator.Host.Statistics.AuthenticationFailures);
        }

        [Fact]
        public async Task The_instances_region_names_the_endpoints_unless_Region_names_another()
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            var environment = emulator.InstanceEnvironment();
            environment.Variables.Remove("OCI_CLI_FEDERATION_ENDPOINT");
            var options = emulator.Options(environment, "InstancePrincipal");
            options.Endpoint = null;
            options.Region = "fra";

            // The federation endpoint of the instance's region is not reachable from here: its URL is what is checked.
            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(options));

            Assert.Equal(OciConfigErrorKind.FederationFailed, error.Kind);
            Assert.Contains("https://auth.us-ashburn-1.oraclecloud.com/v1/x509", error.Message);
        }

        [Fact]
        public async Task The_token_is_renewed_before_it_expires_with_a_new_session_key()
        {
            await using var emulator = await IdentityEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(10));
            using var session = OciSession.Create(emulator.Options(emulator.InstanceEnvironment(), "InstancePrincipal"));
            var firstKey = session.Fingerprint;

            emulator.Advance(TimeSpan.FromMinutes(8.5));
            await emulator.ListVolumesAsync(session);
            Assert.Equal(1, emulator.Identity.Statistics.TokensIssued);

            // Within the last minute of the token's life: renewed before any request can be refused.
            emulator.Advance(TimeSpan.FromMinutes(1));
            await emulator.ListVolumesAsync(session);

            Assert.Equal(2, emulator.Identity.Statistics.TokensIssued);
            Assert.NotEqual(firstKey, session.Fingerprint);
            Assert.Equal(0, emulator.Host.Statistics.AuthenticationFailures);
        }

        [Fact]
        public async Task Concurrent_requests_at_renewal_time_renew_the_token_once()
        {
            await using var emulator = await IdentityEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(10));
            using var session = OciSession.Create(emulator.Options(emulator.InstanceEnvironment(), "InstancePrincipal"));
            emulator.Advance(TimeSpan.FromMinutes(9.5));

            await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => emulator.ListVolumesAsync(session))));

            Assert.Equal(2, emulator.Identity.Statistics.TokensIssued);
            Assert.Equal(2, emulator.Identity.Statistics.FederationRequests);
            Assert.Equal(40, emulator.Host.Statistics.AuthenticatedRequests);
        }

        [Fact]
        public async Task A_token_the_service_finds_expired_is_renewed_once_and_the_request_sent_again()
        {
            await using var emulator = await IdentityEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(10));
            using var session = OciSession.Create(emulator.Options(emulator.InstanceEnvironment(), "InstancePrincipal"));

            // The service's clock runs 250 s ahead (within the signature's 5 minutes): it sees the token expire first.
            emulator.Host.Faults = emulator.Host.Faults with { ClockSkewSeconds = 250 };
            emulator.Advance(TimeSpan.FromMinutes(8.5));
            var volumes = await emulator.ListVolumesAsync(session);

            Assert.NotEmpty(volumes.Value);
            Assert.Equal(1, emulator.Host.Statistics.AuthenticationFailuresByReason["ExpiredSessionToken"]);
            Assert.Equal(2, emulator.Identity.Statistics.TokensIssued);
            Assert.Equal(1, emulator.Host.Statistics.AuthenticatedRequests);
        }

        [Fact]
        public async Task A_rotated_leaf_certificate_is_fetched_again_for_the_next_token()
        {
            await using var emulator = await IdentityEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(10));
            using var session = OciSession.Create(emulator.Options(emulator.InstanceEnvironment(), "InstancePrincipal"));

            Assert.Equal(2, emulator.Identity.RotateLeaf());
            emulator.Advance(TimeSpan.FromMinutes(9.5));
            await emulator.ListVolumesAsync(session);

            Assert.Equal(new Dictionary<int, long> { [1] = 1, [2] = 1 }, emulator.Identity.Statistics.TokensIssuedByLeafGeneration);
            Assert.Empty(emulator.Identity.Statistics.FederationRefusals);
        }

        [Fact]
        public async Task A_leaf_rotated_between_the_metadata_read_and_the_federation_call_is_read_again_once()
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            var rotated = 0;
            var options = emulator.Options(emulator.InstanceEnvironment(), "InstancePrincipal");
            options.TokenServiceHandler = () => new AfterResponse(new HttpClientHandler { UseProxy = false }, request =>
            {
                if (request.RequestUri!.AbsolutePath.EndsWith("/identity/intermediate.pem", StringComparison.Ordinal) && Interlocked.Exchange(ref rotated, 1) == 0)
                {
                    emulator.Identity.RotateLeaf();
                }
            });

            using var session = OciSession.Create(options);

            Assert.Equal(1, emulator.Identity.Statistics.FederationRefusals["SupersededCertificate"]);
            Assert.Equal(new Dictionary<int, long> { [2] = 1 }, emulator.Identity.Statistics.TokensIssuedByLeafGeneration);
            Assert.NotEmpty((await emulator.ListVolumesAsync(session)).Value);
        }

        [Fact]
        public async Task Federation_faults_are_retried_with_the_sessions_retry_policy()
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            var options = emulator.Options(emulator.InstanceEnvironment(), "InstancePrincipal");
            options.Timeout = TimeSpan.FromSeconds(2);
            var attempts = 0;

            // The first attempt meets a 500, the second a cut connection, the third no answer (the client times out), the rest none.
            options.TokenServiceHandler = () => new BeforeRequest(new HttpClientHandler { UseProxy = false }, request =>
            {
                if (request.RequestUri!.AbsolutePath == "/v1/x509")
                {
                    emulator.Identity.FederationFaults = Interlocked.Increment(ref attempts) switch
                    {
                        1 => new OciBackup.Emulator.Identity.FederationFaultSettings { ServerErrorShare = 1 },
                        2 => new OciBackup.Emulator.Identity.FederationFaultSettings { DropShare = 1 },
                        3 => new OciBackup.Emulator.Identity.FederationFaultSettings { SlowShare = 1, SlowSeconds = 600 },
                        _ => new OciBackup.Emulator.Identity.FederationFaultSettings(),
                    };
                }
            });

            using var session = OciSession.Create(options);

            var statistics = emulator.Identity.Statistics;
            Assert.Equal(new Dictionary<string, long> { ["drop"] = 1, ["serverError"] = 1, ["slow"] = 1 }, statistics.FederationFaults);
            Assert.Equal(1, statistics.TokensIssued);
            Assert.Equal(statistics.FederationRequests - 1, emulator.Delay.Delays.Count);
            Assert.NotEmpty((await emulator.ListVolumesAsync(session)).Value);
        }

        [Fact]
        public async Task A_federation_endpoint_that_keeps_failing_is_a_clear_error_after_the_retries()
        {
            await using var emulator = await IdentityEmulator.StartAsync(configure: o => o.Identity.FederationFaults = new OciBackup.Emulator.Identity.FederationFaultSettings { ServerErrorShare = 1 });
            var options = emulator.Options(emulator.InstanceEnvironment(), "InstancePrincipal");
            options.RetryPolicy = RetryPolicy.Default.WithLimits(3, TimeSpan.FromMinutes(10));

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(options));

            Assert.Equal(OciConfigErrorKind.FederationFailed, error.Kind);
            Assert.Contains("500 InternalServerError", error.Message);
            Assert.Contains("gave up after 3 attempts", error.Message);
            Assert.Equal(3, emulator.Identity.Statistics.FederationRequests);
            Assert.Equal(0, emulator.Host.Statistics.Requests);
        }

        [Fact]
        public void No_metadata_service_is_a_clear_error_before_any_request()
        {
            var environment = new FakeProcessEnvironment().SetVariable("OCI_METADATA_BASE_URL", "http://127.0.0.1:9/opc/v2/");
            var delay = new RecordingDelay();

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = environment, AuthType = "InstancePrincipal", Delay = delay }));

            Assert.Equal(OciConfigErrorKind.InstanceMetadataUnavailable, error.Kind);
            Assert.Contains("http://127.0.0.1:9/opc/v2/instance/region", error.Message);
            Assert.Contains("OCI compute instance", error.Message);
            Assert.Equal(InstanceMetadataClient.DefaultRetryPolicy.MaxAttempts - 1, delay.Delays.Count);
        }

        [Theory]
        [InlineData("ftp://127.0.0.1/opc/v2")]
        [InlineData("not a url")]
        public void A_metadata_address_that_is_not_http_is_refused_before_any_request(string value)
        {
            var environment = new FakeProcessEnvironment().SetVariable("OCI_METADATA_BASE_URL", value);

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = environment, AuthType = "InstancePrincipal" }));

            Assert.Equal(OciConfigErrorKind.InvalidSetting, error.Kind);
            Assert.Equal("OCI_METADATA_BASE_URL", error.Setting);
        }

        [Theory]
        [InlineData("http://auth.example.com", "loopback")]
        [InlineData("https://auth.example.com/v1/x509?x=1", "query")]
        public void A_federation_endpoint_that_is_not_acceptable_is_refused_before_any_request(string value, string reason)
        {
            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions
            {
                Environment = new FakeProcessEnvironment().SetVariable("OCI_METADATA_BASE_URL", "http://127.0.0.1:9/opc/v2/"),
                AuthType = "InstancePrincipal",
                FederationEndpoint = value,
            }));

            Assert.Equal(OciConfigErrorKind.EndpointInvalid, error.Kind);
            Assert.Equal("-FederationEndpoint", error.Setting);
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public void A_federation_endpoint_without_a_path_gets_the_token_path()
        {
            Assert.Equal(new Uri("http://127.0.0.1:4567/v1/x509"), ServiceEndpoint.ParseFederationOverride("http://127.0.0.1:4567", "-FederationEndpoint"));
            Assert.Equal(new Uri("https://auth.eu-frankfurt-1.oraclecloud.com/v1/x509"), ServiceEndpoint.ParseFederationOverride("https://auth.eu-frankfurt-1.oraclecloud.com/", "x"));
            Assert.Equal(new Uri("https://auth.example.com/custom/x509"), ServiceEndpoint.ParseFederationOverride("https://auth.example.com/custom/x509", "x"));
        }

        /// <summary>Runs an action before each request goes to the inner handler (to set the emulator's faults for it).</summary>
        private sealed class BeforeRequest : DelegatingHandler
        {
            private readonly Action<HttpRequestMessage> _before;

            public BeforeRequest(HttpMessageHandler inner, Action<HttpRequestMessage> before)
                : base(inner)
            {
                _before = before;
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                _before(request);
                return base.SendAsync(request, cancellationToken);
            }
        }

        /// <summary>Runs an action after each response of the inner handler (to change the emulator at an exact moment).</summary>
        private sealed class AfterResponse : DelegatingHandler
        {
            private readonly Action<HttpRequestMessage> _after;

            public AfterResponse(HttpMessageHandler inner, Action<HttpRequestMessage> after)
                : base(inner)
            {
                _after = after;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                _after(request);
                return response;
            }
        }
    }
}

using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Http
{
    public class OciHttpClientTests
    {
        private static OciHttpClient Client(Uri endpoint, TimeSpan? timeout = null, FakeProcessEnvironment? environment = null, string? host = null) =>
            new OciHttpClient(new OciHttpClientOptions(endpoint, SigningVectors.LoadProvider("rsa2048-pkcs1"))
            {
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
                Environment = environment ?? new FakeProcessEnvironment(),
                HostDescription = host,
                // These tests are about what one attempt maps to; OciHttpClientRetryTests covers the retries.
                RetryPolicy = RetryPolicy.None,
            });

        [Fact]
        public async Task Sequential_calls_reuse_one_connection()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(ServerReply.Json(200, "{\"id\":\"ocid1.volume.oc1..v\"}")));
            using var client = Client(server.BaseAddress);

            for (var i = 0; i < 10; i++)
            {
                await client.SendAsync(BlockstorageRequests.GetVolume("ocid1.volume.oc1..v"), default);
            }

            Assert.Equal(10, server.Requests.Count);
            Assert.Equal(1, server.Connections);
        }

        [Fact]
        public async Task The_host_header_is_sent_without_the_port_as_signed()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(ServerReply.Json(200, "{}")));
            using var client = Client(server.BaseAddress);

            await client.SendAsync(BlockstorageRequests.GetVolume("v"), default);

            var request = server.Requests.Single();
            Assert.Equal("127.0.0.1", request.Header("Host"));
            Assert.Equal("GET /20160918/volumes/v HTTP/1.1", request.RequestLine);
            Assert.StartsWith("Signature version=\"1\",headers=\"date (request-target) host\"", request.Header("Authorization"));
        }

        [Fact]
        public async Task An_oci_error_becomes_a_typed_exception_with_status_code_message_and_request_id()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(ServerReply.Json(404,
                "{\"code\":\"NotAuthorizedOrNotFound\",\"message\":\"Volume ocid1.volume.oc1..x not found\"}", ("opc-request-id", "REQ/123"))));
            using var client = Client(server.BaseAddress);

            var error = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(BlockstorageRequests.GetVolume("ocid1.volume.oc1..x"), default));

            Assert.Equal(404, error.StatusCode);
            Assert.Equal("NotAuthorizedOrNotFound", error.Code);
            Assert.Equal("Volume ocid1.volume.oc1..x not found", error.ServiceMessage);
            Assert.Equal("REQ/123", error.OpcRequestId);
            Assert.Equal("GET", error.Method);
            Assert.Equal("/20160918/volumes/ocid1.volume.oc1..x", error.Path);
            Assert.Equal("GET /20160918/volumes/ocid1.volume.oc1..x failed with 404 NotAuthorizedOrNotFound: Volume ocid1.volume.oc1..x not found (opc-request-id: REQ/123)", error.Message);
        }

        [Fact]
        public async Task A_body_that_is_not_json_still_gives_a_readable_error()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(new ServerReply
            {
                Status = 502, Reason = "Bad Gateway", ContentType = "text/html",
                Body = "<html><body>\n<h1>502 Bad Gateway</h1>\n</body></html>",
            }));
            using var client = Client(server.BaseAddress);

            var error = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default));

            Assert.Equal(502, error.StatusCode);
            Assert.Null(error.Code);
            Assert.Contains("<h1>502 Bad Gateway</h1>", error.ServiceMessage);
            Assert.Contains("HTTP 502", error.Message);
        }

        [Fact]
        public async Task An_empty_error_body_reports_the_reason_phrase()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(new ServerReply { Status = 503, Reason = "Service Unavailable", Body = string.Empty }));
            using var client = Client(server.BaseAddress);

            var error = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default));

            Assert.Equal("Service Unavailable (no response body)", error.ServiceMessage);
        }

        [Fact]
        public async Task Retry_after_is_carried_on_the_exception()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(ServerReply.Json(429, "{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}", ("Retry-After", "7"))));
            using var client = Client(server.BaseAddress);

            var error = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default));

            Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        }

        [Fact]
        public async Task No_answer_within_the_timeout_is_a_timeout()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(new ServerReply { Delay = TimeSpan.FromSeconds(30) }));
            using var client = Client(server.BaseAddress, TimeSpan.FromMilliseconds(300));

            var error = await Assert.ThrowsAsync<OciTransportException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default));

            Assert.Equal(OciTransportErrorKind.Timeout, error.Kind);
            Assert.Contains("0.3 s", error.Message);
        }

        [Fact]
        public async Task A_cut_connection_is_a_connection_failure()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(new ServerReply { DropConnection = true }));
            using var client = Client(server.BaseAddress);

            var error = await Assert.ThrowsAsync<OciTransportException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default));

            Assert.Equal(OciTransportErrorKind.ConnectionFailed, error.Kind);
            Assert.Contains("GET /20160918/volumes/v", error.Message);
        }

        [Fact]
        public async Task A_refused_connection_is_a_connection_failure()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            using var client = Client(new Uri($"http://127.0.0.1:{port}"));

            var error = await Assert.ThrowsAsync<OciTransportException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default));

            Assert.Equal(OciTransportErrorKind.ConnectionFailed, error.Kind);
        }

        [Fact]
        public async Task Cancellation_by_the_caller_is_not_reported_as_a_timeout()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(new ServerReply { Delay = TimeSpan.FromSeconds(30) }));
            using var client = Client(server.BaseAddress, TimeSpan.FromSeconds(20));
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), cancel.Token));
        }

        [Fact]
        public async Task The_user_agent_names_the_module_version_host_and_os()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(ServerReply.Json(200, "{}")));
            using var client = Client(server.BaseAddress, host: "PowerShell/7.6.9 (Core)");

            await client.SendAsync(BlockstorageRequests.GetVolume("v"), default);

            var agent = server.Requests.Single().Header("User-Agent")!;
            Assert.StartsWith("OciBackup/" + UserAgent.ModuleVersion + " PowerShell/7.6.9 (Core) (", agent);
            Assert.Contains(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, agent);
            Assert.Matches(@"^OciBackup/\d+\.\d+\.\d+", agent);
        }

        [Fact]
        public async Task Requests_go_through_the_proxy_the_environment_names()
        {
            await using var proxy = new LoopbackHttpServer(_ => Task.FromResult(ServerReply.Json(200, "{\"id\":\"v\"}")));
            var environment = new FakeProcessEnvironment().SetVariable("HTTP_PROXY", proxy.BaseAddress.ToString());
            using var client = Client(new Uri("http://iaas.proxied.invalid"), environment: environment);

            var result = await client.SendAsync<Volume>(BlockstorageRequests.GetVolume("v"), default);

            Assert.Equal("v", result.Value.Id);
            Assert.Equal("GET http://iaas.proxied.invalid/20160918/volumes/v HTTP/1.1", proxy.Requests.Single().RequestLine);
        }

        [Fact]
        public async Task Typed_calls_parse_the_body_and_keep_the_response_headers()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(ServerReply.Json(200,
                "[{\"id\":\"b1\",\"lifecycleState\":\"AVAILABLE\"},{\"id\":\"b2\",\"lifecycleState\":\"CREATING\"}]", ("opc-next-page", "AAA+/="), ("etag", "e1"))));
            using var client = Client(server.BaseAddress);

            var result = await client.SendAsync<System.Collections.Generic.List<VolumeBackup>>(BlockstorageRequests.ListVolumeBackups("c"), default);

            Assert.Equal(new[] { "b1", "b2" }, result.Value.Select(b => b.Id));
            Assert.Equal("AAA+/=", result.Response.NextPage);
            Assert.Equal("e1", result.Response.ETag);
        }

        [Fact]
        public async Task A_success_body_that_is_not_the_expected_json_is_a_clear_error()
        {
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(new ServerReply { Body = "<html>captive portal</html>", ContentType = "text/html" }));
            using var client = Client(server.BaseAddress);

            var error = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync<VolumeBackup>(BlockstorageRequests.GetVolumeBackup("b"), default));

            Assert.Equal("InvalidResponse", error.Code);
            Assert.Contains("VolumeBackup", error.Message);
        }
    }
}

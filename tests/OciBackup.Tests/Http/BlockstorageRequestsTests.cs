using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Http
{
    /// <summary>
    /// Replays each vector's SDK call through our own request builders, endpoint resolution and
    /// HTTP client, and checks what reaches the wire against what Oracle's .NET SDK sent.
    /// </summary>
    public class BlockstorageRequestsTests
    {
        public static TheoryData<string> VectorNames() => RequestSignerTests.VectorNames();

        [Theory]
        [MemberData(nameof(VectorNames))]
        public async Task Sends_each_vector_call_exactly_as_the_dotnet_sdk(string name)
        {
            var testCase = SigningVectors.Case(name);
            var expected = testCase.GetProperty("expected");
            var call = testCase.GetProperty("sdkCall");
            var handler = new CapturingHandler();
            var provider = SigningVectors.LoadProvider(testCase.GetProperty("key").GetString()!);
            var options = new OciHttpClientOptions(EndpointOf(call, testCase), provider)
            {
                Clock = SigningVectors.ClockOf(testCase),
                Handler = handler,
            };
            using var client = new OciHttpClient(options);

            await client.SendAsync(RequestOf(call), default);

            var sent = handler.Single;
            Assert.Equal(testCase.GetProperty("method").GetString(), sent.Method);
            Assert.Equal(new Uri(testCase.GetProperty("url").GetString()!).AbsoluteUri, sent.Uri.AbsoluteUri);
            Assert.Equal(testCase.GetProperty("pathAndQuery").GetString(), sent.Uri.PathAndQuery);
            Assert.Equal(SigningVectors.Text(testCase, "body"), sent.BodyText);
            Assert.Equal(SigningVectors.Text(expected, "host"), sent.Header("Host"));
            Assert.Equal(SigningVectors.Text(expected, "date"), sent.Header("date"));
            Assert.Equal(SigningVectors.Text(expected, "content-type"), sent.Header("Content-Type"));
            Assert.Equal(SigningVectors.Text(expected, "content-length"), sent.Header("Content-Length"));
            Assert.Equal(SigningVectors.Text(expected, "x-content-sha256"), sent.Header("x-content-sha256"));
            Assert.Equal(SigningVectors.Text(expected, "authorization"), sent.Header("Authorization"));
            foreach (var unsigned in new[] { "opc-retry-token", "if-match" })
            {
                Assert.Equal(SigningVectors.Text(testCase.GetProperty("headers"), unsigned), sent.Header(unsigned));
            }
        }

        [Fact]
        public void Page_tokens_are_encoded_exactly_once()
        {
            var request = BlockstorageRequests.ListVolumeBackups("ocid1.compartment.oc1..x", page: "AAAAAQ+/x==");
            Assert.Equal("/20160918/volumeBackups?compartmentId=ocid1.compartment.oc1..x&page=AAAAAQ%2B%2Fx%3D%3D", request.PathAndQuery);
        }

        [Fact]
        public void Query_values_with_spaces_unicode_and_reserved_characters_are_percent_encoded()
        {
            var request = BlockstorageRequests.ListVolumeBackups("c", displayName: "nächtlich a+b=c/d&e");
            Assert.Equal("/20160918/volumeBackups?compartmentId=c&displayName=n%C3%A4chtlich%20a%2Bb%3Dc%2Fd%26e", request.PathAndQuery);
        }

        [Fact]
        public void Path_parameters_are_encoded()
        {
            Assert.Equal("/20160918/volumes/a%2Fb%20c", BlockstorageRequests.GetVolume("a/b c").PathAndQuery);
        }

        [Theory]
        [InlineData("")]
        [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
        public void Create_refuses_a_retry_token_outside_1_to_64_characters(string token)
        {
            Assert.Throws<ArgumentException>(() => BlockstorageRequests.CreateVolumeBackup(new CreateVolumeBackupDetails("v"), token));
        }

        private static Uri EndpointOf(JsonElement call, JsonElement testCase)
        {
            var catalog = new RegionCatalog(new FakeProcessEnvironment());
            if (call.TryGetProperty("endpoint", out var endpoint))
            {
                return ServiceEndpoint.ParseOverride(endpoint.GetString()!);
            }

            if (call.TryGetProperty("regionId", out var region))
            {
                return ServiceEndpoint.ForRegion(catalog.Resolve(region.GetString()!));
            }

            return new Uri(new Uri(testCase.GetProperty("url").GetString()!).GetLeftPart(UriPartial.Authority));
        }

        private static OciRequest RequestOf(JsonElement call)
        {
            var request = call.GetProperty("request");
            string? Text(string property) => SigningVectors.Text(request, property);
            int? Number(string property) => request.TryGetProperty(property, out var value) ? value.GetInt32() : (int?)null;

            if (!call.TryGetProperty("operation", out var operation))
            {
                // The raw send path (what Invoke-OciRestMethod will use).
                var uri = new Uri(Text("url")!);
                var raw = new OciRequest(new HttpMethod(Text("method")!), uri.AbsolutePath, Encoding.UTF8.GetBytes(Text("body")!));
                foreach (var header in request.GetProperty("headers").EnumerateObject())
                {
                    raw.WithHeader(header.Name, header.Value.GetString());
                }

                return raw;
            }

            switch (operation.GetString())
            {
                case "GetVolumeBackup":
                    return BlockstorageRequests.GetVolumeBackup(Text("volumeBackupId")!);
                case "GetVolumeGroupBackup":
                    return BlockstorageRequests.GetVolumeGroupBackup(Text("volumeGroupBackupId")!);
                case "ListVolumeBackups":
                    return BlockstorageRequests.ListVolumeBackups(Text("compartmentId")!, Text("volumeId"), Number("limit"), Text("page"), Text("displayName"), null, Text("sortBy"), Text("sortOrder"), Text("lifecycleState"));
                case "CreateVolumeBackup":
                    return BlockstorageRequests.CreateVolumeBackup(
                        OciJson.Deserialize<CreateVolumeBackupDetails>(Encoding.UTF8.GetBytes(request.GetProperty("createVolumeBackupDetails").GetRawText())),
                        Text("opcRetryToken")!);
                case "CreateVolumeGroupBackup":
                    return BlockstorageRequests.CreateVolumeGroupBackup(
                        OciJson.Deserialize<CreateVolumeGroupBackupDetails>(Encoding.UTF8.GetBytes(request.GetProperty("createVolumeGroupBackupDetails").GetRawText())),
                        Text("opcRetryToken")!);
                case "DeleteVolumeBackup":
                    return BlockstorageRequests.DeleteVolumeBackup(Text("volumeBackupId")!, Text("ifMatch"));
                case "UpdateVolumeBackup":
                    return new OciRequest(HttpMethod.Put, BlockstorageRequests.ApiVersionPath + "/volumeBackups/" + OciRequest.PathSegment(Text("volumeBackupId")!),
                        JsonSerializer.SerializeToUtf8Bytes(request.GetProperty("updateVolumeBackupDetails")));
                default:
                    throw new InvalidOperationException("No builder for " + operation.GetString());
            }
        }
    }
}

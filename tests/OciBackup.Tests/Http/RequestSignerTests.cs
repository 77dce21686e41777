using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using Xunit;

namespace OciBackup.Tests.Http
{
    public class RequestSignerTests
    {
        public static TheoryData<string> VectorNames()
        {
            var data = new TheoryData<string>();
            foreach (var name in SigningVectors.CaseNames)
            {
                data.Add((string)name[0]);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(VectorNames))]
        public async Task Signs_each_vector_byte_for_byte_like_the_dotnet_sdk(string name)
        {
            var testCase = SigningVectors.Case(name);
            var expected = testCase.GetProperty("expected");
            using var provider = SigningVectors.LoadProvider(testCase.GetProperty("key").GetString()!);
            var credentials = await provider.GetCredentialsAsync(default);
            using var request = new HttpRequestMessage(new HttpMethod(testCase.GetProperty("method").GetString()!), testCase.GetProperty("url").GetString());
            foreach (var header in testCase.GetProperty("headers").EnumerateObject())
            {
                if (header.Name != "date" && header.Name != "accept" && header.Name != "content-type")
                {
                    request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
                }
            }

            var bodyText = SigningVectors.Text(testCase, "body");
            var signer = new RequestSigner(SigningVectors.ClockOf(testCase));

            var signature = signer.Sign(request, bodyText == null ? null : Encoding.UTF8.GetBytes(bodyText), credentials);

            Assert.Equal(testCase.GetProperty("pathAndQuery").GetString(), request.RequestUri!.PathAndQuery);
            Assert.Equal(SigningVectors.Text(expected, "date"), request.Headers.GetValues("date").Single());
            Assert.Equal(SigningVectors.Text(expected, "host"), request.Headers.Host);
            Assert.Equal(SigningVectors.Text(expected, "content-type"), request.Content?.Headers.ContentType?.ToString());
            Assert.Equal(SigningVectors.Text(expected, "content-length"), request.Content?.Headers.ContentLength?.ToString());
            Assert.Equal(SigningVectors.Text(expected, "x-content-sha256"), request.Headers.TryGetValues("x-content-sha256", out var hash) ? hash.Single() : null);
            Assert.Equal(SigningVectors.Text(expected, "signedHeaders"), signature.SignedHeaders);
            Assert.Equal(SigningVectors.Text(expected, "signingString"), signature.SigningString);
            Assert.Equal(SigningVectors.Text(expected, "authorization"), request.Headers.GetValues("Authorization").Single());
        }

        [Fact]
        public void Every_vector_file_case_is_covered_by_a_test()
        {
            var names = SigningVectors.CaseNames.Select(n => (string)n[0]).ToList();
            Assert.Equal(SigningVectors.Root.GetProperty("cases").GetArrayLength(), names.Distinct().Count());
            Assert.True(names.Count >= 24);
        }

        [Fact]
        public void Signs_the_clock_time_not_a_date_already_on_the_request()
        {
            var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 5, 7, 987, TimeSpan.Zero));
            using var key = SigningVectors.LoadKey("rsa2048-pkcs1");
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://iaas.us-ashburn-1.oraclecloud.com/20160918/volumes");
            request.Headers.TryAddWithoutValidation("date", "Thu, 01 Jan 1970 00:00:00 GMT");

            var signature = new RequestSigner(clock).Sign(request, null, new RequestCredentials("t/u/f", key));

            Assert.Equal("Mon, 23 Nov 2026 09:05:07 GMT", request.Headers.GetValues("date").Single());
            Assert.StartsWith("date: Mon, 23 Nov 2026 09:05:07 GMT\n", signature.SigningString);
        }

        [Fact]
        public void Appends_optional_signed_headers_in_the_sdk_order_when_present()
        {
            using var key = SigningVectors.LoadKey("rsa2048-pkcs1");
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://iaas.us-ashburn-1.oraclecloud.com/20160918/volumes");
            request.Headers.TryAddWithoutValidation("x-subscription", "sub-1");
            request.Headers.TryAddWithoutValidation("opc-obo-token", "obo-1");

            var signature = new RequestSigner(new FixedClock(DateTimeOffset.UnixEpoch)).Sign(request, null, new RequestCredentials("t/u/f", key));

            Assert.Equal("date (request-target) host opc-obo-token x-subscription", signature.SignedHeaders);
            Assert.EndsWith("\nopc-obo-token: obo-1\nx-subscription: sub-1", signature.SigningString);
        }

        [Fact]
        public void Post_without_a_body_signs_an_empty_body()
        {
            using var key = SigningVectors.LoadKey("rsa2048-pkcs1");
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://iaas.us-ashburn-1.oraclecloud.com/20160918/volumeBackups");

            var signature = new RequestSigner(new FixedClock(DateTimeOffset.UnixEpoch)).Sign(request, null, new RequestCredentials("t/u/f", key));

            Assert.Equal(0, request.Content!.Headers.ContentLength);
            Assert.Contains("\ncontent-length: 0\ncontent-type: application/json\nx-content-sha256: 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", signature.SigningString);
        }

        [Fact]
        public void Refuses_a_body_on_a_get()
        {
            using var key = SigningVectors.LoadKey("rsa2048-pkcs1");
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://iaas.us-ashburn-1.oraclecloud.com/20160918/volumes");

            Assert.Throws<ArgumentException>(() => new RequestSigner(new FixedClock(DateTimeOffset.UnixEpoch)).Sign(request, new byte[] { 1 }, new RequestCredentials("t/u/f", key)));
        }

        [Fact]
        public async Task Session_token_vector_uses_the_token_as_key_id()
        {
            var testCase = SigningVectors.Case("get-volume-backup-session-token");
            var token = SigningVectors.Key("rsa2048-session").GetProperty("sessionToken").GetString();
            Assert.Contains("keyId=\"ST$" + token + "\"", testCase.GetProperty("expected").GetProperty("authorization").GetString());
            using var provider = new SessionTokenAuthenticationProvider(token + "\r\n", SigningVectors.LoadKey("rsa2048-pkcs1"), null, SigningVectors.SessionTokenClock());
            Assert.Equal("ST$" + token, (await provider.GetCredentialsAsync(default)).KeyId);
        }
    }
}

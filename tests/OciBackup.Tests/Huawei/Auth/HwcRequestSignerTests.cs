using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using OciBackup.Engine.Huawei.Auth;
using Xunit;

namespace OciBackup.Tests.Huawei.Auth
{
    public class HwcRequestSignerTests
    {
        public static TheoryData<string> VectorNames() => HuaweiSigningVectors.Names();

        [Theory]
        [MemberData(nameof(VectorNames))]
        public void Signs_each_vector_byte_for_byte_like_huaweis_sdk_signer(string name)
        {
            var testCase = HuaweiSigningVectors.Case(name);
            var request = testCase.GetProperty("request");
            var expected = HuaweiSigningVectors.Expected(testCase);
            var input = new HwcSigningRequest(request.GetProperty("method").GetString()!, HuaweiSigningVectors.HostOf(testCase), request.GetProperty("path").GetString()!,
                HuaweiSigningVectors.BodyOf(testCase));
            input.Query.AddRange(HuaweiSigningVectors.QueryOf(testCase));
            input.Headers.AddRange(HuaweiSigningVectors.CallerHeadersOf(testCase));

            var signed = new HwcRequestSigner(HuaweiSigningVectors.ClockOf(testCase)).Sign(input, HuaweiSigningVectors.CredentialsOf(testCase));

            Assert.Equal(expected.GetProperty("canonicalRequest").GetString(), signed.CanonicalRequest);
            Assert.Equal(expected.GetProperty("stringToSign").GetString(), signed.StringToSign);
            Assert.Equal(expected.GetProperty("signedHeaders").GetString(), signed.SignedHeaders);
            Assert.Equal(expected.GetProperty("signature").GetString(), signed.Signature);
            Assert.Equal(expected.GetProperty("authorization").GetString(), signed.Authorization);
            Assert.Equal(HuaweiSigningVectors.SignedHeadersOf(testCase), signed.Headers.OrderBy(h => h.Key, StringComparer.Ordinal).ToList());
        }

        [Fact]
        public void Every_case_of_the_vector_file_is_a_test_case()
        {
            var names = HuaweiSigningVectors.Cases.Select(c => c.GetProperty("name").GetString()!).ToList();

            Assert.Equal(HuaweiSigningVectors.Root.GetProperty("vectors").GetArrayLength(), names.Distinct(StringComparer.Ordinal).Count());
            Assert.True(names.Count >= 21);
        }

        [Fact]
        public void Reproduces_the_signature_published_in_huaweis_signing_guide()
        {
            var testCase = HuaweiSigningVectors.Case("doc-example-vpc-list");
            var input = new HwcSigningRequest("GET", "service.region.example.com", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs");
            input.Query.Add(new KeyValuePair<string, string>("marker", "13551d6b-755d-4757-b956-536f674975c0"));
            input.Query.Add(new KeyValuePair<string, string>("limit", "2"));

            var signed = new HwcRequestSigner(HuaweiSigningVectors.ClockOf(testCase)).Sign(input, new HwcCredentials("QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"));

            Assert.Equal(testCase.GetProperty("independentCheck").GetProperty("publishedSignature").GetString(), signed.Signature);
        }

        [Theory]
        [InlineData("/v2/p/backups", "/v2/p/backups/")]
        [InlineData("/v2/p/backups/", "/v2/p/backups/")]
        [InlineData("/", "/")]
        [InlineData("/v2/a%20b", "/v2/a%2520b/")]
        [InlineData("/v2/卷", "/v2/%E5%8D%B7/")]
        public void Encodes_each_path_segment_and_ends_with_one_slash(string path, string canonical) =>
            Assert.Equal(canonical, HwcRequestSigner.CanonicalUri(path));

        [Fact]
        public void Sorts_query_keys_by_their_raw_utf16_order_as_the_node_sdk_does()
        {
            // Encoded, "é" is "%C3%A9", which sorts before "z"; raw, it sorts after it.
            var query = new[] { new KeyValuePair<string, string>("é", "1"), new KeyValuePair<string, string>("z", "2"), new KeyValuePair<string, string>("Z", "3") };

            Assert.Equal("Z=3&z=2&%C3%A9=1", HwcRequestSigner.CanonicalQuery(query));
        }

        [Fact]
        public void Signs_the_clock_time_and_the_credentials_project_not_what_the_caller_put_there()
        {
            var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 5, 7, TimeSpan.Zero));
            var input = new HwcSigningRequest("GET", "vbs.cn-north-4.myhuaweicloud.com", "/v1/p/jobs/j");
            input.Headers.Add(new KeyValuePair<string, string>("X-Sdk-Date", "19700101T000000Z"));
            input.Headers.Add(new KeyValuePair<string, string>("X-Project-Id", "someone-else"));

            var signed = new HwcRequestSigner(clock).Sign(input, new HwcCredentials("AK", "SK", projectId: "p"));

            Assert.Single(signed.Headers, h => h.Key == "X-Sdk-Date" && h.Value == "20261123T090507Z");
            Assert.Single(signed.Headers, h => h.Key == "X-Project-Id" && h.Value == "p");
        }

        [Fact]
        public void Leaves_user_agent_accept_and_content_length_unsigned_on_an_http_request()
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:5071/v3/p/backups");
            message.Headers.TryAddWithoutValidation("User-Agent", "OciBackup/1.0");
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
            message.Headers.TryAddWithoutValidation("X-Language", "en-us");

            var signature = new HwcRequestSigner(new FixedClock(DateTimeOffset.UnixEpoch)).Sign(message, new byte[] { (byte)'{', (byte)'}' }, new HwcCredentials("AK", "SK", projectId: "p"));

            Assert.Equal("content-type;host;x-language;x-project-id;x-sdk-date", signature.SignedHeaders);
            Assert.Equal("127.0.0.1:5071", message.Headers.Host);
            Assert.Equal("application/json", message.Content!.Headers.ContentType!.ToString());
            Assert.StartsWith("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-language;x-project-id;x-sdk-date, Signature=", message.Headers.GetValues("Authorization").Single());
        }

        [Fact]
        public void Without_a_content_type_on_bodiless_requests_a_get_is_signed_without_one()
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, "https://vbs.cn-north-4.myhuaweicloud.com/v1/p/jobs/j");

            var signature = new HwcRequestSigner(new FixedClock(DateTimeOffset.UnixEpoch), contentTypeWithoutBody: false).Sign(message, null, new HwcCredentials("AK", "SK", projectId: "p"));

            Assert.Equal("host;x-project-id;x-sdk-date", signature.SignedHeaders);
            Assert.Null(message.Content);
        }
    }
}

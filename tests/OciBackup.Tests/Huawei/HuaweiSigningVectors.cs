using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using OciBackup.Engine.Huawei.Auth;
using Xunit;

namespace OciBackup.Tests.Huawei
{
    /// <summary>The SDK-HMAC-SHA256 vectors made with Huawei's Node SDK (tests/vectors/huawei), loaded once.</summary>
    internal static class HuaweiSigningVectors
    {
        private static readonly Lazy<JsonDocument> Document = new Lazy<JsonDocument>(() =>
            JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "huawei", "signing-vectors.json"))));

        public static JsonElement Root => Document.Value.RootElement;

        public static IEnumerable<JsonElement> Cases => Root.GetProperty("vectors").EnumerateArray();

        public static TheoryData<string> Names()
        {
            var data = new TheoryData<string>();
            foreach (var testCase in Cases)
            {
                data.Add(testCase.GetProperty("name").GetString()!);
            }

            return data;
        }

        public static JsonElement Case(string name) => Cases.Single(c => c.GetProperty("name").GetString() == name);

        public static HwcCredentials CredentialsOf(JsonElement testCase)
        {
            var credentials = testCase.GetProperty("credentials");
            return new HwcCredentials(Text(credentials, "ak")!, Text(credentials, "sk")!, Text(credentials, "securityToken"), Text(credentials, "projectId"));
        }

        public static FixedClock ClockOf(JsonElement testCase) =>
            new FixedClock(DateTimeOffset.Parse(testCase.GetProperty("fixedDate").GetProperty("iso").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));

        /// <summary>The endpoint's host[:port] as written (a written :443 kept), as the SDK signs it.</summary>
        public static string HostOf(JsonElement testCase)
        {
            var endpoint = testCase.GetProperty("request").GetProperty("endpoint").GetString()!;
            var rest = endpoint.Substring(endpoint.IndexOf("://", StringComparison.Ordinal) + 3);
            var slash = rest.IndexOf('/');
            return slash < 0 ? rest : rest.Substring(0, slash);
        }

        /// <summary>The raw query pairs the SDK was given: numbers as JavaScript prints them, arrays as one pair per value.</summary>
        public static IEnumerable<KeyValuePair<string, string>> QueryOf(JsonElement testCase)
        {
            foreach (var parameter in testCase.GetProperty("request").GetProperty("queryParams").EnumerateObject())
            {
                if (parameter.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var value in parameter.Value.EnumerateArray())
                    {
                        yield return new KeyValuePair<string, string>(parameter.Name, Scalar(value));
                    }
                }
                else
                {
                    yield return new KeyValuePair<string, string>(parameter.Name, Scalar(parameter.Value));
                }
            }
        }

        public static IEnumerable<KeyValuePair<string, string>> CallerHeadersOf(JsonElement testCase) =>
            testCase.GetProperty("request").GetProperty("headers").EnumerateObject().Select(h => new KeyValuePair<string, string>(h.Name, h.Value.GetString()!));

        /// <summary>The body bytes as sent and hashed, or null for none.</summary>
        public static byte[]? BodyOf(JsonElement testCase)
        {
            var base64 = testCase.GetProperty("request").GetProperty("bodyBase64").GetString()!;
            return base64.Length == 0 ? null : Convert.FromBase64String(base64);
        }

        public static JsonElement Expected(JsonElement testCase) => testCase.GetProperty("expected");

        /// <summary>The headers the signer saw plus Authorization, by name as the SDK spells them.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> SignedHeadersOf(JsonElement testCase) =>
            Expected(testCase).GetProperty("headersSigned").EnumerateObject().Select(h => new KeyValuePair<string, string>(h.Name, h.Value.GetString()!))
                .OrderBy(h => h.Key, StringComparer.Ordinal).ToList();

        public static string? Text(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string Scalar(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }
}

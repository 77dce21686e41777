using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using OciBackup.Engine;
using OciBackup.Engine.Auth;

namespace OciBackup.Tests
{
    /// <summary>The signing vectors produced by Oracle's .NET SDK (tests/vectors), loaded once.</summary>
    internal static class SigningVectors
    {
        private static readonly Lazy<JsonDocument> Document = new Lazy<JsonDocument>(() =>
            JsonDocument.Parse(File.ReadAllText(PathOf("signing-vectors.json"))));

        public static string Directory => Path.Combine(AppContext.BaseDirectory, "vectors");

        public static string PathOf(string relative) => Path.Combine(Directory, relative);

        public static JsonElement Root => Document.Value.RootElement;

        public static IEnumerable<JsonElement> Cases => Root.GetProperty("cases").EnumerateArray();

        public static IEnumerable<object[]> CaseNames => Cases.Select(c => new object[] { c.GetProperty("name").GetString()! });

        public static JsonElement Case(string name) => Cases.Single(c => c.GetProperty("name").GetString() == name);

        public static JsonElement Key(string keyName) => Root.GetProperty("keys").GetProperty(keyName);

        public static string? Text(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        public static RsaSigningKey LoadKey(string keyName)
        {
            var key = Key(keyName);
            var pass = Text(key, "passPhrase");
            return PrivateKeyReader.Read(File.ReadAllText(PathOf(Text(key, "file")!)), pass?.ToCharArray(), Text(key, "file")!);
        }

        /// <summary>The provider the vector's key entry describes: session token when it has one, else API key.</summary>
        /// <param name="clock">The clock a session token's expiry is judged by; null for one at the token's issue, when the vectors were made.</param>
        public static IAuthenticationProvider LoadProvider(string keyName, IClock? clock = null)
        {
            var key = Key(keyName);
            var signingKey = LoadKey(keyName);
            var token = Text(key, "sessionToken");
            if (token != null)
            {
                return new SessionTokenAuthenticationProvider(token, signingKey, Text(key, "tenancy"), clock ?? TokenClock(token));
            }

            return new ApiKeyAuthenticationProvider(Text(key, "tenancy")!, Text(key, "user")!, Text(key, "fingerprint")!, signingKey);
        }

        /// <summary>A clock at the time the vectors' session token was issued (it lasts an hour), for code that judges its expiry.</summary>
        public static FixedClock SessionTokenClock() => TokenClock(Text(Key("rsa2048-session"), "sessionToken")!);

        private static FixedClock TokenClock(string token) => new FixedClock(SecurityTokenClaims.Read(token).IssuedAt!.Value.AddMinutes(1));

        public static FixedClock ClockOf(JsonElement testCase) =>
            new FixedClock(DateTimeOffset.ParseExact(testCase.GetProperty("expected").GetProperty("date").GetString()!, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }
}

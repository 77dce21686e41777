using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Http
{
    /// <summary>
    /// Oracle's .NET SDK serialises bodies with Newtonsoft.Json, and the body's hash is signed: our
    /// System.Text.Json output must be the same bytes for any string a user can type.
    /// </summary>
    public class OciJsonTests
    {
        private static readonly JsonSerializerSettings SdkSettings = new JsonSerializerSettings
        {
            NullValueHandling = NullValueHandling.Ignore,
            ContractResolver = new CamelCasePropertyNamesContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
        };

        private const string Special = "\"\\<>&'+\u2028\u2029\u0085\u007F\n\t\u0001é漢\uFEFF";

        // Valid UTF-16 only: a lone surrogate is not a string a user can type, nor valid UTF-8.
        private static readonly Gen<string> AnyText = Gen.OneOf(
            Gen.String[Gen.Char.AlphaNumeric, 0, 20],
            Gen.String[Gen.Char['\u0000', '\u00FF'], 0, 20],
            Gen.String[Gen.Int[0, Special.Length - 1].Select(i => Special[i]), 0, 12],
            Gen.Int[0x1F600, 0x1F64F].Select(c => char.ConvertFromUtf32(c)),
            Gen.String.Where(s => !HasLoneSurrogate(s)));

        [Fact]
        public void Bodies_are_byte_identical_to_newtonsoft_for_any_text()
        {
            Gen.Select(AnyText, AnyText, AnyText, AnyText).Sample((name, tagKey, tagValue, definedValue) =>
            {
                var details = new CreateVolumeBackupDetails("ocid1.volume.oc1..v" + tagKey.Length)
                {
                    DisplayName = name,
                    FreeformTags = new Dictionary<string, string> { [tagKey] = tagValue },
                    DefinedTags = new Dictionary<string, Dictionary<string, object>> { ["ns"] = new Dictionary<string, object> { ["k"] = definedValue, ["b"] = true, ["n"] = 42 } },
                    Type = BackupType.Full,
                };

                var ours = Encoding.UTF8.GetString(OciJson.SerializeToUtf8Bytes(details));
                var theirs = JsonConvert.SerializeObject(new SdkShape
                {
                    DefinedTags = details.DefinedTags,
                    DisplayName = name,
                    FreeformTags = details.FreeformTags,
                    Type = "FULL",
                    VolumeId = details.VolumeId,
                }, SdkSettings);

                Assert.Equal(theirs, ours);
            }, iter: 2000);
        }

        [Theory]
        [InlineData("Ünïcödé 漢字 😀", "\"Ünïcödé 漢字 😀\"")]
        [InlineData("<b>&'+", "\"<b>&'+\"")]
        [InlineData("line\nbreak\ttab\u0001", "\"line\\nbreak\\ttab\\u0001\"")]
        [InlineData("quote\" back\\", "\"quote\\\" back\\\\\"")]
        [InlineData("\u2028\u2029\u0085", "\"\\u2028\\u2029\\u0085\"")]
        public void Strings_are_escaped_like_newtonsoft(string value, string expected)
        {
            Assert.Equal(expected, Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, OciJson.Options)));
            Assert.Equal(expected, JsonConvert.SerializeObject(value));
        }

        private static bool HasLoneSurrogate(string s)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]))
                {
                    if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                    {
                        return true;
                    }

                    i++;
                }
                else if (char.IsLowSurrogate(s[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The SDK model's shape: alphabetical properties, as in Oci.CoreService.Models.CreateVolumeBackupDetails.</summary>
        private sealed class SdkShape
        {
            public Dictionary<string, Dictionary<string, object>>? DefinedTags { get; set; }

            public string? DisplayName { get; set; }

            public Dictionary<string, string>? FreeformTags { get; set; }

            public string? KmsKeyId { get; set; }

            public string? Type { get; set; }

            public string? VolumeId { get; set; }
        }
    }
}

using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>
    /// Huawei Cloud's times, in the forms its services use: VBS's <c>2018-08-08T02:41:25.000000</c> (UTC, no offset),
    /// jobs' <c>2016-05-19T08:53:40.151Z</c> and RDS's <c>2020-01-08T10:51:51+0800</c> (an offset without a colon). Read as
    /// UTC; an unreadable time is null rather than a failed response.
    /// </summary>
    internal sealed class HwcTimeJsonConverter : JsonConverter<DateTimeOffset?>
    {
        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                return null;
            }

            return Parse(reader.GetString());
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value == null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(Format(value.Value));
            }
        }

        /// <summary>RDS's form: <c>2020-01-08T02:51:51+0000</c>.</summary>
        public static string Format(DateTimeOffset time) =>
            time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";

        public static DateTimeOffset? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var value = text!.Trim();
            // "+0800" → "+08:00", which .NET reads.
            if (value.Length > 5 && (value[value.Length - 5] == '+' || value[value.Length - 5] == '-') && IsDigits(value, value.Length - 4, 4) && value.IndexOf('T') > 0)
            {
                value = value.Substring(0, value.Length - 2) + ":" + value.Substring(value.Length - 2);
            }

            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : (DateTimeOffset?)null;
        }

        private static bool IsDigits(string text, int start, int count)
        {
            for (var i = start; i < start + count; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}

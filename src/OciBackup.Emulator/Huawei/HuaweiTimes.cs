using System.Globalization;

namespace OciBackup.Emulator.Huawei;

/// <summary>The time formats the two services write and read, each as its documents show it.</summary>
internal static class HuaweiTimes
{
    /// <summary>VBS backups: <c>2018-08-08T02:41:25.000000</c> (UTC, no offset).</summary>
    public static string Vbs(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>VBS jobs: <c>2016-05-19T08:53:40.151Z</c>.</summary>
    public static string Job(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>RDS: <c>2020-01-08T02:51:51+0000</c>.</summary>
    public static string Rds(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";

    /// <summary>RDS's <c>yyyy-mm-ddThh:mm:ss+0800</c> (or with <c>Z</c>), as its list filters take it.</summary>
    public static bool TryParseRds(string text, out DateTimeOffset time)
    {
        string value = text.Trim();
        if (value.Length > 5 && (value[^5] == '+' || value[^5] == '-') && value[^4..].All(char.IsAsciiDigit))
        {
            value = value[..^2] + ":" + value[^2..];
        }

        return DateTimeOffset.TryParseExact(value, new[] { "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'" }, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}

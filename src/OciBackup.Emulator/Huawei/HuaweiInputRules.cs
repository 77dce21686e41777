using System.Text.RegularExpressions;

namespace OciBackup.Emulator.Huawei;

/// <summary>The documented rules of VBS and RDS create bodies, as the emulator enforces them (huawei-api.md §3, §4).</summary>
internal static partial class HuaweiInputRules
{
    [GeneratedRegex(@"^[\p{L}\p{Nd}_-]{1,64}$")]
    private static partial Regex VbsName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{3,63}$")]
    private static partial Regex RdsName();

    /// <summary>Null when the VBS backup name is allowed; else why not.</summary>
    public static string? VbsNameProblem(string? name) =>
        name is null || !VbsName().IsMatch(name) ? "name must be 1 to 64 letters, digits, '_' and '-'"
        : name.StartsWith("auto", StringComparison.OrdinalIgnoreCase) ? "name must not start with 'auto' (kept for policy backups)"
        : null;

    public static string? VbsDescriptionProblem(string? description) =>
        description is not null && (description.Length > 64 || description.IndexOfAny(new[] { '<', '>' }) >= 0)
            ? "description must be at most 64 characters, without '<' or '>'"
            : null;

    public static string? VbsTagProblem(string key, string value) =>
        key.Length is < 1 or > 36 || key.Any(c => c < 0x20 || "=*<>\\,|/".Contains(c)) ? $"tag key '{key}' must be 1 to 36 characters, without control characters or = * < > \\ , | /"
        : value.Length > 43 || value.Any(c => c < 0x20) ? $"the value of tag '{key}' must be at most 43 characters, without control characters"
        : null;

    public static string? RdsNameProblem(string? name) =>
        name is null || !RdsName().IsMatch(name) ? "name must be 4 to 64 characters, start with a letter, and hold only letters, digits, '-' and '_'" : null;

    public static string? RdsDescriptionProblem(string? description) =>
        description is not null && (description.Length > 256 || description.IndexOfAny(">!<\"&'=".ToCharArray()) >= 0)
            ? "description must be at most 256 characters, without > ! < \" & ' ="
            : null;
}

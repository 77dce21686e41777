using Microsoft.Extensions.Configuration;

namespace OciBackup.Emulator.Auth;

/// <summary>
/// One profile of an OCI config file (INI, read by Microsoft.Extensions.Configuration.Ini), with the OCI rule that
/// a value missing from the profile comes from [DEFAULT]. Only what the emulator needs to trust a key is read.
/// </summary>
internal sealed class OciConfigProfile
{
    private readonly IConfiguration _configuration;
    private readonly string _profile;

    private OciConfigProfile(IConfiguration configuration, string profile, string directory)
    {
        _configuration = configuration;
        _profile = profile;
        Directory = directory;
    }

    public string Directory { get; }

    public string? User => Value("user");

    public string? Tenancy => Value("tenancy");

    public string? Fingerprint => Value("fingerprint");

    public string? PassPhrase => Value("pass_phrase");

    public string? KeyFile => ResolvePath(Value("key_file"));

    public string? SecurityTokenFile => ResolvePath(Value("security_token_file"));

    public static OciConfigProfile Load(string path, string profile)
    {
        string fullPath = Path.GetFullPath(ExpandHome(path));
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"OCI config file not found: {fullPath}", fullPath);
        }

        IConfiguration configuration = new ConfigurationBuilder().AddIniFile(fullPath, optional: false, reloadOnChange: false).Build();
        if (!configuration.GetSection(profile).Exists() && !string.Equals(profile, "DEFAULT", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Profile [{profile}] not found in {fullPath}.");
        }

        return new OciConfigProfile(configuration, profile, Path.GetDirectoryName(fullPath)!);
    }

    private string? Value(string key)
    {
        string? value = _configuration[_profile + ":" + key];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = _configuration["DEFAULT:" + key];
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>~ is the home directory; a relative path is taken relative to the config file's folder.</summary>
    private string? ResolvePath(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string expanded = ExpandHome(value);
        return Path.IsPathRooted(expanded) ? expanded : Path.GetFullPath(Path.Combine(Directory, expanded));
    }

    private static string ExpandHome(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : "");
        }

        return path;
    }
}

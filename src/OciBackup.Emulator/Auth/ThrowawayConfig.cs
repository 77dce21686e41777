using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OciBackup.Emulator.Auth;

/// <summary>
/// The newcomer's convenience: a throwaway RSA key pair and an OCI config file whose profile uses it, plus
/// emulator.json for scripts. The OCI config format has no endpoint key, so the endpoint goes into a comment in
/// the config and into emulator.json. An existing key.pem in the folder is kept, so a restarted emulator keeps
/// working with configs copied elsewhere; config and emulator.json are rewritten with the new URL.
/// </summary>
internal sealed class ThrowawayConfig
{
    public const string KeyFileName = "key.pem";
    public const string PublicKeyFileName = "key_public.pem";
    public const string ConfigFileName = "config";
    public const string DescriptorFileName = "emulator.json";

    private ThrowawayConfig(string directory, string profile, byte[] subjectPublicKeyInfo)
    {
        Directory = directory;
        Profile = profile;
        SubjectPublicKeyInfo = subjectPublicKeyInfo;
        Fingerprint = KeyFingerprint.Of(subjectPublicKeyInfo);
        // Stable per key: the same key.pem always yields the same principal.
        string suffix = Base32(SHA256.HashData(subjectPublicKeyInfo));
        TenancyId = "ocid1.tenancy.oc1..aaaaaaaa" + suffix[..52];
        UserId = "ocid1.user.oc1..aaaaaaaa" + suffix[4..56];
    }

    public string Directory { get; }

    public string Profile { get; }

    public byte[] SubjectPublicKeyInfo { get; }

    public string Fingerprint { get; }

    public string TenancyId { get; }

    public string UserId { get; }

    public string KeyFile => Path.Combine(Directory, KeyFileName);

    public string ConfigFile => Path.Combine(Directory, ConfigFileName);

    public string DescriptorFile => Path.Combine(Directory, DescriptorFileName);

    public string KeyId => TenancyId + "/" + UserId + "/" + Fingerprint;

    /// <summary>Creates the folder and key (or reuses key.pem); the config is written by <see cref="WriteConfig"/> once the URL is known.</summary>
    public static ThrowawayConfig Prepare(string directory, string profile)
    {
        string full = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(full);
        string keyPath = Path.Combine(full, KeyFileName);
        using RSA rsa = RSA.Create(2048);
        if (File.Exists(keyPath))
        {
            rsa.ImportFromPem(File.ReadAllText(keyPath));
        }
        else
        {
            WritePrivate(keyPath, rsa.ExportPkcs8PrivateKeyPem() + "\n");
        }

        File.WriteAllText(Path.Combine(full, PublicKeyFileName), rsa.ExportSubjectPublicKeyInfoPem() + "\n");
        return new ThrowawayConfig(full, profile, rsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>
    /// Writes the config (its region is the first of <paramref name="endpoints"/>, the home region) and emulator.json
    /// with every region's endpoint and the identity side the emulator plays, if any.
    /// </summary>
    public void WriteConfig(IReadOnlyList<(string Region, Uri Endpoint)> endpoints, IEnumerable<(string Name, string Id, string? ParentId)> compartments, Identity.EmulatorIdentity? identity = null)
    {
        string region = endpoints[0].Region;
        string url = Url(endpoints[0].Endpoint);
        var config = new StringBuilder()
            .Append("# Written by the OciBackup emulator for local use only. The key is a throwaway; never upload it to OCI.\n")
            .Append("# emulator endpoint: ").Append(url).Append('\n');
        foreach ((string other, Uri endpoint) in endpoints.Skip(1))
        {
            config.Append("# emulator endpoint of ").Append(other).Append(": ").Append(Url(endpoint)).Append('\n');
        }

        config
            .Append("# (the OCI config format has no endpoint key: pass it to the client, e.g. New-OciSession -Endpoint ").Append(url).Append(")\n")
            .Append('[').Append(Profile).Append("]\n")
            .Append("user=").Append(UserId).Append('\n')
            .Append("fingerprint=").Append(Fingerprint).Append('\n')
            .Append("key_file=").Append(KeyFile).Append('\n')
            .Append("tenancy=").Append(TenancyId).Append('\n')
            .Append("region=").Append(region).Append('\n');
        WritePrivate(ConfigFile, config.ToString());

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("url", url);
            writer.WriteString("apiUrl", url + "/20160918");
            writer.WriteString("adminUrl", url + "/admin");
            writer.WriteString("configFile", ConfigFile);
            writer.WriteString("profile", Profile);
            writer.WriteString("region", region);
            writer.WriteStartArray("regions");
            foreach ((string name, _) in endpoints)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("endpoints");
            foreach ((string name, Uri endpoint) in endpoints)
            {
                writer.WriteString(name, Url(endpoint));
            }

            writer.WriteEndObject();
            writer.WriteString("tenancyId", TenancyId);
            writer.WriteString("userId", UserId);
            writer.WriteString("fingerprint", Fingerprint);
            writer.WriteString("keyFile", KeyFile);
            writer.WriteStartArray("compartments");
            foreach ((string name, string id, string? parentId) in compartments)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteString("id", id);
                if (parentId is not null)
                {
                    writer.WriteString("parentId", parentId);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (identity is not null)
            {
                WriteIdentity(writer, identity);
            }

            writer.WriteNumber("processId", Environment.ProcessId);
            writer.WriteEndObject();
        }

        File.WriteAllBytes(DescriptorFile, stream.ToArray());
    }

    /// <summary>
    /// Removes what <see cref="Prepare"/> and <see cref="WriteConfig"/> wrote, the key first, then the folder if nothing
    /// else holds it. Never throws: it runs as the emulator exits.
    /// </summary>
    public static void Remove(string directory)
    {
        string full = Path.GetFullPath(directory);
        foreach (string name in new[] { KeyFileName, Huawei.HuaweiSide.DescriptorFileName, PublicKeyFileName, ConfigFileName, DescriptorFileName })
        {
            try
            {
                File.Delete(Path.Combine(full, name));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        try
        {
            // Whoever started the emulator may still hold a file in it (its log): then the folder stays for them to remove.
            System.IO.Directory.Delete(full, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string Url(Uri endpoint) => endpoint.ToString().TrimEnd('/');

    private static void WriteIdentity(Utf8JsonWriter writer, Identity.EmulatorIdentity identity)
    {
        if (identity.MetadataBaseAddress is not null)
        {
            writer.WriteString("metadataBaseUrl", identity.MetadataBaseAddress.ToString());
            writer.WriteString("federationEndpoint", identity.FederationEndpoint!.ToString());
        }

        foreach ((string name, IReadOnlyDictionary<string, string>? variables) in new[] { ("resourcePrincipal", identity.ResourcePrincipalVariables), ("cloudShell", identity.CloudShellVariables) })
        {
            if (variables is not null)
            {
                writer.WriteStartObject(name);
                foreach ((string variable, string value) in variables)
                {
                    writer.WriteString(variable, value);
                }

                writer.WriteEndObject();
            }
        }

        if (identity.SessionTokenConfigFile is not null)
        {
            writer.WriteString("sessionTokenConfigFile", identity.SessionTokenConfigFile);
        }
    }

    private static void WritePrivate(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static string Base32(byte[] bytes)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var builder = new StringBuilder(60);
        for (int i = 0; i < 60; i++)
        {
            builder.Append(alphabet[bytes[i % bytes.Length] >> (i / bytes.Length) & 31]);
        }

        return builder.ToString();
    }
}

using System.Security.Cryptography;
using System.Text;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Inventory;

/// <summary>Makes OCIDs shaped like the service's: <c>ocid1.&lt;type&gt;.oc1.&lt;region&gt;.&lt;60 base32 characters&gt;</c>.</summary>
internal sealed class OcidGenerator
{
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private readonly RandomSource _random;

    public OcidGenerator(RandomSource random)
    {
        _random = random;
    }

    public string New(string resourceType, string region)
    {
        Span<byte> bytes = stackalloc byte[60];
        _random.NextBytes(bytes);
        var builder = new StringBuilder(resourceType.Length + region.Length + 80);
        builder.Append("ocid1.").Append(resourceType).Append(".oc1.").Append(region).Append(".a");
        for (int i = 0; i < 59; i++)
        {
            builder.Append(Base32Alphabet[bytes[i] & 31]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Compartment OCIDs have no region and are derived from the name (a sub-compartment's from its path, such as
    /// <c>prod/db</c>), so a named compartment keeps its OCID across runs.
    /// </summary>
    public static string CompartmentIdFor(string path) => Derived("compartment", path);

    /// <summary>The tenancy of an emulator that has no generated config (<c>--init-config</c> derives it from the key).</summary>
    public static string TenancyIdFor(string name) => Derived("tenancy", name);

    public static string AvailabilityDomainIdFor(string name) => Derived("availabilitydomain", name);

    private static string Derived(string resourceType, string name)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(resourceType + ":" + name));
        var builder = new StringBuilder("ocid1." + resourceType + ".oc1..aaaaaaaa", 90);
        for (int i = 0; i < 52; i++)
        {
            builder.Append(Base32Alphabet[hash[i % hash.Length] >> (i / hash.Length) & 31]);
        }

        return builder.ToString();
    }
}

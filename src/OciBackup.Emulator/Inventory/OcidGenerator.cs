using System.Security.Cryptography;
using System.Text;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Inventory;

/// <summary>Makes OCIDs shaped like the service's: <c>ocid1.&lt;type&gt;.oc1.&lt;region&gt;.&lt;60 base32 characters&gt;</c>.</summary>
internal sealed class OcidGenerator
{
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private readonly string _region;
    private readonly RandomSource _random;

    public OcidGenerator(string region, RandomSource random)
    {
        _region = region;
        _random = random;
    }

    public string New(string resourceType)
    {
        Span<byte> bytes = stackalloc byte[60];
        _random.NextBytes(bytes);
        var builder = new StringBuilder(resourceType.Length + _region.Length + 80);
        builder.Append("ocid1.").Append(resourceType).Append(".oc1.").Append(_region).Append(".a");
        for (int i = 0; i < 59; i++)
        {
            builder.Append(Base32Alphabet[bytes[i] & 31]);
        }

        return builder.ToString();
    }

    /// <summary>Compartment OCIDs have no region and are derived from the name, so a named compartment keeps its OCID across runs.</summary>
    public static string CompartmentIdFor(string name)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes("compartment:" + name));
        var builder = new StringBuilder("ocid1.compartment.oc1..aaaaaaaa", 90);
        for (int i = 0; i < 52; i++)
        {
            builder.Append(Base32Alphabet[hash[i % hash.Length] >> (i / hash.Length) & 31]);
        }

        return builder.ToString();
    }
}

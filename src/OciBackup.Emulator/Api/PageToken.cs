namespace OciBackup.Emulator.Api;

/// <summary>
/// The opaque <c>opc-next-page</c> token: standard base64 of a marker, the next offset and a hash of the query it
/// belongs to. The marker bytes make every token start with <c>+/+/</c> and the length makes it end with <c>=</c>,
/// so a client that does not percent-encode the token exactly once sends a different token and gets a 400.
/// </summary>
internal static class PageToken
{
    private static readonly byte[] Marker = { 0xFB, 0xFF, 0xBF };

    public static string Encode(int offset, uint queryHash)
    {
        Span<byte> bytes = stackalloc byte[11];
        Marker.CopyTo(bytes);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes[3..], offset);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes[7..], queryHash);
        return Convert.ToBase64String(bytes);
    }

    public static bool TryDecode(string token, uint queryHash, out int offset)
    {
        offset = 0;
        Span<byte> bytes = stackalloc byte[16];
        if (!Convert.TryFromBase64String(token, bytes, out int length) || length != 11 || !bytes[..3].SequenceEqual(Marker))
        {
            return false;
        }

        offset = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes[3..]);
        uint hash = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[7..]);
        return offset > 0 && hash == queryHash;
    }

    /// <summary>FNV-1a over the query's filters and sort (not limit, which a client may change between pages).</summary>
    public static uint HashQuery(params string?[] parts)
    {
        uint hash = 2166136261;
        foreach (string? part in parts)
        {
            foreach (char c in part ?? "\u0001")
            {
                hash = (hash ^ c) * 16777619;
            }

            hash = (hash ^ 0xFFFF) * 16777619;
        }

        return hash;
    }
}

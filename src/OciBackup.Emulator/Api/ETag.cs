namespace OciBackup.Emulator.Api;

/// <summary>An etag that changes whenever the resource's representation can change (its state or sizes).</summary>
internal static class ETag
{
    public static string For(string id, string state)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in id)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        foreach (char c in state)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}

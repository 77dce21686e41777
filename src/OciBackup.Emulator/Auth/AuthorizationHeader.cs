namespace OciBackup.Emulator.Auth;

/// <summary>
/// The parameters of <c>Authorization: Signature k="v",...</c> (draft-cavage-http-signatures-08), in any order.
/// Values are quoted and carry no escapes; a repeated or unknown-shaped parameter makes the header malformed.
/// </summary>
internal sealed class AuthorizationHeader
{
    private AuthorizationHeader(string? keyId, string? algorithm, string? version, string? headers, string? signature)
    {
        KeyId = keyId;
        Algorithm = algorithm;
        Version = version;
        Headers = headers;
        Signature = signature;
    }

    public string? KeyId { get; }

    public string? Algorithm { get; }

    public string? Version { get; }

    public string? Headers { get; }

    public string? Signature { get; }

    public static AuthorizationHeader? TryParse(string value)
    {
        ReadOnlySpan<char> text = value.AsSpan().Trim();
        const string scheme = "Signature";
        if (text.Length <= scheme.Length || !text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || text[scheme.Length] != ' ')
        {
            return null;
        }

        text = text[(scheme.Length + 1)..];
        string? keyId = null, algorithm = null, version = null, headers = null, signature = null;
        while (true)
        {
            text = text.TrimStart(' ');
            if (text.IsEmpty)
            {
                break;
            }

            int equals = text.IndexOf('=');
            if (equals <= 0 || equals + 1 >= text.Length || text[equals + 1] != '"')
            {
                return null;
            }

            ReadOnlySpan<char> name = text[..equals].Trim(' ');
            ReadOnlySpan<char> rest = text[(equals + 2)..];
            int close = rest.IndexOf('"');
            if (close < 0)
            {
                return null;
            }

            string parameterValue = rest[..close].ToString();
            bool duplicate;
            if (name.Equals("keyId", StringComparison.Ordinal))
            {
                duplicate = Assign(ref keyId, parameterValue);
            }
            else if (name.Equals("algorithm", StringComparison.Ordinal))
            {
                duplicate = Assign(ref algorithm, parameterValue);
            }
            else if (name.Equals("version", StringComparison.Ordinal))
            {
                duplicate = Assign(ref version, parameterValue);
            }
            else if (name.Equals("headers", StringComparison.Ordinal))
            {
                duplicate = Assign(ref headers, parameterValue);
            }
            else if (name.Equals("signature", StringComparison.Ordinal))
            {
                duplicate = Assign(ref signature, parameterValue);
            }
            else
            {
                duplicate = false; // draft-cavage: unknown parameters are ignored
            }

            if (duplicate)
            {
                return null;
            }

            text = rest[(close + 1)..].TrimStart(' ');
            if (text.IsEmpty)
            {
                break;
            }

            if (text[0] != ',')
            {
                return null;
            }

            text = text[1..];
        }

        return new AuthorizationHeader(keyId, algorithm, version, headers, signature);
    }

    private static bool Assign(ref string? field, string value)
    {
        if (field is not null)
        {
            return true;
        }

        field = value;
        return false;
    }
}

namespace OciBackup.Emulator.Auth;

/// <summary>Finds the public key a signature's keyId names (trusted API keys and tokens, or a federation request's certificate).</summary>
internal interface IKeyResolver
{
    TrustedKey? Resolve(string keyId, out string detail);
}

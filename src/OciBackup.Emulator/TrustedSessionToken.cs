namespace OciBackup.Emulator;

/// <summary>A session token (the JWT after <c>ST$</c>) and the PEM of the public key whose private half signs with it.</summary>
public sealed record TrustedSessionToken(string Token, string PublicKeyPem);

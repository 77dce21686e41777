namespace OciBackup.Emulator;

/// <summary>An OCI config file and profile whose key the emulator trusts.</summary>
public sealed record TrustedOciConfig(string Path, string Profile = "DEFAULT");

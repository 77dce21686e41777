namespace OciBackup.Emulator.Inventory;

/// <summary>What a retry token was first used for, and until when it is remembered.</summary>
internal sealed record RetryTokenEntry(string CanonicalRequest, string ResourceId, DateTimeOffset ExpiresAt);

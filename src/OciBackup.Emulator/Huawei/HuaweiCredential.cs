namespace OciBackup.Emulator.Huawei;

/// <summary>An AK/SK pair the emulator accepts; a temporary one also has the security token that must come (signed) with it.</summary>
public sealed record HuaweiCredential(string AccessKey, string SecretKey, string? SecurityToken = null)
{
    public override string ToString() => SecurityToken is null ? "permanent AK/SK" : "temporary AK/SK";
}

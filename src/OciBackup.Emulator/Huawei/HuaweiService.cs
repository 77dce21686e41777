namespace OciBackup.Emulator.Huawei;

/// <summary>The Huawei services the emulator plays, each on a listener of its own (as each has a host of its own).</summary>
internal enum HuaweiService
{
    Vbs,
    Rds,
}

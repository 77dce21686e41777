namespace OciBackup.Engine.Waiting
{
    internal enum BackupKind
    {
        Volume,
        VolumeGroup,
    }
}

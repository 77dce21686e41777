namespace OciBackup.Engine.Waiting
{
    public enum BackupKind
    {
        Volume,
        VolumeGroup,
    }
}

namespace OciBackup.Engine.Models
{
    /// <summary>The kind of backup to create. Sent as <c>FULL</c> / <c>INCREMENTAL</c>; the service's default is incremental.</summary>
    internal enum BackupType
    {
        Full,
        Incremental,
    }
}

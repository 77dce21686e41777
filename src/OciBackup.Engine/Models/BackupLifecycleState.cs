namespace OciBackup.Engine.Models
{
    /// <summary>Lifecycle states of volume and volume group backups.</summary>
    public enum BackupLifecycleState
    {
        /// <summary>A state this version does not know; the raw string is in LifecycleState.</summary>
        Unknown,
        RequestReceived,
        Creating,
        Committed,
        Available,
        Terminating,
        Terminated,
        Faulty,
    }
}

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// Which backups of a compartment to list. Every filter of ListVolumeBackups exists here; ListVolumeGroupBackups
    /// lacks the lifecycle state and the copied-from filters, so for group backups those are applied to what it
    /// returns, and the caller gets the same answer for both kinds.
    /// </summary>
    internal sealed class BackupFilter
    {
        public BackupFilter(string compartmentId)
        {
            CompartmentId = compartmentId;
        }

        public string CompartmentId { get; }

        /// <summary>Backups of this volume (volume backups) or volume group (group backups).</summary>
        public string? SourceId { get; set; }

        /// <summary>Exact display name.</summary>
        public string? DisplayName { get; set; }

        /// <summary>A lifecycle state in the service's spelling (<c>AVAILABLE</c>).</summary>
        public string? LifecycleState { get; set; }

        /// <summary>Copies of this backup (in the region listed): <c>sourceVolumeBackupId</c>, or a group backup's <c>sourceVolumeGroupBackupId</c>.</summary>
        public string? CopiedFromId { get; set; }

        /// <summary><c>TIMECREATED</c> (newest first by default) or <c>DISPLAYNAME</c> (A to Z by default); null for the service's default.</summary>
        public string? SortBy { get; set; }

        /// <summary><c>ASC</c> or <c>DESC</c>; null for the service's default.</summary>
        public string? SortOrder { get; set; }
    }
}

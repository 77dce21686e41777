using System;

namespace OciBackup.Engine.Retention
{
    /// <summary>Which rules chose a backup for removal.</summary>
    [Flags]
    internal enum RetentionRule
    {
        None = 0,

        /// <summary>Beyond the newest N AVAILABLE backups of its source (or FAULTY, which never counts among them).</summary>
        KeepLast = 1,

        /// <summary>Created longer ago than the age given.</summary>
        OlderThan = 2,

        /// <summary>Asked for by its OCID or display name.</summary>
        Named = 4,
    }
}

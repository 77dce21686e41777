using System;
using System.Collections;
using System.Collections.Specialized;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// The counters of a running emulator (Get-OciEmulatorState), read from its <c>GET /admin/state</c>: requests (by
    /// operation and region), refused signatures, faults injected and in force, backups created, in total and per volume
    /// and volume group, and copies, deletions and restores, in total and per backup. Retry-token replays never count as created, so "exactly one backup per volume" is
    /// <c>VolumeBackupsCreated[$id] -eq 1</c>. Hashtable keys are case-insensitive.
    /// </summary>
    public sealed class OciEmulatorState
    {
        internal OciEmulatorState(string url)
        {
            Url = url;
        }

        /// <summary>The emulator these counters are from.</summary>
        public string Url { get; }

        /// <summary>The emulator's clock when it answered (shifted by ClockSkewSeconds).</summary>
        public DateTimeOffset? Time { get; internal set; }

        /// <summary>API requests received (under /20160918), refused ones included; admin requests are not counted.</summary>
        public long Requests { get; internal set; }

        /// <summary>API requests whose signature verified.</summary>
        public long AuthenticatedRequests { get; internal set; }

        /// <summary>API requests refused with 401.</summary>
        public long AuthenticationFailures { get; internal set; }

        /// <summary>Refused requests by reason (BadSignature, DateOutOfRange, UnknownKey, ...).</summary>
        public Hashtable AuthenticationFailuresByReason { get; internal set; } = NewTable();

        /// <summary>Authenticated requests by operation (CreateVolumeBackup, ListVolumeBackups, ...).</summary>
        public Hashtable RequestsByOperation { get; internal set; } = NewTable();

        /// <summary>Authenticated requests by the region whose endpoint was called.</summary>
        public Hashtable RequestsByRegion { get; internal set; } = NewTable();

        /// <summary>Admin requests (these counters, fault changes).</summary>
        public long AdminRequests { get; internal set; }

        /// <summary>Faults injected so far, by kind (RateLimited, DroppedResponse, ServiceUnavailable, FaultyBackup, ...).</summary>
        public Hashtable FaultCounts { get; internal set; } = NewTable();

        /// <summary>The faults in force, by Set-OciEmulatorFault's parameter names (RateLimit, DropShare, ...), in that command's order.</summary>
        public OrderedDictionary Faults { get; internal set; } = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);

        /// <summary>Volume backups created (members of volume group backups included).</summary>
        public long VolumeBackups { get; internal set; }

        /// <summary>Volume group backups created.</summary>
        public long VolumeGroupBackups { get; internal set; }

        /// <summary>Volume backups created per volume OCID, every volume of the inventory listed.</summary>
        public Hashtable VolumeBackupsCreated { get; internal set; } = NewTable();

        /// <summary>Volume group backups created per volume group OCID.</summary>
        public Hashtable VolumeGroupBackupsCreated { get; internal set; } = NewTable();

        /// <summary>Cross-region copies made of volume backups (members of copied group backups included); retry-token replays never count.</summary>
        public long VolumeBackupCopiesMade { get; internal set; }

        public long VolumeGroupBackupCopiesMade { get; internal set; }

        /// <summary>Volume backups deleted (members of deleted group backups included).</summary>
        public long VolumeBackupsDeleted { get; internal set; }

        public long VolumeGroupBackupsDeleted { get; internal set; }

        /// <summary>Volumes restored from volume backups (members of restored volume groups included).</summary>
        public long VolumesRestored { get; internal set; }

        public long VolumeGroupsRestored { get; internal set; }

        /// <summary>Copies made per backup OCID (either kind), for backups with at least one copy, restore or deletion.</summary>
        public Hashtable CopiesMade { get; internal set; } = NewTable();

        /// <summary>Volumes (or volume groups) restored per backup OCID.</summary>
        public Hashtable Restores { get; internal set; } = NewTable();

        /// <summary>1 per deleted backup OCID.</summary>
        public Hashtable Deletes { get; internal set; } = NewTable();

        /// <summary>Huawei Cloud side (Start-OciEmulator -Huawei): requests to VBS and RDS, refused ones included; 0 without one.</summary>
        public long HwcRequests { get; internal set; }

        public long HwcAuthenticationFailures { get; internal set; }

        /// <summary>Refused Huawei requests by reason (BadSignature, DateOutOfRange, UnknownAccessKey, SecurityTokenMismatch, ...).</summary>
        public Hashtable HwcAuthenticationFailuresByReason { get; internal set; } = NewTable();

        /// <summary>Authenticated Huawei requests by operation (CreateBackup, ShowJob, ListBackupsDetails, CreateManualBackup, ListBackups, ...).</summary>
        public Hashtable HwcRequestsByOperation { get; internal set; } = NewTable();

        /// <summary>Huawei requests answered 429 by the rate limit.</summary>
        public long HwcThrottledRequests { get; internal set; }

        /// <summary>VBS backup jobs made (one per create performed).</summary>
        public long HwcVolumeBackupJobs { get; internal set; }

        /// <summary>RDS manual backups made.</summary>
        public long HwcRdsBackups { get; internal set; }

        /// <summary>VBS backups made per EVS disk id, every disk of the Huawei inventory listed: "exactly once" is <c>HwcVolumeBackupsCreated[$id] -eq 1</c>.</summary>
        public Hashtable HwcVolumeBackupsCreated { get; internal set; } = NewTable();

        /// <summary>RDS backups made per instance id, every instance listed.</summary>
        public Hashtable HwcRdsBackupsCreated { get; internal set; } = NewTable();

        internal static Hashtable NewTable() => new Hashtable(StringComparer.OrdinalIgnoreCase);
    }
}

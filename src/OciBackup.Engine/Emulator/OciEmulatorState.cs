using System;
using System.Collections;
using System.Collections.Specialized;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// The counters of a running emulator (Get-OciEmulatorState), read from its <c>GET /admin/state</c>: requests,
    /// refused signatures, faults injected and in force, and backups created, in total and per volume and volume
    /// group. Retry-token replays never count as created, so "exactly one backup per volume" is
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

        internal static Hashtable NewTable() => new Hashtable(StringComparer.OrdinalIgnoreCase);
    }
}

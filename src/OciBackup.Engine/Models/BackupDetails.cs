using System.Collections.Generic;

namespace OciBackup.Engine.Models
{
    /// <summary>What every backup of one run asks for besides its source: name, type, tags, key, compartment.</summary>
    internal sealed class BackupDetails
    {
        public string? DisplayName { get; set; }

        /// <summary>Null for the service's default (INCREMENTAL).</summary>
        public BackupType? Type { get; set; }

        /// <summary>A customer-managed key; volume backups only.</summary>
        public string? KmsKeyId { get; set; }

        /// <summary>Where the backup goes; volume group backups only (by default the group's own compartment).</summary>
        public string? CompartmentId { get; set; }

        public Dictionary<string, string>? FreeformTags { get; set; }

        public Dictionary<string, Dictionary<string, object>>? DefinedTags { get; set; }

        /// <summary>How a person reads what is made: <c>a full backup 'nightly'</c>.</summary>
        public string Describe() =>
            (Type == null ? "a" : Type == BackupType.Full ? "a full" : "an incremental") + " backup" + (DisplayName == null ? string.Empty : $" '{DisplayName}'");
    }
}

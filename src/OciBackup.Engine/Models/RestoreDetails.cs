using System.Collections.Generic;

namespace OciBackup.Engine.Models
{
    /// <summary>What every volume (or volume group) restored in one run asks for besides its backup.</summary>
    internal sealed class RestoreDetails
    {
        /// <param name="availabilityDomain">Null for the first of the backup's region's domains by name.</param>
        public RestoreDetails(string? availabilityDomain = null)
        {
            AvailabilityDomain = availabilityDomain;
        }

        /// <summary>
        /// An availability domain of the backup's region (<c>Uocm:PHX-AD-1</c>), any of which can restore it; the service
        /// requires one. Null: the first of the region's domains by name.
        /// </summary>
        public string? AvailabilityDomain { get; }

        /// <summary>Where the new volume goes; by default the backup's own compartment.</summary>
        public string? CompartmentId { get; set; }

        public string? DisplayName { get; set; }

        /// <summary>Volumes only: at least the backup's size; by default the backup's size.</summary>
        public long? SizeInGBs { get; set; }

        /// <summary>Volumes only: 0 lower cost, 10 balanced, 20 higher performance, 30 to 120 ultra high.</summary>
        public long? VpusPerGB { get; set; }

        /// <summary>Volumes only: the Vault key of the new volume.</summary>
        public string? KmsKeyId { get; set; }

        public Dictionary<string, string>? FreeformTags { get; set; }

        public Dictionary<string, Dictionary<string, object>>? DefinedTags { get; set; }
    }
}

namespace OciBackup.Engine.Models
{
    /// <summary>Which volumes or volume groups of a compartment to list. The service has no tag filter: select by tag from what comes back.</summary>
    internal sealed class VolumeFilter
    {
        public VolumeFilter(string compartmentId)
        {
            CompartmentId = compartmentId;
        }

        public string CompartmentId { get; }

        /// <summary>Only those in this availability domain (<c>Uocm:PHX-AD-1</c>).</summary>
        public string? AvailabilityDomain { get; set; }

        /// <summary>Exact display name.</summary>
        public string? DisplayName { get; set; }

        /// <summary>A lifecycle state in the service's spelling (<c>AVAILABLE</c>).</summary>
        public string? LifecycleState { get; set; }

        /// <summary>Volumes only: the members of this volume group.</summary>
        public string? VolumeGroupId { get; set; }

        /// <summary><c>TIMECREATED</c> or <c>DISPLAYNAME</c>; without an availability domain the service groups by domain first.</summary>
        public string? SortBy { get; set; }

        /// <summary><c>ASC</c> or <c>DESC</c>.</summary>
        public string? SortOrder { get; set; }
    }
}

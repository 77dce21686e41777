using System;

namespace OciBackup.Engine.Bulk
{
    /// <summary>One item fed to a bulk run: the OCID the operation acts on, and what is known of where it lives.</summary>
    internal sealed class BulkItem
    {
        /// <param name="region">The region it is in; null for the session's own.</param>
        /// <param name="compartmentId">Its compartment when known (a piped object's), so waits can list instead of get.</param>
        public BulkItem(string id, string? region = null, string? compartmentId = null)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Region = region;
            CompartmentId = compartmentId;
        }

        public string Id { get; }

        public string? Region { get; }

        public string? CompartmentId { get; }

        public override string ToString() => Id;
    }
}

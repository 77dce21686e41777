using System.Collections.Generic;
using OciBackup.Engine.Kinds;

namespace OciBackup.Engine.Waiting
{
    /// <summary>While a round is planned: the pending resources one list of a compartment may answer, its own and those known by id alone.</summary>
    internal sealed class SweepGroup
    {
        public SweepGroup(string key, ResourceKind kind, string? region, string compartmentId)
        {
            Key = key;
            Kind = kind;
            Region = region;
            CompartmentId = compartmentId;
        }

        public string Key { get; }

        public ResourceKind Kind { get; }

        public string? Region { get; }

        public string CompartmentId { get; }

        /// <summary>Pending resources known to live in the compartment.</summary>
        public List<TrackedResource> Members { get; } = new List<TrackedResource>();

        /// <summary>Pending resources of unknown compartment that most likely live here too.</summary>
        public List<TrackedResource> Guests { get; } = new List<TrackedResource>();
    }
}

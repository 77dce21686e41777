using System;
using OciBackup.Engine.Kinds;

namespace OciBackup.Engine.Waiting
{
    /// <summary>A resource to wait for. What is known of it (compartment, time requested) lets the waiter poll less.</summary>
    internal sealed class WaitTarget
    {
        /// <param name="region">The region it lives in; null for the session's own.</param>
        /// <param name="state">The state to wait for when it is not the waiter's (waiting on several kinds, each for its own ready state).</param>
        /// <param name="requestedJustNow">What is waited for was asked of the service just now (a bulk run's own call), so it cannot be there yet, however old the resource.</param>
        public WaitTarget(string id, ResourceKind kind, string? compartmentId = null, DateTimeOffset? timeRequestReceived = null, object? tag = null, string? region = null,
            string? state = null, bool requestedJustNow = false)
        {
            State = state;
            RequestedJustNow = requestedJustNow;
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Kind = kind ?? throw new ArgumentNullException(nameof(kind));
            CompartmentId = compartmentId;
            TimeRequestReceived = timeRequestReceived;
            Tag = tag;
            Region = region;
        }

        public string Id { get; }

        public ResourceKind Kind { get; }

        public string? CompartmentId { get; }

        public DateTimeOffset? TimeRequestReceived { get; }

        /// <summary>The caller's own object for this target (a cmdlet's input item), handed back in every callback.</summary>
        public object? Tag { get; }

        public string? Region { get; }

        /// <summary>The state this target waits for; null for the waiter's.</summary>
        public string? State { get; }

        /// <summary>What is waited for was asked of the service just now (a deletion just accepted): the first poll need not come at once.</summary>
        public bool RequestedJustNow { get; }

        public override string ToString() => Kind.Describe(Id);
    }
}

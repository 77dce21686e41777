using System;

namespace OciBackup.Engine.Waiting
{
    /// <summary>A backup to wait for. What is known of it (compartment, time requested) lets the waiter poll less.</summary>
    internal sealed class WaitTarget
    {
        public WaitTarget(string id, BackupKind kind, string? compartmentId = null, DateTimeOffset? timeRequestReceived = null, object? tag = null)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Kind = kind;
            CompartmentId = compartmentId;
            TimeRequestReceived = timeRequestReceived;
            Tag = tag;
        }

        public string Id { get; }

        public BackupKind Kind { get; }

        public string? CompartmentId { get; }

        public DateTimeOffset? TimeRequestReceived { get; }

        /// <summary>The caller's own object for this target (a cmdlet's input item), handed back in every callback.</summary>
        public object? Tag { get; }

        public override string ToString() => $"{Kind} backup {Id}";
    }
}

using System;

namespace OciBackup.Engine.Models
{
    /// <summary>
    /// What the engine reads of any resource it lists, waits on and reports (backups, volumes, volume groups): where
    /// it is, what it is called and how far along its lifecycle it has come.
    /// </summary>
    internal interface ILifecycleResource
    {
        string Id { get; }

        string? CompartmentId { get; }

        string? DisplayName { get; }

        /// <summary>The state exactly as the service sent it.</summary>
        string? LifecycleState { get; }

        DateTimeOffset? TimeCreated { get; }

        /// <summary>When it was asked for, as far as the service says (a backup's timeRequestReceived, else its creation time).</summary>
        DateTimeOffset? TimeRequested { get; }

        /// <summary>The region it lives in: the region of the client that read it.</summary>
        string? Region { get; set; }
    }
}

using System;
using System.Collections.Generic;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Waiting
{
    /// <summary>One backup being watched, for every target that names it. Mutated only under the waiter's lock.</summary>
    internal sealed class TrackedBackup
    {
        public TrackedBackup(WaitTarget first, DateTimeOffset addedAt, DateTimeOffset? deadline)
        {
            Id = first.Id;
            Kind = first.Kind;
            CompartmentId = first.CompartmentId;
            Targets.Add(first);
            AddedAt = addedAt;
            Deadline = deadline;
            // A clock skewed ahead of ours must not make a backup look younger than the wait for it.
            Start = first.TimeRequestReceived is DateTimeOffset requested && requested < addedAt ? requested : addedAt;
            RequestedAt = first.TimeRequestReceived;
            NextPollAt = addedAt;
        }

        public string Id { get; }

        public BackupKind Kind { get; }

        public List<WaitTarget> Targets { get; } = new List<WaitTarget>();

        public string? CompartmentId { get; private set; }

        public DateTimeOffset AddedAt { get; }

        /// <summary>When the backup was requested, as far as is known: its age is counted from here.</summary>
        public DateTimeOffset Start { get; private set; }

        public DateTimeOffset? Deadline { get; }

        public DateTimeOffset NextPollAt { get; set; }

        /// <summary>Where the backup sorts in a list by time created, when known.</summary>
        public DateTimeOffset? CreatedAt => LastSeen?.TimeCreated ?? LastSeen?.TimeRequestReceived ?? RequestedAt;

        public BackupResource? LastSeen { get; private set; }

        /// <summary>Seen short of the state at least once, so the time it took is known (roughly).</summary>
        public bool SeenPending { get; set; }

        /// <summary>The last transient poll failure since the last answer.</summary>
        public Exception? LastError { get; set; }

        /// <summary>A complete list of its compartment did not show it: poll it with gets.</summary>
        public bool MissedByList { get; set; }

        public bool IsFinished { get; private set; }

        public BackupResource? ReachedAs { get; private set; }

        public WaitFailure? Failure { get; private set; }

        private DateTimeOffset? RequestedAt { get; set; }

        public string Description => Describe(Kind, Id);

        public static string Describe(BackupKind kind, string id) =>
            (kind == BackupKind.Volume ? "Volume backup " : "Volume group backup ") + id;

        public void See(BackupResource backup)
        {
            if (LastSeen == null && RequestedAt == null)
            {
                RequestedAt = backup.TimeRequestReceived ?? backup.TimeCreated;
                if (RequestedAt is DateTimeOffset requested && requested < Start)
                {
                    Start = requested;
                }
            }

            if (!string.IsNullOrEmpty(backup.CompartmentId) && backup.CompartmentId != CompartmentId)
            {
                CompartmentId = backup.CompartmentId;
                MissedByList = false;
            }

            LastSeen = backup;
            LastError = null;
        }

        public void Reach(BackupResource backup)
        {
            IsFinished = true;
            ReachedAs = backup;
        }

        public void Fail(WaitFailure failure)
        {
            IsFinished = true;
            Failure = failure;
        }
    }
}

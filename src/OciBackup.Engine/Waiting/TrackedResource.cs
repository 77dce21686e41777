using System;
using System.Collections.Generic;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Waiting
{
    /// <summary>One resource being watched, for every target that names it. Mutated only under the waiter's lock.</summary>
    internal sealed class TrackedResource
    {
        private readonly bool _agedFromRequest;

        /// <param name="agedFromRequest">
        /// Whether its age counts from when it was asked for (a backup being made); false when the wait is for its
        /// deletion, which began with the wait, however long ago the backup itself was made.
        /// </param>
        public TrackedResource(WaitTarget first, DateTimeOffset addedAt, DateTimeOffset? deadline, bool agedFromRequest = true)
        {
            _agedFromRequest = agedFromRequest;
            Id = first.Id;
            Kind = first.Kind;
            Region = first.Region;
            WantedState = first.State;
            CompartmentId = first.CompartmentId;
            Targets.Add(first);
            AddedAt = addedAt;
            Deadline = deadline;
            // A clock skewed ahead of ours must not make a resource look younger than the wait for it.
            Start = agedFromRequest && first.TimeRequestReceived is DateTimeOffset requested && requested < addedAt ? requested : addedAt;
            RequestedAt = first.TimeRequestReceived;
            NextPollAt = addedAt;
        }

        public string Id { get; }

        public ResourceKind Kind { get; }

        /// <summary>The region it is polled in; null for the session's own.</summary>
        public string? Region { get; }

        /// <summary>The state it is waited for in, when not the waiter's.</summary>
        public string? WantedState { get; }

        public List<WaitTarget> Targets { get; } = new List<WaitTarget>();

        public string? CompartmentId { get; private set; }

        public DateTimeOffset AddedAt { get; }

        /// <summary>When the resource was requested, as far as is known: its age is counted from here.</summary>
        public DateTimeOffset Start { get; private set; }

        public DateTimeOffset? Deadline { get; }

        public DateTimeOffset NextPollAt { get; set; }

        /// <summary>When it was due before its compartment's list was held back for targets still coming; null when not held.</summary>
        public DateTimeOffset? DueBeforeHold { get; set; }

        /// <summary>Where the resource sorts in a list by time created, when known.</summary>
        public DateTimeOffset? CreatedAt => LastSeen?.TimeCreated ?? LastSeen?.TimeRequested ?? RequestedAt;

        public ILifecycleResource? LastSeen { get; private set; }

        /// <summary>Seen short of the state at least once, so the time it took is known (roughly).</summary>
        public bool SeenPending { get; set; }

        /// <summary>The last transient poll failure since the last answer.</summary>
        public Exception? LastError { get; set; }

        /// <summary>A complete list of its compartment did not show it: poll it with gets.</summary>
        public bool MissedByList { get; set; }

        public bool IsFinished { get; private set; }

        public ILifecycleResource? ReachedAs { get; private set; }

        public WaitFailure? Failure { get; private set; }

        private DateTimeOffset? RequestedAt { get; set; }

        public string Description => Kind.Describe(Id);

        public void See(ILifecycleResource resource)
        {
            if (LastSeen == null && RequestedAt == null)
            {
                RequestedAt = resource.TimeRequested;
                if (_agedFromRequest && RequestedAt is DateTimeOffset requested && requested < Start)
                {
                    Start = requested;
                }
            }

            if (!string.IsNullOrEmpty(resource.CompartmentId) && resource.CompartmentId != CompartmentId)
            {
                CompartmentId = resource.CompartmentId;
                MissedByList = false;
            }

            LastSeen = resource;
            LastError = null;
        }

        public void Reach(ILifecycleResource resource)
        {
            IsFinished = true;
            ReachedAs = resource;
        }

        public void Fail(WaitFailure failure)
        {
            IsFinished = true;
            Failure = failure;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using OciBackup.Engine.Waiting;

namespace OciBackup.Engine.Kinds
{
    /// <summary>
    /// The lifecycle of one kind of resource: the states on the way to ready (in order), the state that means it
    /// failed, and the two of deletion. Judges an observed state against a wanted one the same way for every kind.
    /// </summary>
    internal sealed class LifecycleStates
    {
        private readonly IReadOnlyList<string> _road;

        /// <param name="road">The states from requested to ready, in order; the last is the ready state (AVAILABLE).</param>
        public LifecycleStates(IEnumerable<string> road, string faulty, string deleting, string deleted, params string[] others)
        {
            _road = road.ToList();
            if (_road.Count == 0)
            {
                throw new ArgumentException("A lifecycle needs at least its ready state.", nameof(road));
            }

            Faulty = faulty;
            Deleting = deleting;
            Deleted = deleted;
            All = _road.Concat(new[] { faulty, deleting, deleted }).Concat(others).ToList();
        }

        /// <summary>The state of a resource ready for use: AVAILABLE.</summary>
        public string Ready => _road[_road.Count - 1];

        public string Faulty { get; }

        public string Deleting { get; }

        public string Deleted { get; }

        /// <summary>Every state the service documents for this kind, in the service's spelling.</summary>
        public IReadOnlyList<string> All { get; }

        /// <summary>States nothing more happens in by itself: ready, faulty, deleted.</summary>
        public IReadOnlyList<string> Final => new[] { Ready, Faulty, Deleted };

        public bool Knows(string? state) => state != null && All.Contains(state, StringComparer.OrdinalIgnoreCase);

        public bool IsFinal(string? state) => state != null && Final.Contains(state, StringComparer.OrdinalIgnoreCase);

        public bool IsDeletion(string? state) => Same(state, Deleting) || Same(state, Deleted);

        /// <summary>
        /// For a state on the way to ready, one further along counts as reached; faulty and deleted ones never get
        /// there. Waiting for deletion or failure waits through everything else.
        /// </summary>
        public StateVerdict Judge(string wanted, string? observed)
        {
            if (Same(observed, wanted))
            {
                return StateVerdict.Reached;
            }

            var wantedRank = Rank(wanted);
            if (wantedRank > 0)
            {
                if (Rank(observed) >= wantedRank)
                {
                    return StateVerdict.Reached;
                }

                if (Same(observed, Faulty))
                {
                    return StateVerdict.Faulty;
                }

                return IsDeletion(observed) ? StateVerdict.Terminated : StateVerdict.Pending;
            }

            if (Same(wanted, Deleting))
            {
                return Same(observed, Deleted) ? StateVerdict.Reached : StateVerdict.Pending;
            }

            // A faulty resource may still be deleted, but a deleted one will never turn faulty.
            if (Same(wanted, Faulty))
            {
                return IsDeletion(observed) ? StateVerdict.Terminated : StateVerdict.Pending;
            }

            return StateVerdict.Pending;
        }

        private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>Position on the way to ready, from 1; 0 for states off that road (and for unknown ones).</summary>
        private int Rank(string? state)
        {
            for (var i = 0; i < _road.Count; i++)
            {
                if (Same(_road[i], state))
                {
                    return i + 1;
                }
            }

            return 0;
        }
    }
}

using OciBackup.Engine.Models;

namespace OciBackup.Engine.Waiting
{
    /// <summary>Judges an observed lifecycle state against the state waited for.</summary>
    internal static class StateVerdicts
    {
        public static StateVerdict Judge(BackupLifecycleState wanted, BackupLifecycleState observed)
        {
            if (observed == wanted)
            {
                return StateVerdict.Reached;
            }

            var wantedRank = CreationRank(wanted);
            if (wantedRank > 0)
            {
                if (CreationRank(observed) >= wantedRank)
                {
                    return StateVerdict.Reached;
                }

                return observed switch
                {
                    BackupLifecycleState.Faulty => StateVerdict.Faulty,
                    BackupLifecycleState.Terminating => StateVerdict.Terminated,
                    BackupLifecycleState.Terminated => StateVerdict.Terminated,
                    _ => StateVerdict.Pending,
                };
            }

            switch (wanted)
            {
                case BackupLifecycleState.Terminating:
                    return observed == BackupLifecycleState.Terminated ? StateVerdict.Reached : StateVerdict.Pending;
                case BackupLifecycleState.Faulty:
                    // A faulty backup may still be deleted, but a deleted one will never turn faulty.
                    return observed == BackupLifecycleState.Terminating || observed == BackupLifecycleState.Terminated
                        ? StateVerdict.Terminated
                        : StateVerdict.Pending;
                default:
                    return StateVerdict.Pending;
            }
        }

        /// <summary>Position on the way to AVAILABLE; 0 for states off that road (and for unknown ones).</summary>
        private static int CreationRank(BackupLifecycleState state)
        {
            switch (state)
            {
                case BackupLifecycleState.RequestReceived: return 1;
                case BackupLifecycleState.Creating: return 2;
                case BackupLifecycleState.Committed: return 3;
                case BackupLifecycleState.Available: return 4;
                default: return 0;
            }
        }
    }
}

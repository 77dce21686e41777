using System;

namespace OciBackup.Engine.Models
{
    /// <summary>Converts between the service's state strings and <see cref="BackupLifecycleState"/>.</summary>
    internal static class BackupLifecycleStates
    {
        public static BackupLifecycleState Parse(string? value)
        {
            switch (value?.ToUpperInvariant())
            {
                case "REQUEST_RECEIVED": return BackupLifecycleState.RequestReceived;
                case "CREATING": return BackupLifecycleState.Creating;
                case "COMMITTED": return BackupLifecycleState.Committed;
                case "AVAILABLE": return BackupLifecycleState.Available;
                case "TERMINATING": return BackupLifecycleState.Terminating;
                case "TERMINATED": return BackupLifecycleState.Terminated;
                case "FAULTY": return BackupLifecycleState.Faulty;
                default: return BackupLifecycleState.Unknown;
            }
        }

        public static string ToServiceString(BackupLifecycleState state)
        {
            switch (state)
            {
                case BackupLifecycleState.RequestReceived: return "REQUEST_RECEIVED";
                case BackupLifecycleState.Unknown: throw new ArgumentOutOfRangeException(nameof(state), "Unknown has no service spelling.");
                default: return state.ToString().ToUpperInvariant();
            }
        }
    }
}

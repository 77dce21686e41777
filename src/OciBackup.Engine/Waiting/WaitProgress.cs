using System;

namespace OciBackup.Engine.Waiting
{
    /// <summary>How a wait is going: done of total, and the target that has been pending longest.</summary>
    internal sealed class WaitProgress
    {
        public WaitProgress(int done, int total, WaitTarget? slowestPending, TimeSpan slowestElapsed, string? slowestState)
        {
            Done = done;
            Total = total;
            SlowestPending = slowestPending;
            SlowestElapsed = slowestElapsed;
            SlowestState = slowestState;
        }

        /// <summary>Targets that reached the state or failed.</summary>
        public int Done { get; }

        /// <summary>Targets added so far.</summary>
        public int Total { get; }

        public WaitTarget? SlowestPending { get; }

        public TimeSpan SlowestElapsed { get; }

        /// <summary>The last state seen of the slowest target (raw), when known.</summary>
        public string? SlowestState { get; }
    }
}

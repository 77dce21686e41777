using System;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine
{
    /// <summary>The real delay.</summary>
    internal sealed class TaskDelay : IDelay
    {
        public static TaskDelay Instance { get; } = new TaskDelay();

        private TaskDelay()
        {
        }

        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
    }
}

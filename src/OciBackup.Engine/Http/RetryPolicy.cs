using System;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// PLACEHOLDER SHAPE (to be completed under issue 6): how many attempts a call gets and for how long.
    /// </summary>
    public sealed class RetryPolicy
    {
        public RetryPolicy(int maxAttempts, TimeSpan maxElapsed)
        {
            if (maxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxAttempts), "At least one attempt.");
            }

            MaxAttempts = maxAttempts;
            MaxElapsed = maxElapsed;
        }

        /// <summary>Oracle's SDK defaults: 8 attempts within 600 s.</summary>
        public static RetryPolicy Default { get; } = new RetryPolicy(8, TimeSpan.FromSeconds(600));

        /// <summary>One attempt, no retry (-NoRetry).</summary>
        public static RetryPolicy None { get; } = new RetryPolicy(1, TimeSpan.Zero);

        public int MaxAttempts { get; }

        public TimeSpan MaxElapsed { get; }
    }
}

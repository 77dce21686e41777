using System;

namespace OciBackup.Engine.Http
{
    /// <summary>One retry about to happen: which call, which attempt failed, why, and how long until the next.</summary>
    internal sealed class RetryNotice
    {
        public RetryNotice(string method, string path, int failedAttempt, int maxAttempts, string reason, TimeSpan delay, bool throttled)
        {
            Method = method;
            Path = path;
            FailedAttempt = failedAttempt;
            MaxAttempts = maxAttempts;
            Reason = reason;
            Delay = delay;
            Throttled = throttled;
        }

        public string Method { get; }

        public string Path { get; }

        /// <summary>1-based number of the attempt that just failed.</summary>
        public int FailedAttempt { get; }

        public int MaxAttempts { get; }

        /// <summary>E.g. <c>429 TooManyRequests</c>, <c>503 ServiceUnavailable</c>, <c>timeout after 60 s</c>, <c>connection failed</c>.</summary>
        public string Reason { get; }

        public TimeSpan Delay { get; }

        /// <summary>True when the service said it was overloaded (429): bulk callers should slow down.</summary>
        public bool Throttled { get; }

        public override string ToString() =>
            $"{Method} {Path}: attempt {FailedAttempt} of {MaxAttempts} failed ({Reason}); retrying in {Delay.TotalSeconds:0.0} s.";
    }
}

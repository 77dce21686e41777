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

        /// <summary>
        /// A call the service turned away for a limit only time relieves (its cap on cross-region copies at once), asked
        /// again with no cap on attempts until the caller's time runs out: <see cref="MaxAttempts"/> is 0.
        /// </summary>
        public static RetryNotice Paced(string method, string path, int refusal, string reason, TimeSpan delay) =>
            new RetryNotice(method, path, refusal, 0, reason, delay, throttled: true);

        public string Method { get; }

        public string Path { get; }

        /// <summary>1-based number of the attempt that just failed.</summary>
        public int FailedAttempt { get; }

        /// <summary>Attempts allowed in all; 0 when only time limits them (<see cref="Paced"/>).</summary>
        public int MaxAttempts { get; }

        /// <summary>E.g. <c>429 TooManyRequests</c>, <c>503 ServiceUnavailable</c>, <c>timeout after 60 s</c>, <c>connection failed</c>.</summary>
        public string Reason { get; }

        public TimeSpan Delay { get; }

        /// <summary>True when the service said it was overloaded (429): bulk callers should slow down.</summary>
        public bool Throttled { get; }

        /// <summary>A refusal for a limit on work in progress (<see cref="Paced"/>), not for the request rate.</summary>
        public bool IsLimitRefusal => MaxAttempts == 0;

        public override string ToString() =>
            MaxAttempts == 0
                ? $"{Method} {Path}: refused ({Reason}) for the {Ordinal(FailedAttempt)} time, the service's limit; asking again in {Delay.TotalSeconds:0.0} s."
                : $"{Method} {Path}: attempt {FailedAttempt} of {MaxAttempts} failed ({Reason}); retrying in {Delay.TotalSeconds:0.0} s.";

        private static string Ordinal(int n) =>
            n % 100 >= 11 && n % 100 <= 13 ? n + "th" : (n % 10) switch { 1 => n + "st", 2 => n + "nd", 3 => n + "rd", _ => n + "th" };
    }
}

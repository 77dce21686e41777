using System;
using OciBackup.Engine;

namespace OciBackup.Tests
{
    /// <summary>A clock that says what the test sets.</summary>
    public sealed class FixedClock : IClock
    {
        public FixedClock(DateTimeOffset now)
        {
            UtcNow = now;
        }

        public DateTimeOffset UtcNow { get; set; }
    }
}

using System;
using OciBackup.Engine;

namespace OciBackup.Tests
{
    /// <summary>The client's clock read from the emulator's (fake) time provider, so both sides agree on "now" as a test moves it.</summary>
    public sealed class TimeProviderClock : IClock
    {
        private readonly TimeProvider _time;

        public TimeProviderClock(TimeProvider time)
        {
            _time = time;
        }

        public DateTimeOffset UtcNow => _time.GetUtcNow();
    }
}

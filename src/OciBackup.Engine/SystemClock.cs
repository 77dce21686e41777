using System;

namespace OciBackup.Engine
{
    internal sealed class SystemClock : IClock
    {
        public static SystemClock Instance { get; } = new SystemClock();

        private SystemClock()
        {
        }

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
    }
}

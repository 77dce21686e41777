using System;

namespace OciBackup.Engine
{
    /// <summary>The current time, injected so signing, retries and waiting can be tested without sleeping.</summary>
    internal interface IClock
    {
        DateTimeOffset UtcNow { get; }
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine
{
    /// <summary>Waiting for a while, injected so retry and polling tests run without sleeping.</summary>
    internal interface IDelay
    {
        Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
    }
}

using System;

namespace OciBackup.Engine
{
    /// <summary>
    /// One shared <see cref="Random"/> behind a lock: netstandard2.0 has no Random.Shared, and
    /// jitter is drawn once per retry, so the lock is never contended enough to matter.
    /// </summary>
    internal sealed class ThreadSafeRandom : IRandomSource
    {
        private readonly object _gate = new object();
        private readonly Random _random;

        public ThreadSafeRandom()
            : this(new Random())
        {
        }

        public ThreadSafeRandom(int seed)
            : this(new Random(seed))
        {
        }

        private ThreadSafeRandom(Random random)
        {
            _random = random;
        }

        public static ThreadSafeRandom Instance { get; } = new ThreadSafeRandom();

        public double NextDouble()
        {
            lock (_gate)
            {
                return _random.NextDouble();
            }
        }
    }
}

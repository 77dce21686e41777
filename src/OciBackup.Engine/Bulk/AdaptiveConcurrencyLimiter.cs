using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// How many calls a bulk run keeps in flight, found as TCP finds its window: additive increase
    /// (one more after a limit's worth of successes), multiplicative decrease (halved when the service
    /// answers 429). Lowering the limit never stops calls already running; it holds back new ones
    /// until fewer than the limit are in flight. Waiters are served first come, first served.
    /// Thread-safe.
    /// </summary>
    internal sealed class AdaptiveConcurrencyLimiter
    {
        /// <summary>Long enough to take in one burst of 429s (the calls in flight when the service began refusing answer within about a round trip of each other).</summary>
        public static readonly TimeSpan DefaultDecreaseCooldown = TimeSpan.FromSeconds(1);

        private readonly object _gate = new object();
        private readonly LinkedList<Waiter> _waiters = new LinkedList<Waiter>();
        private readonly IClock _clock;
        private int _limit;
        private int _inFlight;
        private int _successes;
        private DateTimeOffset? _lastDecrease;

        public AdaptiveConcurrencyLimiter(int minLimit, int maxLimit, int initialLimit)
            : this(minLimit, maxLimit, initialLimit, SystemClock.Instance, DefaultDecreaseCooldown)
        {
        }

        /// <param name="minLimit">The limit never goes below this (at least 1).</param>
        /// <param name="maxLimit">The limit never goes above this.</param>
        /// <param name="initialLimit">Where the limit starts.</param>
        /// <param name="clock">Measures <paramref name="decreaseCooldown"/>.</param>
        /// <param name="decreaseCooldown">After a decrease, further 429s within this time are the same burst and do not lower the limit again.</param>
        public AdaptiveConcurrencyLimiter(int minLimit, int maxLimit, int initialLimit, IClock clock, TimeSpan decreaseCooldown)
        {
            if (minLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(minLimit), "The least limit is 1.");
            }

            if (maxLimit < minLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(maxLimit), "The largest limit cannot be below the least.");
            }

            if (initialLimit < minLimit || initialLimit > maxLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(initialLimit), "The initial limit must lie between the least and the largest.");
            }

            if (decreaseCooldown < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(decreaseCooldown), "The cooldown cannot be negative.");
            }

            MinLimit = minLimit;
            MaxLimit = maxLimit;
            _limit = initialLimit;
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            DecreaseCooldown = decreaseCooldown;
        }

        public int MinLimit { get; }

        public int MaxLimit { get; }

        public TimeSpan DecreaseCooldown { get; }

        /// <summary>How many calls may be in flight now.</summary>
        public int CurrentLimit
        {
            get
            {
                lock (_gate)
                {
                    return _limit;
                }
            }
        }

        /// <summary>Leases held now; above <see cref="CurrentLimit"/> only just after a decrease.</summary>
        public int InFlight
        {
            get
            {
                lock (_gate)
                {
                    return _inFlight;
                }
            }
        }

        /// <summary>Callers waiting for a lease.</summary>
        public int Waiting
        {
            get
            {
                lock (_gate)
                {
                    return _waiters.Count;
                }
            }
        }

        /// <summary>A lease to run one call; dispose it when the call ends (success or not) to let the next one in.</summary>
        public Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled<IDisposable>(cancellationToken);
            }

            Waiter waiter;
            lock (_gate)
            {
                if (_waiters.Count == 0 && _inFlight < _limit)
                {
                    _inFlight++;
                    return Task.FromResult<IDisposable>(new Lease(this));
                }

                waiter = new Waiter();
                waiter.Node = _waiters.AddLast(waiter);
            }

            if (cancellationToken.CanBeCanceled)
            {
                var registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));

                // Disposed from a continuation, never under the lock: disposing waits for a running
                // callback, and the callback takes the lock.
                waiter.Completion.Task.ContinueWith(
                    (_, state) => ((CancellationTokenRegistration)state!).Dispose(),
                    registration,
                    CancellationToken.None,
                    TaskContinuationOptions.None,
                    TaskScheduler.Default);
            }

            return waiter.Completion.Task;
        }

        /// <summary>A call succeeded: after as many successes as the limit, the limit grows by one.</summary>
        public void OnSuccess()
        {
            lock (_gate)
            {
                if (_limit >= MaxLimit)
                {
                    _successes = 0;
                    return;
                }

                _successes++;
                if (_successes >= _limit)
                {
                    _limit++;
                    _successes = 0;
                    GrantWhileRoom();
                }
            }
        }

        /// <summary>The service answered 429: the limit halves, once per burst (see <see cref="DecreaseCooldown"/>), never below <see cref="MinLimit"/>.</summary>
        public void OnThrottled()
        {
            lock (_gate)
            {
                var now = _clock.UtcNow;
                if (_lastDecrease is DateTimeOffset last && now - last < DecreaseCooldown)
                {
                    return;
                }

                _lastDecrease = now;
                _limit = Math.Max(MinLimit, _limit / 2);
                _successes = 0;
            }
        }

        private void Cancel(Waiter waiter, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                // Already granted: the caller owns a lease and will release it.
                if (waiter.Node?.List == null)
                {
                    return;
                }

                _waiters.Remove(waiter.Node);
                waiter.Node = null;
            }

            waiter.Completion.TrySetCanceled(cancellationToken);
        }

        private void Release()
        {
            lock (_gate)
            {
                _inFlight--;
                GrantWhileRoom();
            }
        }

        /// <summary>Called under the lock; continuations run asynchronously, so none runs under it.</summary>
        private void GrantWhileRoom()
        {
            while (_waiters.Count > 0 && _inFlight < _limit)
            {
                var waiter = _waiters.First!.Value;
                _waiters.RemoveFirst();
                waiter.Node = null;
                _inFlight++;
                waiter.Completion.TrySetResult(new Lease(this));
            }
        }

        private sealed class Waiter
        {
            public TaskCompletionSource<IDisposable> Completion { get; } = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);

            public LinkedListNode<Waiter>? Node { get; set; }
        }

        private sealed class Lease : IDisposable
        {
            private AdaptiveConcurrencyLimiter? _owner;

            public Lease(AdaptiveConcurrencyLimiter owner)
            {
                _owner = owner;
            }

            public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// How fast a session's bulk calls go out, learned from the service. OCI limits requests per tenancy and says neither
    /// the rate nor how much is left, only 429 once it is spent; and a request answered 429 must sit out its Retry-After
    /// (a second at least), so a client that finds the limit by hitting it again and again spends its time waiting.
    /// The pacer sends as fast as asked until the first 429, then at nine tenths of the rate the service was seen to let
    /// through in the second before, from a token bucket that holds a second's worth (so work that begins after a pause
    /// starts with a burst, as the service's own bucket allows), creeping up with every answer until the next 429,
    /// which lowers it again. Only a 429 to a request let go after the pace was last lowered counts: the others were
    /// sent too fast for the old pace, not the new one. A 429 to a request sent from the burst halves the burst instead:
    /// the rate was not at fault. Thread-safe.
    /// </summary>
    internal sealed class RequestPacer
    {
        /// <summary>The span the rate let through is measured over.</summary>
        public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

        /// <summary>The share of the rate let through that the pace drops to on a 429.</summary>
        public const double Decrease = 0.9;

        /// <summary>Requests per second the pace gains with each answer that was not a 429 (at 100 a second, 1 % a second).</summary>
        public const double GrowthPerAnswer = 0.01;

        /// <summary>The pace never drops below this (requests per second).</summary>
        public const double LeastRate = 1;

        /// <summary>
        /// A 429 when the session let fewer than this many requests through in the last second is not about its pace
        /// (another client of the tenancy spent the limit): pacing does not begin.
        /// </summary>
        public const double LeastRateToPace = 2;

        private readonly IClock _clock;
        private readonly IDelay _delay;
        private readonly object _gate = new object();
        private readonly Queue<DateTimeOffset> _letThrough = new Queue<DateTimeOffset>();
        private double? _rate;
        private double _burstSeconds = 1;
        private double _tokens;
        private DateTimeOffset _refilledAt;
        private DateTimeOffset? _lastDecrease;

        public RequestPacer(IClock clock, IDelay delay)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _delay = delay ?? throw new ArgumentNullException(nameof(delay));
        }

        /// <summary>Requests per second it paces to; null until the service first answered 429.</summary>
        public double? Rate
        {
            get
            {
                lock (_gate)
                {
                    return _rate;
                }
            }
        }

        /// <summary>How many requests may go at once after a pause: the rate times the burst (a second, halved by each 429 to a burst).</summary>
        public double BurstCapacity
        {
            get
            {
                lock (_gate)
                {
                    return Capacity;
                }
            }
        }

        private double Capacity => Math.Max(1, (_rate ?? 0) * _burstSeconds);

        /// <summary>
        /// Waits until one more request may go, and says whether it went from the burst (credit saved while the session
        /// sent less than its pace) or at the pace. Pass the turn to <see cref="OnAnswered"/> with the answer.
        /// </summary>
        public async Task<PacedTurn> WaitTurnAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            PacedTurn turn;
            lock (_gate)
            {
                var now = _clock.UtcNow;
                if (_rate is not double rate)
                {
                    return new PacedTurn(PacedTurnKind.Unpaced, now);
                }

                Refill(now, rate);
                // Tokens below zero are turns already promised: each caller waits for its own, in the order asked.
                var kind = _tokens >= 2 ? PacedTurnKind.Burst : PacedTurnKind.Paced;
                _tokens -= 1;
                wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / rate);
                turn = new PacedTurn(kind, now + wait);
            }

            if (wait > TimeSpan.Zero)
            {
                await _delay.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            }

            return turn;
        }

        /// <summary>The request taken at <paramref name="turn"/> was answered: 429 (<paramref name="throttled"/>), or anything else the service let through.</summary>
        public void OnAnswered(PacedTurn turn, bool throttled)
        {
            lock (_gate)
            {
                var now = _clock.UtcNow;
                Forget(now);
                if (!throttled)
                {
                    _letThrough.Enqueue(now);
                    if (_rate is double rate)
                    {
                        Refill(now, rate);
                        _rate = rate + GrowthPerAnswer;
                    }

                    return;
                }

                if (_lastDecrease is DateTimeOffset last && turn.GrantedAt <= last)
                {
                    return;
                }

                var letThrough = _letThrough.Count / Window.TotalSeconds;
                if (_rate is not double current)
                {
                    if (letThrough < LeastRateToPace)
                    {
                        return;
                    }

                    _lastDecrease = now;
                    _rate = Math.Max(LeastRate, Decrease * letThrough);
                    _tokens = 0;
                    _refilledAt = now;
                    return;
                }

                _lastDecrease = now;
                Refill(now, current);
                if (turn.Kind == PacedTurnKind.Burst)
                {
                    _burstSeconds /= 2;
                }
                else
                {
                    _rate = Math.Max(LeastRate, Decrease * Math.Min(current, letThrough));
                }

                _tokens = Math.Min(_tokens, 0);
            }
        }

        /// <summary>Under the lock: credit for the time since the last refill, up to the burst.</summary>
        private void Refill(DateTimeOffset now, double rate)
        {
            var elapsed = (now - _refilledAt).TotalSeconds;
            if (elapsed > 0)
            {
                _tokens = Math.Min(Math.Max(1, rate * _burstSeconds), _tokens + (elapsed * rate));
                _refilledAt = now;
            }
        }

        /// <summary>Under the lock: answers older than the window no longer count.</summary>
        private void Forget(DateTimeOffset now)
        {
            while (_letThrough.Count > 0 && now - _letThrough.Peek() >= Window)
            {
                _letThrough.Dequeue();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using OciBackup.Engine.Bulk;
using Xunit;

namespace OciBackup.Tests.Bulk
{
    public class AdaptiveConcurrencyLimiterTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);

        private static AdaptiveConcurrencyLimiter Limiter(int min, int max, int initial, FixedClock? clock = null) =>
            new AdaptiveConcurrencyLimiter(min, max, initial, clock ?? new FixedClock(Start), TimeSpan.FromSeconds(1));

        [Fact]
        public async Task Acquisitions_beyond_the_limit_wait_until_a_lease_is_released()
        {
            var limiter = Limiter(1, 10, 2);
            var first = await limiter.AcquireAsync(default);
            var second = await limiter.AcquireAsync(default);

            var third = limiter.AcquireAsync(default);

            Assert.False(third.IsCompleted);
            Assert.Equal(1, limiter.Waiting);
            first.Dispose();
            (await third).Dispose();
            second.Dispose();
            Assert.Equal(0, limiter.InFlight);
        }

        [Fact]
        public async Task Many_concurrent_callers_never_exceed_the_limit()
        {
            var limiter = Limiter(1, 64, 8);
            var running = 0;
            var peak = 0;

            async Task Work()
            {
                using (await limiter.AcquireAsync(default))
                {
                    var now = Interlocked.Increment(ref running);
                    int seen;
                    while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen)
                    {
                    }

                    for (var i = 0; i < 3; i++)
                    {
                        await Task.Yield();
                    }

                    Interlocked.Decrement(ref running);
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 2000).Select(_ => Task.Run(Work)));

            Assert.InRange(peak, 1, 8);
            Assert.Equal(0, limiter.InFlight);
            Assert.Equal(0, limiter.Waiting);
        }

        [Fact]
        public void A_burst_of_429s_halves_the_limit_once_and_a_later_one_halves_it_again()
        {
            var clock = new FixedClock(Start);
            var limiter = Limiter(1, 64, 32, clock);

            for (var i = 0; i < 20; i++)
            {
                limiter.OnThrottled();
            }

            Assert.Equal(16, limiter.CurrentLimit);
            clock.UtcNow += TimeSpan.FromMilliseconds(999);
            limiter.OnThrottled();
            Assert.Equal(16, limiter.CurrentLimit);
            clock.UtcNow += TimeSpan.FromSeconds(1);
            limiter.OnThrottled();
            Assert.Equal(8, limiter.CurrentLimit);
        }

        [Fact]
        public void The_limit_grows_by_one_after_as_many_successes_as_the_limit()
        {
            var limiter = Limiter(1, 64, 4);

            for (var i = 0; i < 3; i++)
            {
                limiter.OnSuccess();
            }

            Assert.Equal(4, limiter.CurrentLimit);
            limiter.OnSuccess();
            Assert.Equal(5, limiter.CurrentLimit);
            for (var i = 0; i < 5; i++)
            {
                limiter.OnSuccess();
            }

            Assert.Equal(6, limiter.CurrentLimit);
        }

        [Fact]
        public void After_throttling_successes_bring_the_limit_back_up()
        {
            var limiter = Limiter(1, 64, 16);
            limiter.OnThrottled();
            Assert.Equal(8, limiter.CurrentLimit);

            for (var i = 0; i < 8 + 9 + 10 + 11; i++)
            {
                limiter.OnSuccess();
            }

            Assert.Equal(12, limiter.CurrentLimit);
        }

        [Fact]
        public void The_limit_stays_between_its_least_and_largest()
        {
            var clock = new FixedClock(Start);
            var limiter = Limiter(3, 10, 5, clock);

            for (var i = 0; i < 10; i++)
            {
                limiter.OnThrottled();
                clock.UtcNow += TimeSpan.FromSeconds(5);
            }

            Assert.Equal(3, limiter.CurrentLimit);
            for (var i = 0; i < 1000; i++)
            {
                limiter.OnSuccess();
            }

            Assert.Equal(10, limiter.CurrentLimit);
        }

        [Fact]
        public async Task Lowering_the_limit_keeps_calls_in_flight_and_holds_back_new_ones_until_below_it()
        {
            var limiter = Limiter(1, 64, 4);
            var held = new List<IDisposable>();
            for (var i = 0; i < 4; i++)
            {
                held.Add(await limiter.AcquireAsync(default));
            }

            limiter.OnThrottled();
            var next = limiter.AcquireAsync(default);

            Assert.Equal((2, 4), (limiter.CurrentLimit, limiter.InFlight));
            held[0].Dispose();
            held[1].Dispose();
            Assert.False(next.IsCompleted);
            held[2].Dispose();
            (await next).Dispose();
            held[3].Dispose();
            Assert.Equal(0, limiter.InFlight);
        }

        [Fact]
        public async Task A_higher_limit_lets_waiting_callers_in()
        {
            var limiter = Limiter(1, 64, 1);
            using var held = await limiter.AcquireAsync(default);
            var waiting = limiter.AcquireAsync(default);

            limiter.OnSuccess();

            Assert.Equal(2, limiter.CurrentLimit);
            (await waiting).Dispose();
        }

        [Fact]
        public async Task A_cancelled_wait_gives_up_its_place_and_takes_no_capacity()
        {
            var limiter = Limiter(1, 64, 1);
            var held = await limiter.AcquireAsync(default);
            using var cancel = new CancellationTokenSource();
            var waiting = limiter.AcquireAsync(cancel.Token);

            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            Assert.Equal(0, limiter.Waiting);
            held.Dispose();
            Assert.Equal(0, limiter.InFlight);
            (await limiter.AcquireAsync(default)).Dispose();
        }

        [Fact]
        public async Task Releasing_a_lease_twice_returns_its_capacity_once()
        {
            var limiter = Limiter(1, 64, 2);
            var lease = await limiter.AcquireAsync(default);
            using var other = await limiter.AcquireAsync(default);

            lease.Dispose();
            lease.Dispose();

            Assert.Equal(1, limiter.InFlight);
        }

        [Fact]
        public void Any_sequence_of_acquires_releases_successes_and_429s_keeps_the_limiter_consistent()
        {
            // 0 acquire, 1 release the oldest lease, 2 success, 3 429, 4 time passes, 5 cancel the oldest waiter.
            Gen.Int[0, 5].Array[1, 300].Sample(operations =>
            {
                var clock = new FixedClock(Start);
                var limiter = Limiter(2, 12, 6, clock);
                var leases = new Queue<IDisposable>();
                var waiters = new List<(Task<IDisposable> Task, CancellationTokenSource Cancel)>();
                foreach (var operation in operations)
                {
                    var inFlightBefore = limiter.InFlight;
                    switch (operation)
                    {
                        case 0:
                            var cancel = new CancellationTokenSource();
                            waiters.Add((limiter.AcquireAsync(cancel.Token), cancel));
                            break;
                        case 1 when leases.Count > 0:
                            leases.Dequeue().Dispose();
                            break;
                        case 2:
                            limiter.OnSuccess();
                            break;
                        case 3:
                            limiter.OnThrottled();
                            break;
                        case 4:
                            clock.UtcNow += TimeSpan.FromMilliseconds(700);
                            break;
                        case 5 when waiters.Count > 0:
                            waiters[0].Cancel.Cancel();
                            break;
                    }

                    // Grants complete synchronously under the limiter's lock; collect them (continuations are asynchronous, the tasks are not).
                    foreach (var waiter in waiters.Where(w => w.Task.IsCompleted).ToList())
                    {
                        waiters.Remove(waiter);
                        if (waiter.Task.Status == TaskStatus.RanToCompletion)
                        {
                            leases.Enqueue(waiter.Task.Result);
                        }
                    }

                    Assert.InRange(limiter.CurrentLimit, 2, 12);
                    Assert.Equal(leases.Count, limiter.InFlight);
                    Assert.Equal(waiters.Count, limiter.Waiting);
                    if (limiter.InFlight > inFlightBefore)
                    {
                        Assert.True(limiter.InFlight <= limiter.CurrentLimit, "a lease was granted above the limit");
                    }

                    if (limiter.Waiting > 0)
                    {
                        Assert.True(limiter.InFlight >= limiter.CurrentLimit, "a caller waits while there is room");
                    }
                }
            });
        }

        [Fact]
        public void Limits_that_make_no_sense_are_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveConcurrencyLimiter(0, 4, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveConcurrencyLimiter(4, 2, 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveConcurrencyLimiter(1, 4, 5));
        }
    }
}

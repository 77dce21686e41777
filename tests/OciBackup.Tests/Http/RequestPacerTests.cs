using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using Xunit;

namespace OciBackup.Tests.Http
{
    public class RequestPacerTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);

        private readonly FixedClock _clock = new FixedClock(Start);
        private readonly RecordingDelay _delay;
        private readonly RequestPacer _pacer;

        public RequestPacerTests()
        {
            _delay = new RecordingDelay(_clock);
            _pacer = new RequestPacer(_clock, _delay);
        }

        /// <summary>Sends <paramref name="count"/> requests one after another, each answered as told, the clock moving <paramref name="apart"/> between them.</summary>
        private async Task SendAsync(int count, TimeSpan apart, bool throttled = false)
        {
            for (var i = 0; i < count; i++)
            {
                var turn = await _pacer.WaitTurnAsync(CancellationToken.None);
                _pacer.OnAnswered(turn, throttled);
                _clock.UtcNow += apart;
            }
        }

        /// <summary>Lets the pacer learn a pace: 200 requests answered in the second before a 429.</summary>
        private async Task<PacedTurn> LearnAsync()
        {
            await SendAsync(200, TimeSpan.FromMilliseconds(4));
            var refused = await _pacer.WaitTurnAsync(CancellationToken.None);
            _pacer.OnAnswered(refused, throttled: true);
            return refused;
        }

        [Fact]
        public async Task Until_the_service_answers_429_nothing_waits()
        {
            await SendAsync(500, TimeSpan.Zero);

            Assert.Null(_pacer.Rate);
            Assert.Empty(_delay.Delays);
        }

        [Fact]
        public async Task A_429_paces_at_nine_tenths_of_what_the_service_let_through_in_the_second_before()
        {
            // 100 answers more than a second ago do not count; the 200 of the last second do.
            await SendAsync(100, TimeSpan.FromMilliseconds(1));
            _clock.UtcNow += TimeSpan.FromSeconds(2);

            var refused = await LearnAsync();

            Assert.Equal(PacedTurnKind.Unpaced, refused.Kind);
            Assert.Equal(180, _pacer.Rate!.Value, 6);
        }

        [Fact]
        public async Task Paced_requests_go_one_pace_apart_once_the_burst_is_spent()
        {
            await LearnAsync();
            var rate = _pacer.Rate!.Value;

            // Right after the 429 there is no credit: every turn waits for its own token, and they are promised in order.
            var first = await _pacer.WaitTurnAsync(CancellationToken.None);
            var second = await _pacer.WaitTurnAsync(CancellationToken.None);

            Assert.Equal(PacedTurnKind.Paced, first.Kind);
            Assert.Equal(1 / rate, (second.GrantedAt - first.GrantedAt).TotalSeconds, 6);
            Assert.All(_delay.Delays, d => Assert.Equal(1 / rate, d.TotalSeconds, 6));
        }

        [Fact]
        public async Task After_a_pause_a_second_of_the_pace_goes_at_once_then_the_pace_holds()
        {
            await LearnAsync();
            var rate = _pacer.Rate!.Value;
            _clock.UtcNow += TimeSpan.FromMinutes(5);
            var burst = (int)Math.Floor(_pacer.BurstCapacity);

            var turns = new PacedTurn[burst + 3];
            for (var i = 0; i < turns.Length; i++)
            {
                turns[i] = await _pacer.WaitTurnAsync(CancellationToken.None);
            }

            Assert.Equal(Math.Floor(rate), burst);
            Assert.All(turns.Take(burst - 1), t => Assert.Equal(PacedTurnKind.Burst, t.Kind));
            Assert.Equal(PacedTurnKind.Paced, turns[turns.Length - 1].Kind);
            Assert.Equal(3, _delay.Delays.Count);
        }

        [Fact]
        public async Task Each_answer_raises_the_pace_a_little()
        {
            await LearnAsync();
            var learned = _pacer.Rate!.Value;

            await SendAsync(100, TimeSpan.FromMilliseconds(10));

            Assert.Equal(learned + (100 * RequestPacer.GrowthPerAnswer), _pacer.Rate!.Value, 6);
        }

        [Fact]
        public async Task A_429_to_a_request_let_go_before_the_pace_was_lowered_does_not_lower_it_again()
        {
            var sentBefore = await _pacer.WaitTurnAsync(CancellationToken.None);
            await LearnAsync();
            var learned = _pacer.Rate!.Value;

            _pacer.OnAnswered(sentBefore, throttled: true);

            Assert.Equal(learned, _pacer.Rate!.Value, 6);
        }

        [Fact]
        public async Task A_429_to_a_request_at_the_pace_lowers_it_to_nine_tenths_of_the_lesser_of_the_pace_and_what_got_through()
        {
            await LearnAsync();
            var learned = _pacer.Rate!.Value;
            _clock.UtcNow += TimeSpan.FromSeconds(2);
            // The burst saved up in the pause goes to requests not answered yet; then 50 answers at the pace, in the
            // last second far fewer than the pace lets go, so that is what counts.
            for (var i = 0; i < Math.Floor(_pacer.BurstCapacity); i++)
            {
                await _pacer.WaitTurnAsync(CancellationToken.None);
            }

            await SendAsync(50, TimeSpan.Zero);
            var refused = await _pacer.WaitTurnAsync(CancellationToken.None);

            _pacer.OnAnswered(refused, throttled: true);

            Assert.Equal(PacedTurnKind.Paced, refused.Kind);
            Assert.Equal(RequestPacer.Decrease * 50, _pacer.Rate!.Value, 6);
            Assert.True(_pacer.Rate < learned);
        }

        [Fact]
        public async Task A_429_to_a_request_from_the_burst_halves_the_burst_and_keeps_the_pace()
        {
            await LearnAsync();
            var learned = _pacer.Rate!.Value;
            var burst = _pacer.BurstCapacity;
            _clock.UtcNow += TimeSpan.FromMinutes(5);
            var refused = await _pacer.WaitTurnAsync(CancellationToken.None);

            _pacer.OnAnswered(refused, throttled: true);

            Assert.Equal(PacedTurnKind.Burst, refused.Kind);
            Assert.Equal(learned, _pacer.Rate!.Value, 6);
            Assert.Equal(burst / 2, _pacer.BurstCapacity, 6);
        }

        [Fact]
        public async Task A_429_when_the_session_sent_almost_nothing_is_another_clients_doing_and_starts_no_pace()
        {
            await SendAsync(1, TimeSpan.FromMilliseconds(10));
            var refused = await _pacer.WaitTurnAsync(CancellationToken.None);

            _pacer.OnAnswered(refused, throttled: true);

            Assert.Null(_pacer.Rate);
        }

        [Fact]
        public async Task The_pace_never_drops_below_one_request_a_second()
        {
            await LearnAsync();
            for (var i = 0; i < 100; i++)
            {
                var refused = await _pacer.WaitTurnAsync(CancellationToken.None);
                _pacer.OnAnswered(refused, throttled: true);
            }

            Assert.Equal(RequestPacer.LeastRate, _pacer.Rate!.Value, 6);
        }

        [Fact]
        public async Task A_cancelled_wait_throws()
        {
            await LearnAsync();
            await _pacer.WaitTurnAsync(CancellationToken.None);
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _pacer.WaitTurnAsync(cancelled.Token));
        }
    }
}

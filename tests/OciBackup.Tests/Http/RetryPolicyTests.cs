using System;
using System.Linq;
using System.Net.Http;
using CsCheck;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Http
{
    public class RetryPolicyTests
    {
        private static readonly OciRequest Get = BlockstorageRequests.GetVolume("v");

        private static readonly OciRequest CreateWithToken = BlockstorageRequests.CreateVolumeBackup(new CreateVolumeBackupDetails("v"), "token-1");

        private static readonly OciRequest CreateWithoutToken = new OciRequest(HttpMethod.Post, "/20160918/volumeBackups", new byte[] { (byte)'{', (byte)'}' });

        private static OciServiceException Status(int status, string? code = null, TimeSpan? retryAfter = null) =>
            new OciServiceException(status, code, "test", "req-1", "GET", "/20160918/volumes/v", retryAfter);

        private static OciTransportException Timeout() => new OciTransportException(OciTransportErrorKind.Timeout, "no response");

        private static OciTransportException Dropped() => new OciTransportException(OciTransportErrorKind.ConnectionFailed, "cut");

        [Fact]
        public void The_default_is_oracles_eight_attempts_within_ten_minutes_with_delays_up_to_30_s()
        {
            var policy = RetryPolicy.Default;

            Assert.Equal(8, policy.MaxAttempts);
            Assert.Equal(TimeSpan.FromSeconds(600), policy.MaxElapsed);
            Assert.Equal(TimeSpan.FromSeconds(1), policy.BaseDelay);
            Assert.Equal(TimeSpan.FromSeconds(30), policy.MaxDelay);
        }

        [Theory]
        [InlineData(429, "TooManyRequests")]
        [InlineData(500, "InternalServerError")]
        [InlineData(502, null)]
        [InlineData(503, "ServiceUnavailable")]
        [InlineData(504, null)]
        [InlineData(599, null)]
        [InlineData(409, "IncorrectState")]
        [InlineData(409, "LockConflict")]
        public void Throttling_busy_resources_and_server_errors_are_retryable(int status, string? code)
        {
            Assert.True(RetryPolicy.IsRetryable(Status(status, code), Get));
            Assert.True(RetryPolicy.IsRetryable(Status(status, code), CreateWithToken));
        }

        [Theory]
        [InlineData(400, "InvalidParameter")]
        [InlineData(400, "LimitExceeded")]
        [InlineData(401, "NotAuthenticated")]
        [InlineData(403, null)]
        [InlineData(404, "NotAuthorizedOrNotFound")]
        [InlineData(409, "Conflict")]
        [InlineData(409, null)]
        [InlineData(409, "SomethingNew")]
        [InlineData(412, "NoEtagMatch")]
        [InlineData(501, "NotImplemented")]
        public void Client_errors_conflicts_and_501_are_never_retried(int status, string? code)
        {
            Assert.False(RetryPolicy.IsRetryable(Status(status, code), Get));
            Assert.False(RetryPolicy.IsRetryable(Status(status, code), CreateWithToken));
            Assert.Null(RetryPolicy.Default.NextDelay(Status(status, code), Get, 1, TimeSpan.Zero, new ScriptedRandom(0.5)));
        }

        [Fact]
        public void Timeouts_and_failed_connections_are_retried_for_reads_and_for_creates_that_carry_a_retry_token()
        {
            Assert.True(RetryPolicy.IsRetryable(Timeout(), Get));
            Assert.True(RetryPolicy.IsRetryable(Dropped(), Get));
            Assert.True(RetryPolicy.IsRetryable(Timeout(), CreateWithToken));
            Assert.True(RetryPolicy.IsRetryable(Dropped(), CreateWithToken));
        }

        [Fact]
        public void A_create_without_a_retry_token_is_retried_only_when_the_service_refused_it_outright()
        {
            Assert.True(RetryPolicy.IsRetryable(Status(429, "TooManyRequests"), CreateWithoutToken));
            Assert.True(RetryPolicy.IsRetryable(Status(409, "IncorrectState"), CreateWithoutToken));

            // It may have been created: a second create with nothing to match it to would be a duplicate.
            Assert.False(RetryPolicy.IsRetryable(Timeout(), CreateWithoutToken));
            Assert.False(RetryPolicy.IsRetryable(Dropped(), CreateWithoutToken));
            Assert.False(RetryPolicy.IsRetryable(Status(500, "InternalServerError"), CreateWithoutToken));
            Assert.False(RetryPolicy.IsRetryable(Status(504), CreateWithoutToken));
        }

        [Fact]
        public void Cancellation_and_unknown_exceptions_are_never_retried()
        {
            Assert.False(RetryPolicy.IsRetryable(new OperationCanceledException(), Get));
            Assert.False(RetryPolicy.IsRetryable(new InvalidOperationException(), Get));
        }

        [Fact]
        public void The_delay_ceiling_doubles_from_one_second_and_stops_at_30_s()
        {
            var ceilings = Enumerable.Range(1, 9).Select(n => RetryPolicy.Default.BackoffCeiling(n).TotalSeconds);

            Assert.Equal(new double[] { 1, 2, 4, 8, 16, 30, 30, 30, 30 }, ceilings);
            Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.Default.BackoffCeiling(int.MaxValue));
        }

        [Fact]
        public void Delays_are_full_jitter_anywhere_between_zero_and_the_ceiling()
        {
            Gen.Select(Gen.Int[1, 100], Gen.Double[0, 0.999999]).Sample((attempt, draw) =>
            {
                var ceiling = RetryPolicy.Default.BackoffCeiling(attempt);
                var delay = RetryPolicy.Default.DelayAfter(attempt, null, new ScriptedRandom(draw));

                Assert.InRange(delay, TimeSpan.Zero, ceiling);
                Assert.InRange(delay.Ticks, (long)(ceiling.Ticks * draw) - 1, (long)(ceiling.Ticks * draw) + 1);
            });
        }

        [Fact]
        public void With_the_same_draw_each_delay_doubles_until_the_cap()
        {
            var delays = Enumerable.Range(1, 7).Select(n => RetryPolicy.Default.DelayAfter(n, null, new ScriptedRandom(0.5)).TotalSeconds);

            Assert.Equal(new[] { 0.5, 1, 2, 4, 8, 15, 15 }, delays);
        }

        [Fact]
        public void Retry_after_is_waited_in_full_with_the_jitter_on_top()
        {
            var policy = RetryPolicy.Default;

            Assert.Equal(TimeSpan.FromSeconds(7), policy.DelayAfter(1, TimeSpan.FromSeconds(7), new ScriptedRandom(0)));
            Assert.Equal(TimeSpan.FromSeconds(7.5), policy.DelayAfter(1, TimeSpan.FromSeconds(7), new ScriptedRandom(0.5)));
            Assert.Equal(TimeSpan.FromSeconds(7.5), policy.NextDelay(Status(429, "TooManyRequests", TimeSpan.FromSeconds(7)), Get, 1, TimeSpan.Zero, new ScriptedRandom(0.5)));
        }

        [Fact]
        public void A_retry_after_longer_than_the_time_left_ends_the_retries_instead_of_being_cut_short()
        {
            var throttled = Status(429, "TooManyRequests", TimeSpan.FromSeconds(700));

            Assert.Null(RetryPolicy.Default.NextDelay(throttled, Get, 1, TimeSpan.Zero, new ScriptedRandom(0)));
        }

        [Fact]
        public void No_retry_is_planned_once_the_attempts_are_used_up()
        {
            var policy = RetryPolicy.Default.WithLimits(3, null);

            Assert.NotNull(policy.NextDelay(Status(503), Get, 2, TimeSpan.Zero, new ScriptedRandom(0.5)));
            Assert.Null(policy.NextDelay(Status(503), Get, 3, TimeSpan.Zero, new ScriptedRandom(0.5)));
        }

        [Fact]
        public void No_retry_is_planned_whose_delay_would_end_past_the_time_limit()
        {
            var policy = RetryPolicy.Default;

            Assert.Equal(TimeSpan.FromSeconds(1), policy.NextDelay(Status(503), Get, 2, TimeSpan.FromSeconds(599), new ScriptedRandom(0.5)));
            Assert.Null(policy.NextDelay(Status(503), Get, 2, TimeSpan.FromSeconds(599.5), new ScriptedRandom(0.75)));
        }

        [Fact]
        public void None_makes_one_attempt()
        {
            Assert.Equal(1, RetryPolicy.None.MaxAttempts);
            Assert.Null(RetryPolicy.None.NextDelay(Status(503), Get, 1, TimeSpan.Zero, new ScriptedRandom(0)));
            Assert.Null(RetryPolicy.None.NextDelay(Timeout(), Get, 1, TimeSpan.Zero, new ScriptedRandom(0)));
        }

        [Fact]
        public void With_methods_change_a_copy_and_only_what_they_are_given()
        {
            var fewer = RetryPolicy.Default.WithLimits(3, null);
            var shorter = RetryPolicy.Default.WithLimits(null, TimeSpan.FromSeconds(60));
            var faster = RetryPolicy.Default.WithBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100));

            Assert.Equal((3, TimeSpan.FromSeconds(600)), (fewer.MaxAttempts, fewer.MaxElapsed));
            Assert.Equal((8, TimeSpan.FromSeconds(60)), (shorter.MaxAttempts, shorter.MaxElapsed));
            Assert.Equal((8, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100)), (faster.MaxAttempts, faster.BaseDelay, faster.MaxDelay));
            Assert.Equal(8, RetryPolicy.Default.MaxAttempts);
            Assert.Equal(TimeSpan.FromSeconds(1), RetryPolicy.Default.BaseDelay);
        }

        [Fact]
        public void Limits_that_make_no_sense_are_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Default.WithLimits(0, null));
            Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Default.WithLimits(null, TimeSpan.FromSeconds(-1)));
            Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Default.WithBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
        }

        [Fact]
        public void It_describes_itself_for_verbose_output()
        {
            Assert.Equal("no retry", RetryPolicy.None.ToString());
            Assert.Equal("up to 8 attempts within 600 s, delays doubling from 1 s to 30 s with full jitter", RetryPolicy.Default.ToString());
        }
    }
}

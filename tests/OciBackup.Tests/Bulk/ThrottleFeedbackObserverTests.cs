using System;
using System.Collections.Generic;
using System.Linq;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Http;
using Xunit;

namespace OciBackup.Tests.Bulk
{
    public class ThrottleFeedbackObserverTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);

        private sealed class RecordingObserver : IRetryObserver
        {
            public List<RetryNotice> Notices { get; } = new List<RetryNotice>();

            public void OnRetry(RetryNotice notice) => Notices.Add(notice);
        }

        private static AdaptiveConcurrencyLimiter Limiter(int min, int max, int initial) =>
            new AdaptiveConcurrencyLimiter(min, max, initial, new FixedClock(Start), TimeSpan.FromSeconds(1));

        private static RetryNotice Notice(bool throttled) =>
            new RetryNotice("POST", "/20160918/volumeBackups", 1, 8, throttled ? "429 TooManyRequests" : "503 ServiceUnavailable", TimeSpan.FromSeconds(1), throttled);

        [Fact]
        public void Throttled_retries_lower_the_limit_and_every_notice_reaches_the_next_observer()
        {
            var limiter = Limiter(1, 64, 16);
            var verbose = new RecordingObserver();
            var observer = new ThrottleFeedbackObserver(limiter, verbose);

            observer.OnRetry(Notice(throttled: false));
            Assert.Equal(16, limiter.CurrentLimit);
            observer.OnRetry(Notice(throttled: true));

            Assert.Equal(8, limiter.CurrentLimit);
            Assert.Equal(new[] { false, true }, verbose.Notices.Select(n => n.Throttled));
        }

        [Fact]
        public void When_the_calls_are_paced_a_429_leaves_the_limit_to_the_pacer_and_a_limit_refusal_still_lowers_it()
        {
            var limiter = Limiter(1, 64, 16);
            var verbose = new RecordingObserver();
            var observer = new ThrottleFeedbackObserver(limiter, verbose, ratePaced: true);

            observer.OnRetry(Notice(throttled: true));
            Assert.Equal(16, limiter.CurrentLimit);
            observer.OnRetry(RetryNotice.Paced("POST", "/20160918/volumeBackups/b/actions/copy", 1, "400 LimitExceeded", TimeSpan.FromSeconds(5)));

            Assert.Equal(8, limiter.CurrentLimit);
            Assert.Equal(2, verbose.Notices.Count);
        }

        [Fact]
        public void It_works_without_a_next_observer()
        {
            var limiter = Limiter(1, 64, 16);

            new ThrottleFeedbackObserver(limiter).OnRetry(Notice(throttled: true));

            Assert.Equal(8, limiter.CurrentLimit);
        }
    }
}

using System;
using OciBackup.Engine.Waiting;
using Xunit;

namespace OciBackup.Tests.Waiting
{
    public sealed class PollIntervalsTests
    {
        private readonly PollIntervals _intervals = new PollIntervals(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

        [Theory]
        [InlineData(0, 2)]
        [InlineData(3, 2)]
        [InlineData(10, 5)]
        [InlineData(40, 20)]
        [InlineData(3600, 30)]
        public void Without_an_expectation_a_backup_is_polled_at_half_its_age_within_the_bounds(double ageSeconds, double intervalSeconds)
        {
            Assert.Equal(TimeSpan.FromSeconds(intervalSeconds), _intervals.Next(TimeSpan.FromSeconds(ageSeconds), null));
        }

        [Theory]
        [InlineData(10, 5)]
        [InlineData(40, 20)]
        [InlineData(80, 10)]
        [InlineData(96, 2)]
        [InlineData(100, 2)]
        [InlineData(110, 5)]
        [InlineData(200, 30)]
        public void With_an_expectation_polls_land_halfway_to_it_and_back_off_past_it(double ageSeconds, double intervalSeconds)
        {
            Assert.Equal(TimeSpan.FromSeconds(intervalSeconds), _intervals.Next(TimeSpan.FromSeconds(ageSeconds), TimeSpan.FromSeconds(100)));
        }

        [Fact]
        public void A_negative_age_from_a_skewed_clock_is_treated_as_new()
        {
            Assert.Equal(TimeSpan.FromSeconds(2), _intervals.Next(TimeSpan.FromSeconds(-50), null));
        }

        [Fact]
        public void The_median_of_observed_durations_is_the_middle_one_or_the_mean_of_the_middle_two()
        {
            var durations = new ObservedDurations();
            Assert.Null(durations.Median);

            durations.Record(TimeSpan.FromSeconds(30));
            durations.Record(TimeSpan.FromSeconds(10));
            durations.Record(TimeSpan.FromSeconds(90));
            Assert.Equal(TimeSpan.FromSeconds(30), durations.Median);

            durations.Record(TimeSpan.FromSeconds(50));
            Assert.Equal(TimeSpan.FromSeconds(40), durations.Median);
        }
    }
}

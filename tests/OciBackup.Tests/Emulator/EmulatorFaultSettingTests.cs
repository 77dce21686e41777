using System;
using System.Collections;
using System.Linq;
using OciBackup.Engine.Emulator;
using Xunit;

namespace OciBackup.Tests.Emulator
{
    public sealed class EmulatorFaultSettingTests
    {
        [Fact]
        public void Faults_are_named_as_the_parameters_in_any_case_and_take_numbers_and_numeric_text()
        {
            var parsed = EmulatorFaultSetting.Parse(new Hashtable { ["dropshare"] = "0.3", ["RATELIMIT"] = 5, ["ClockSkewSeconds"] = -400.5 });

            Assert.Equal(0.3, parsed[EmulatorFaultSetting.ByParameterName("DropShare")!]);
            Assert.Equal(5, parsed[EmulatorFaultSetting.ByParameterName("RateLimit")!]);
            Assert.Equal(-400.5, parsed[EmulatorFaultSetting.ByParameterName("ClockSkewSeconds")!]);
        }

        [Theory]
        [InlineData("NoSuchFault", 1, "'NoSuchFault' is not an emulator fault; use RateLimit, ")]
        [InlineData("DropShare", 1.5, "DropShare needs a share between 0 and 1")]
        [InlineData("RateLimit", -1, "RateLimit needs a number of at least 0")]
        [InlineData("LatencyMilliseconds", "slow", "LatencyMilliseconds needs a number")]
        [InlineData("FaultyShare", true, "FaultyShare needs a share")]
        [InlineData("ClockSkewSeconds", double.NaN, "ClockSkewSeconds needs a finite number")]
        public void A_bad_name_or_value_is_refused_with_what_is_expected(string name, object value, string message)
        {
            var error = Assert.Throws<ArgumentException>(() => EmulatorFaultSetting.Parse(new Hashtable { [name] = value }));

            Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void The_500_and_503_shares_together_must_not_exceed_one()
        {
            Assert.Throws<ArgumentException>(() => EmulatorFaultSetting.Parse(new Hashtable { ["InternalServerErrorShare"] = 0.6, ["ServiceUnavailableShare"] = 0.5 }));
            Assert.Equal(2, EmulatorFaultSetting.Parse(new Hashtable { ["InternalServerErrorShare"] = 0.5, ["ServiceUnavailableShare"] = 0.5 }).Count);
        }

        [Fact]
        public void Every_setting_has_three_distinct_names()
        {
            Assert.Equal(EmulatorFaultSetting.All.Count, EmulatorFaultSetting.All.Select(s => s.ParameterName).Distinct().Count());
            Assert.Equal(EmulatorFaultSetting.All.Count, EmulatorFaultSetting.All.Select(s => s.AdminName).Distinct().Count());
            Assert.All(EmulatorFaultSetting.All, s => Assert.StartsWith("--", s.Option, StringComparison.Ordinal));
        }
    }
}

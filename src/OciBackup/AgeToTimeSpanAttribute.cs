using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace OciBackup
{
    /// <summary>
    /// Lets an age parameter (-OlderThan) take what a person types for an age: a number of days (30), a number with
    /// a unit ('30d', '36h', '2w', '30 days'), or a TimeSpan ('30.00:00:00', New-TimeSpan -Days 30). Months and
    /// minutes are not offered: 'm' would be read as either.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class AgeToTimeSpanAttribute : ArgumentTransformationAttribute
    {
        private static readonly Regex WithUnit = new Regex(@"^(?<number>\d+(?:\.\d+)?)\s*(?<unit>d|days?|h|hours?|w|weeks?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case TimeSpan age:
                    return age;
                case int days:
                    return TimeSpan.FromDays(days);
                case long days:
                    return TimeSpan.FromDays(days);
                case double days:
                    return TimeSpan.FromDays(days);
                case decimal days:
                    return TimeSpan.FromDays((double)days);
                case string text:
                    return Parse(text);
                default:
                    throw new ArgumentTransformationMetadataException($"An age is a number of days (30), a number with a unit ('30d', '36h', '2w') or a TimeSpan, not {value?.GetType().Name ?? "$null"}.");
            }
        }

        /// <summary>'30d', '36h', '2w', '30 days', '30', or TimeSpan text ('30.00:00:00').</summary>
        public static TimeSpan Parse(string text)
        {
            var trimmed = text.Trim();
            var match = WithUnit.Match(trimmed);
            if (match.Success)
            {
                var number = double.Parse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                var unit = match.Groups["unit"].Value.ToLowerInvariant();
                return unit.StartsWith("h", StringComparison.Ordinal) ? TimeSpan.FromHours(number)
                    : unit.StartsWith("w", StringComparison.Ordinal) ? TimeSpan.FromDays(7 * number)
                    : TimeSpan.FromDays(number);
            }

            if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var age))
            {
                return age;
            }

            throw new ArgumentTransformationMetadataException($"'{text}' is not an age: write a number of days (30), a number with a unit ('30d', '36h', '2w') or a TimeSpan ('30.00:00:00').");
        }
    }
}

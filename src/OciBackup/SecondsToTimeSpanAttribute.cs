using System;
using System.Globalization;
using System.Management.Automation;

namespace OciBackup
{
    /// <summary>
    /// Lets a TimeSpan parameter take a number of seconds (<c>-Timeout 600</c>) as well as a TimeSpan
    /// or "hh:mm:ss" text; without it PowerShell would read 600 as 600 ticks.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecondsToTimeSpanAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case int seconds:
                    return TimeSpan.FromSeconds(seconds);
                case long seconds:
                    return TimeSpan.FromSeconds(seconds);
                case double seconds:
                    return TimeSpan.FromSeconds(seconds);
                case decimal seconds:
                    return TimeSpan.FromSeconds((double)seconds);
                case string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds):
                    return TimeSpan.FromSeconds(seconds);
                default:
                    return inputData;
            }
        }
    }
}

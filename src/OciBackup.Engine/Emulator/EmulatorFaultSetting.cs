using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// One fault the emulator injects, under its three names: the PowerShell parameter (Set-OciEmulatorFault -DropShare),
    /// the admin endpoint's JSON property (dropResponseShare) and the executable's option (--fault-drop-share). The
    /// emulator is a separate program that shares no code with the engine, so this table restates its names; a test
    /// proves each one against a running emulator.
    /// </summary>
    internal sealed class EmulatorFaultSetting
    {
        private EmulatorFaultSetting(string parameterName, string adminName, string option, double minimum, double maximum, string meaning)
        {
            ParameterName = parameterName;
            AdminName = adminName;
            Option = option;
            Minimum = minimum;
            Maximum = maximum;
            Meaning = meaning;
        }

        public static IReadOnlyList<EmulatorFaultSetting> All { get; } = new[]
        {
            new EmulatorFaultSetting("RateLimit", "rateLimitPerSecond", "--rate-limit", 0, double.MaxValue, "requests per second the service accepts; beyond it 429 TooManyRequests (0: off)"),
            new EmulatorFaultSetting("InternalServerErrorShare", "internalServerErrorShare", "--fault-500-share", 0, 1, "share of requests answered 500 InternalServerError"),
            new EmulatorFaultSetting("ServiceUnavailableShare", "serviceUnavailableShare", "--fault-503-share", 0, 1, "share of requests answered 503 ServiceUnavailable"),
            new EmulatorFaultSetting("IncorrectStateShare", "incorrectStateShare", "--fault-409-share", 0, 1, "share of writes answered 409 IncorrectState"),
            new EmulatorFaultSetting("DropShare", "dropResponseShare", "--fault-drop-share", 0, 1, "share of writes performed whose response is lost"),
            new EmulatorFaultSetting("ErrorAfterWriteShare", "errorAfterWriteShare", "--fault-error-after-write-share", 0, 1, "share of writes performed and then answered 500 all the same"),
            new EmulatorFaultSetting("SlowShare", "slowResponseShare", "--fault-slow-share", 0, 1, "share of requests answered only after SlowResponseSeconds"),
            new EmulatorFaultSetting("SlowResponseSeconds", "slowResponseSeconds", "--slow-response-seconds", 0, double.MaxValue, "delay of a slow response"),
            new EmulatorFaultSetting("LatencyMilliseconds", "latencyMilliseconds", "--latency-ms", 0, double.MaxValue, "latency added to every request"),
            new EmulatorFaultSetting("LatencyJitterMilliseconds", "latencyJitterMilliseconds", "--latency-jitter-ms", 0, double.MaxValue, "up to this much more latency per request"),
            new EmulatorFaultSetting("ClockSkewSeconds", "clockSkewSeconds", "--clock-skew-seconds", double.MinValue, double.MaxValue, "shift of the emulator's clock"),
            new EmulatorFaultSetting("FaultyShare", "faultyBackupShare", "--faulty-share", 0, 1, "share of new backups that end FAULTY"),
        };

        public string ParameterName { get; }

        public string AdminName { get; }

        public string Option { get; }

        public double Minimum { get; }

        public double Maximum { get; }

        public string Meaning { get; }

        public static EmulatorFaultSetting? ByParameterName(string name) =>
            All.FirstOrDefault(s => string.Equals(s.ParameterName, name, StringComparison.OrdinalIgnoreCase));

        public static EmulatorFaultSetting? ByAdminName(string name) =>
            All.FirstOrDefault(s => string.Equals(s.AdminName, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// Checks a set of faults given by parameter name (a -Fault hashtable) and returns them by setting.
        /// Throws <see cref="ArgumentException"/> naming the bad key or value.
        /// </summary>
        public static IReadOnlyDictionary<EmulatorFaultSetting, double> Parse(IDictionary faults)
        {
            var parsed = new Dictionary<EmulatorFaultSetting, double>();
            foreach (DictionaryEntry entry in faults)
            {
                var name = entry.Key?.ToString() ?? string.Empty;
                var setting = ByParameterName(name)
                    ?? throw new ArgumentException($"'{name}' is not an emulator fault; use {string.Join(", ", All.Select(s => s.ParameterName))}.");
                parsed[setting] = setting.Check(entry.Value);
            }

            CheckShareTotal(parsed);
            return parsed;
        }

        /// <summary>500 and 503 are drawn together, so their shares must not exceed 1 together.</summary>
        public static void CheckShareTotal(IReadOnlyDictionary<EmulatorFaultSetting, double> faults)
        {
            var total = faults.Where(f => f.Key.AdminName == "internalServerErrorShare" || f.Key.AdminName == "serviceUnavailableShare").Sum(f => f.Value);
            if (total > 1)
            {
                throw new ArgumentException("InternalServerErrorShare and ServiceUnavailableShare together must not exceed 1: one draw decides between 500, 503 and success.");
            }
        }

        /// <summary>The value as a number in range; throws <see cref="ArgumentException"/> otherwise.</summary>
        public double Check(object? value)
        {
            double number;
            try
            {
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException)
            {
                throw new ArgumentException($"{ParameterName} needs a number, not '{value}'.", e);
            }

            if (value == null || value is bool || double.IsNaN(number) || double.IsInfinity(number) || number < Minimum || number > Maximum)
            {
                throw new ArgumentException(Maximum == 1
                    ? $"{ParameterName} needs a share between 0 and 1, not '{value}'."
                    : Minimum == 0 ? $"{ParameterName} needs a number of at least 0, not '{value}'." : $"{ParameterName} needs a finite number, not '{value}'.");
            }

            return number;
        }

        public string FormatValue(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}

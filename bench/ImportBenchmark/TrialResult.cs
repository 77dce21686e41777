using System;
using System.Globalization;
using System.Linq;

namespace OciBackup.ImportBenchmark
{
    /// <summary>What one trial process printed (see <see cref="ImportTrial"/>), with the whole process's wall time.</summary>
    internal sealed record TrialResult(
        double ProcessMilliseconds,
        double StartMilliseconds,
        double ImportMilliseconds,
        double FirstCommandMilliseconds,
        long JitCompiledByStart,
        long JitCompiledByImport,
        string LoadedByImport,
        string EnginePath)
    {
        public static TrialResult Parse(string output, double processMilliseconds)
        {
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("trial\t", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("A trial printed no result: " + output);
            var parts = line.TrimEnd('\r').Split('\t');
            return new TrialResult(
                processMilliseconds,
                double.Parse(parts[1], CultureInfo.InvariantCulture),
                double.Parse(parts[2], CultureInfo.InvariantCulture),
                double.Parse(parts[3], CultureInfo.InvariantCulture),
                long.Parse(parts[4], CultureInfo.InvariantCulture),
                long.Parse(parts[5], CultureInfo.InvariantCulture),
                parts[6],
                parts[7]);
        }
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace OciBackup.Benchmarks
{
    /// <summary>The command line (<c>--name value</c> pairs and switches), the repository and how times are printed.</summary>
    internal static class BenchmarkArguments
    {
        public static int Option(string[] args, string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        public static double Option(string[] args, string name, double fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        public static bool Switch(string[] args, string name) => args.Contains(name, StringComparer.Ordinal);

        public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

        /// <summary>The module the build left in out/OciBackup, as a user imports it.</summary>
        public static string ModuleManifest() => Path.Combine(Repository(), "out", "OciBackup", "OciBackup.psd1");

        private static string Repository()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "OciBackup.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException("OciBackup.sln not found above " + AppContext.BaseDirectory);
        }
    }
}

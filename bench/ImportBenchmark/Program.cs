using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace OciBackup.ImportBenchmark
{
    /// <summary>
    /// dotnet run -c Release --project bench/ImportBenchmark [-- --trials N]
    /// Starts 3N fresh processes, interleaving a bare hosted-engine start, a start that imports a manifest-only
    /// module (the floor: PowerShell's own Import-Module cost), and a start that imports out/OciBackup and runs
    /// New-OciSession, and prints the medians side by side: what the import adds to a PowerShell start, in
    /// milliseconds and as a ratio, how much of it is OciBackup's own, and the cost of the first command.
    /// Fresh processes, because a second import in a warm process costs almost nothing and would flatter us.
    /// </summary>
    public static class Program
    {
        private const double ImportGoalMilliseconds = 150;

        public static int Main(string[] args)
        {
            if ((args.Length == 4 || args.Length == 5) && args[0] == "--trial")
            {
                return ImportTrial.Run(args[1], args[2], args[3], args.Length == 5 ? args[4] : null);
            }

            var trials = args.Length == 2 && args[0] == "--trials" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
            var root = FindRepositoryRoot();
            var manifest = Path.Combine(root, "out", "OciBackup", "OciBackup.psd1");
            if (!File.Exists(manifest))
            {
                Console.Error.WriteLine($"{manifest} is missing: run dotnet build OciBackup.sln -c Release first.");
                return 1;
            }

            var scratch = Directory.CreateTempSubdirectory("ocibackup-import-bench-");
            try
            {
                var config = WriteConfig(scratch.FullName);
                var emptyManifest = WriteEmptyModule(scratch.FullName);
                var bare = new List<Trial>();
                var empty = new List<Trial>();
                var module = new List<Trial>();
                var warm = new List<Trial>();
                RunTrial("bare", manifest, config); // warm the disk cache once for each kind, then measure
                RunTrial("empty", emptyManifest, config);
                RunTrial("module", manifest, config);
                RunTrial("warm", manifest, config, emptyManifest);
                for (var i = 0; i < trials; i++)
                {
                    bare.Add(RunTrial("bare", manifest, config));
                    empty.Add(RunTrial("empty", emptyManifest, config));
                    module.Add(RunTrial("module", manifest, config));
                    warm.Add(RunTrial("warm", manifest, config, emptyManifest));
                }

                Report(trials, bare, empty, module, warm);
                return 0;
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        }

        private static void Report(int trials, List<Trial> bare, List<Trial> empty, List<Trial> module, List<Trial> warm)
        {
            var warmImport = Median(warm.Select(t => t.ImportMilliseconds));
            var emptyImport = Median(empty.Select(t => t.ImportMilliseconds));
            var bareProcess = Median(bare.Select(t => t.ProcessMilliseconds));
            var moduleProcess = Median(module.Select(t => t.ProcessMilliseconds));
            var bareStart = Median(bare.Select(t => t.StartMilliseconds));
            var import = Median(module.Select(t => t.ImportMilliseconds));
            var first = Median(module.Select(t => t.FirstCommandMilliseconds));
            Console.WriteLine($"Import-Module OciBackup in fresh processes, {trials} of each kind, interleaved (medians)");
            Console.WriteLine();
            Console.WriteLine(F($"  bare hosted engine: open a runspace, run one command     {bareStart,8:0.0} ms"));
            Console.WriteLine(F($"  Import-Module out/OciBackup (after the same start)        {import,8:0.0} ms  = {import / bareStart:0.00}x of the bare start"));
            Console.WriteLine(F($"  Import-Module of a manifest-only module (PowerShell's own) {emptyImport,8:0.0} ms  -> OciBackup's share: {import - emptyImport:0.0} ms"));
            Console.WriteLine(F($"  first command after it (New-OciSession -ConfigFile)       {first,8:0.0} ms  (engine, config, key, signer)"));
            Console.WriteLine(F($"  whole process, bare                                       {bareProcess,8:0.0} ms"));
            Console.WriteLine(F($"  whole process, start + import + first command             {moduleProcess,8:0.0} ms  = {moduleProcess / bareProcess:0.00}x, +{moduleProcess - bareProcess:0.0} ms"));
            Console.WriteLine();
            Console.WriteLine(F($"  start + import over bare start: {(bareStart + import) / bareStart:0.00}x, +{import:0.0} ms (goal: under {ImportGoalMilliseconds:0} ms added) -> {(import < ImportGoalMilliseconds ? "met" : "NOT met")}"));
            Console.WriteLine(F($"  in a shell that has imported a module before (as pwsh has, at start): +{warmImport:0.0} ms (goal: under {ImportGoalMilliseconds:0} ms added) -> {(warmImport < ImportGoalMilliseconds ? "met" : "NOT met")}"));
            Console.WriteLine("  loaded by the import alone: " + module[0].LoadedByImport);
        }

        private static Trial RunTrial(string kind, string manifest, string config, string? warmUpManifest = null)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { typeof(Program).Assembly.Location, "--trial", kind, manifest, config, warmUpManifest })
            {
                if (argument != null)
                {
                    start.ArgumentList.Add(argument);
                }
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("trial ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("A trial failed: " + output + errors.Result);
            var parts = line.Trim().Split(' ');
            return new Trial(elapsed, D(parts[1]), D(parts[2]), D(parts[3]), parts[4]);
        }

        private static string WriteConfig(string directory)
        {
            var key = Path.Combine(directory, "key.pem");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "keys", "test-rsa2048-pkcs1.pem"), key);
            var config = Path.Combine(directory, "config");
            File.WriteAllText(config,
                "[DEFAULT]\nuser=ocid1.user.oc1..aaaaaaaaflhvp4ewyhnvq4obbfcqyzgf7w7xy5ohcqn7fjzzq6tdbxtoqu2q\n" +
                "fingerprint=1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe\nkey_file=" + key + "\n" +
                "tenancy=ocid1.tenancy.oc1..aaaaaaaa5nfwo53cezleyy6t73v6rn6knhu3molvptnl3kcq34l5zb7ptz2q\nregion=us-phoenix-1\n");
            return config;
        }

        private static string WriteEmptyModule(string directory)
        {
            var folder = Directory.CreateDirectory(Path.Combine(directory, "EmptyModule")).FullName;
            var manifest = Path.Combine(folder, "EmptyModule.psd1");
            File.WriteAllText(manifest, "@{ ModuleVersion = '1.0.0'; GUID = '0b5c7f4e-3f1a-4c59-9a47-5d1e2f3a4b6c'; CmdletsToExport = @(); FunctionsToExport = @(); VariablesToExport = @(); AliasesToExport = @() }");
            return manifest;
        }

        private static string FindRepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "OciBackup.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("OciBackup.sln not found above " + AppContext.BaseDirectory);
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

        private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private sealed record Trial(double ProcessMilliseconds, double StartMilliseconds, double ImportMilliseconds, double FirstCommandMilliseconds, string LoadedByImport);
    }
}

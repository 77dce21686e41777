using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace OciBackup.ImportBenchmark
{
    /// <summary>
    /// dotnet run -c Release --project bench/ImportBenchmark [-- --trials N]
    /// Starts fresh processes, interleaving a bare hosted-engine start, a start that imports a manifest-only module
    /// (the floor: PowerShell's own Import-Module cost), a start that imports out/OciBackup and runs New-OciSession,
    /// and the same import after another module's (warm), in two hosts: the JIT host (the engine as the NuGet package
    /// ships it, IL only) and the ReadyToRun host (this program published ReadyToRun, as pwsh ships the engine).
    /// Prints the medians side by side: what the import adds to a PowerShell start, in milliseconds and as a ratio,
    /// how much of it is OciBackup's own, and the cost of the first command.
    /// Fresh processes, because a second import in a warm process costs almost nothing and would flatter us.
    /// </summary>
    public static class Program
    {
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

            var hosts = new List<BenchmarkHost> { new BenchmarkHost("JIT host", typeof(Program).Assembly.Location) };
            var readyToRunProgram = ReadyToRunHostPublisher.EnsurePublished(root, out var readyToRunFailure);
            var readyToRun = readyToRunProgram == null ? null : new BenchmarkHost("R2R host", readyToRunProgram);

            var scratch = Directory.CreateTempSubdirectory("ocibackup-import-bench-");
            try
            {
                var config = WriteConfig(scratch.FullName);
                var emptyManifest = WriteEmptyModule(scratch.FullName);
                var kinds = new (string Kind, string Manifest, string? WarmUp)[]
                {
                    ("bare", manifest, null), ("empty", emptyManifest, null), ("module", manifest, null), ("warm", manifest, emptyManifest),
                };

                // One untimed run of each kind in each host (disk cache), which also tells which engine each host loads.
                foreach (var (kind, kindManifest, warmUp) in kinds)
                {
                    hosts[0].WarmUp(kind, kindManifest, config, warmUp);
                }

                if (readyToRun != null)
                {
                    readyToRunFailure = WarmUpReadyToRunHost(readyToRun, kinds, config);
                    if (readyToRunFailure == null)
                    {
                        hosts.Add(readyToRun);
                    }
                }

                for (var i = 0; i < trials; i++)
                {
                    foreach (var (kind, kindManifest, warmUp) in kinds)
                    {
                        foreach (var host in hosts)
                        {
                            host.Measure(kind, kindManifest, config, warmUp);
                        }
                    }
                }

                ImportReport.Write(Console.Out, trials, root, hosts, readyToRunFailure);
                return 0;
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        }

        /// <summary>Returns why the ReadyToRun host cannot be measured, or null when it can.</summary>
        private static string? WarmUpReadyToRunHost(BenchmarkHost host, (string Kind, string Manifest, string? WarmUp)[] kinds, string config)
        {
            try
            {
                foreach (var (kind, kindManifest, warmUp) in kinds)
                {
                    host.WarmUp(kind, kindManifest, config, warmUp);
                }
            }
            catch (InvalidOperationException e)
            {
                return "its trial failed: " + e.Message;
            }

            return host.EngineIsReadyToRun
                ? null
                : $"published, but the System.Management.Automation.dll its trials load ({host.EnginePath}) carries no ReadyToRun code";
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
    }
}

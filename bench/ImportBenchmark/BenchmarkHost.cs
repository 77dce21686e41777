using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace OciBackup.ImportBenchmark
{
    /// <summary>
    /// One build of this benchmark program whose trial processes are measured: the JIT host (this build, with the
    /// engine as the NuGet package ships it) or the ReadyToRun host (the same program published ReadyToRun).
    /// Keeps the trials measured in it, by kind.
    /// </summary>
    internal sealed class BenchmarkHost
    {
        private readonly Dictionary<string, List<TrialResult>> _trials = new(StringComparer.Ordinal);

        public BenchmarkHost(string name, string programPath)
        {
            Name = name;
            ProgramPath = programPath;
        }

        public string Name { get; }

        /// <summary>The ImportBenchmark.dll that each trial process runs.</summary>
        public string ProgramPath { get; }

        /// <summary>The System.Management.Automation.dll the warm-up trials loaded, and whether it carries ReadyToRun code.</summary>
        public string EnginePath { get; private set; } = "";

        public bool EngineIsReadyToRun { get; private set; }

        public string EngineVersion { get; private set; } = "";

        public IReadOnlyList<TrialResult> Trials(string kind) => _trials.TryGetValue(kind, out var list) ? list : Array.Empty<TrialResult>();

        /// <summary>Runs one untimed trial (disk cache, the runtime's own caches) and checks the engine that trial loaded.</summary>
        public void WarmUp(string kind, string manifest, string config, string? warmUpManifest)
        {
            var trial = Run(kind, manifest, config, warmUpManifest);
            EnginePath = trial.EnginePath;
            EngineIsReadyToRun = ReadyToRunCode.IsIn(trial.EnginePath);
            var version = FileVersionInfo.GetVersionInfo(trial.EnginePath).ProductVersion ?? "?";
            EngineVersion = version.Split(' ')[0];
        }

        public void Measure(string kind, string manifest, string config, string? warmUpManifest)
        {
            if (!_trials.TryGetValue(kind, out var list))
            {
                list = new List<TrialResult>();
                _trials.Add(kind, list);
            }

            list.Add(Run(kind, manifest, config, warmUpManifest));
        }

        private TrialResult Run(string kind, string manifest, string config, string? warmUpManifest)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { ProgramPath, "--trial", kind, manifest, config, warmUpManifest })
            {
                if (argument != null)
                {
                    start.ArgumentList.Add(argument);
                }
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            try
            {
                return TrialResult.Parse(output, elapsed);
            }
            catch (InvalidOperationException)
            {
                throw new InvalidOperationException($"A {kind} trial in the {Name} ({Path.GetFileName(ProgramPath)}) failed: {output}{errors.Result}");
            }
        }
    }
}

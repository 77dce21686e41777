using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime;

namespace OciBackup.ImportBenchmark
{
    /// <summary>
    /// One trial, run in a process of its own: open a hosted engine and run a trivial command (the bare start);
    /// then, for "module", Import-Module the built module and run New-OciSession once, or for "empty", import a
    /// manifest-only module (what any Import-Module costs PowerShell itself).
    /// "warm" first imports another (manifest-only) module, untimed, as an interactive pwsh has imported modules
    /// (PSReadLine) before the user's first Import-Module: PowerShell's own import machinery is then already compiled.
    /// Prints one tab-separated line, read by <see cref="TrialResult.Parse"/>:
    /// "trial START IMPORT FIRST JITSTART JITIMPORT LOADED ENGINE" (milliseconds; methods JIT-compiled by the start
    /// and by the import; the OciBackup-related assemblies loaded by the import alone; the path of the
    /// System.Management.Automation.dll this process really loaded, so the parent can check its ReadyToRun code).
    /// </summary>
    internal static class ImportTrial
    {
        public static int Run(string kind, string manifest, string configFile, string? warmUpManifest)
        {
            var clock = Stopwatch.StartNew();
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            Invoke(runspace, "$null = 1");
            var start = clock.Elapsed.TotalMilliseconds;
            var jitStart = JitInfo.GetCompiledMethodCount();
            var engine = typeof(PowerShell).Assembly.Location;
            if (kind == "bare")
            {
                Print(start, 0, 0, jitStart, 0, "-", engine);
                return 0;
            }

            if (kind == "warm" && warmUpManifest != null)
            {
                Invoke(runspace, "Import-Module $args[0] -ErrorAction Stop", warmUpManifest);
            }

            var jitBeforeImport = JitInfo.GetCompiledMethodCount();
            clock.Restart();
            Invoke(runspace, "Import-Module $args[0] -ErrorAction Stop", manifest);
            var import = clock.Elapsed.TotalMilliseconds;
            var jitImport = JitInfo.GetCompiledMethodCount() - jitBeforeImport;
            var loaded = string.Join(",", AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name)
                .Where(n => n != null && (n.StartsWith("OciBackup", StringComparison.Ordinal) || n.StartsWith("BouncyCastle", StringComparison.Ordinal) || n == "System.Text.Json"))
                .OrderBy(n => n, StringComparer.Ordinal));

            if (kind == "empty")
            {
                Print(start, import, 0, jitStart, jitImport, "-", engine);
                return 0;
            }

            clock.Restart();
            Invoke(runspace, "$null = New-OciSession -ConfigFile $args[0] -ErrorAction Stop", configFile);
            var first = clock.Elapsed.TotalMilliseconds;
            Print(start, import, first, jitStart, jitImport, loaded.Length == 0 ? "-" : loaded, engine);
            return 0;
        }

        private static void Print(double start, double import, double first, long jitStart, long jitImport, string loaded, string engine)
        {
            Console.WriteLine(FormattableString.Invariant($"trial\t{start:0.0}\t{import:0.0}\t{first:0.0}\t{jitStart}\t{jitImport}\t{loaded}\t{engine}"));
        }

        private static void Invoke(Runspace runspace, string script, params object[] arguments)
        {
            using var shell = PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddScript(script);
            foreach (var argument in arguments)
            {
                shell.AddArgument(argument);
            }

            shell.Invoke();
            if (shell.HadErrors)
            {
                throw new InvalidOperationException(string.Join("; ", shell.Streams.Error.Select(e => e.ToString())));
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace OciBackup.ImportBenchmark
{
    /// <summary>
    /// Prints the medians of every host side by side, what each host is (checked, not assumed), and the verdict
    /// on the goal for each host, the ReadyToRun one first: that is the engine pwsh users run.
    /// </summary>
    internal static class ImportReport
    {
        private const double ImportGoalMilliseconds = 150;
        private const int LabelWidth = 62;
        private const int ColumnWidth = 12;

        public static void Write(TextWriter output, int trials, string root, IReadOnlyList<BenchmarkHost> hosts, string? readyToRunFailure)
        {
            var jit = hosts[0];
            var readyToRun = hosts.Count > 1 ? hosts[1] : null;
            var coreLibIsReadyToRun = ReadyToRunCode.IsIn(typeof(object).Assembly.Location);
            var moduleFolder = Path.Combine(root, "out", "OciBackup");
            var moduleAssemblies = Directory.GetFiles(moduleFolder, "*.dll", SearchOption.AllDirectories);
            var moduleReadyToRun = moduleAssemblies.Count(ReadyToRunCode.IsIn);

            output.WriteLine($"Import-Module OciBackup in fresh processes: {trials} trials of each kind in each host, interleaved (medians)");
            output.WriteLine();
            output.WriteLine($"Hosts: this program on {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier}); the runtime's own assemblies "
                + (coreLibIsReadyToRun ? "are ReadyToRun in both (checked: System.Private.CoreLib)" : "carry NO ReadyToRun code (checked: System.Private.CoreLib)"));
            output.WriteLine($"  JIT host  the engine as the NuGet package ships it: System.Management.Automation {jit.EngineVersion} "
                + (jit.EngineIsReadyToRun ? "carries ReadyToRun code after all (checked), so this host is not JIT-only" : "is IL only, no ReadyToRun code (checked): JIT-compiled on first use"));
            output.WriteLine($"            {Path.GetRelativePath(root, jit.ProgramPath)}");
            if (readyToRun != null)
            {
                output.WriteLine($"  R2R host  the engine as pwsh ships it, published ReadyToRun: System.Management.Automation {readyToRun.EngineVersion} carries ReadyToRun code (checked)");
                output.WriteLine($"            {Path.GetRelativePath(root, readyToRun.ProgramPath)}");
            }
            else
            {
                output.WriteLine($"  R2R host  NOT MEASURED: {readyToRunFailure}");
            }

            output.WriteLine($"  out/OciBackup: {moduleAssemblies.Length} assemblies, {(moduleReadyToRun == 0 ? "none" : moduleReadyToRun.ToString(Invariant))} ReadyToRun (checked): the module is JIT-compiled in both hosts, as it ships");
            output.WriteLine();

            Row(output, "", hosts.Select(h => h.Name));
            Row(output, "bare hosted engine: open a runspace, run one command", hosts.Select(h => Ms(BareStart(h))));
            Row(output, "Import-Module out/OciBackup (after the same start)", hosts.Select(h => Ms(Import(h))));
            Row(output, "  start + import over the bare start", hosts.Select(h => Times((BareStart(h) + Import(h)) / BareStart(h))));
            Row(output, "Import-Module of a manifest-only module (PowerShell's own)", hosts.Select(h => Ms(EmptyImport(h))));
            Row(output, "  -> OciBackup's share of the import", hosts.Select(h => Ms(Import(h) - EmptyImport(h))));
            Row(output, "import in a shell that has imported a module before (warm)", hosts.Select(h => Ms(WarmImport(h))));
            Row(output, "first command after it (New-OciSession -ConfigFile)", hosts.Select(h => Ms(Median(h.Trials("module").Select(t => t.FirstCommandMilliseconds)))));
            Row(output, "whole process, bare", hosts.Select(h => Ms(Median(h.Trials("bare").Select(t => t.ProcessMilliseconds)))));
            Row(output, "whole process, start + import + first command", hosts.Select(h => Ms(Median(h.Trials("module").Select(t => t.ProcessMilliseconds)))));
            Row(output, "methods JIT-compiled by the bare start", hosts.Select(h => Count(Median(h.Trials("bare").Select(t => (double)t.JitCompiledByStart)))));
            Row(output, "methods JIT-compiled by Import-Module OciBackup", hosts.Select(h => Count(Median(h.Trials("module").Select(t => (double)t.JitCompiledByImport)))));
            output.WriteLine();

            output.WriteLine($"Goal: Import-Module OciBackup adds under {ImportGoalMilliseconds:0} ms to a bare hosted start");
            output.WriteLine(readyToRun != null
                ? "  R2R host, the engine pwsh users get: " + Verdict(readyToRun)
                : "  R2R host, the engine pwsh users get: not measured (see above); the JIT host below overstates what pwsh users pay");
            output.WriteLine("  JIT host, shown too (NuGet's engine, " + (jit.EngineIsReadyToRun ? "ReadyToRun after all" : "JIT-compiled on first use") + "): " + Verdict(jit));

            var loaded = hosts.Select(h => (h.Name, Loaded: h.Trials("module")[0].LoadedByImport)).ToList();
            output.WriteLine(loaded.Select(l => l.Loaded).Distinct().Count() == 1
                ? "  loaded by the import alone: " + loaded[0].Loaded
                : "  loaded by the import alone: " + string.Join("; ", loaded.Select(l => $"{l.Name}: {l.Loaded}")));
        }

        private static string Verdict(BenchmarkHost host)
        {
            var import = Import(host);
            var warm = WarmImport(host);
            return F($"cold +{import:0.0} ms ({(BareStart(host) + import) / BareStart(host):0.00}x the bare start) -> {Met(import)}; ")
                + F($"warm +{warm:0.0} ms -> {Met(warm)}");
        }

        private static string Met(double added) => added < ImportGoalMilliseconds ? "met" : "NOT met";

        private static double BareStart(BenchmarkHost host) => Median(host.Trials("bare").Select(t => t.StartMilliseconds));

        private static double Import(BenchmarkHost host) => Median(host.Trials("module").Select(t => t.ImportMilliseconds));

        private static double EmptyImport(BenchmarkHost host) => Median(host.Trials("empty").Select(t => t.ImportMilliseconds));

        private static double WarmImport(BenchmarkHost host) => Median(host.Trials("warm").Select(t => t.ImportMilliseconds));

        private static void Row(TextWriter output, string label, IEnumerable<string> cells)
        {
            output.WriteLine("  " + label.PadRight(LabelWidth) + string.Concat(cells.Select(c => c.PadLeft(ColumnWidth))));
        }

        private static string Ms(double milliseconds) => F($"{milliseconds:0.0} ms");

        private static string Times(double ratio) => F($"{ratio:0.00}x");

        private static string Count(double count) => F($"{count:#,0}");

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        private static IFormatProvider Invariant => System.Globalization.CultureInfo.InvariantCulture;

        private static string F(FormattableString text) => text.ToString(Invariant);
    }
}

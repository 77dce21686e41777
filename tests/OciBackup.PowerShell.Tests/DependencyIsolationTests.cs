using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class DependencyIsolationTests
    {
        private const string ProbeRegion = "xx-probe-1";

        [Fact]
        public void The_module_works_beside_another_bouncycastle_and_powershells_own_system_text_json()
        {
            using var config = new TempConfig();

            var facts = RunProbe(config.ConfigFile);

            // Another module's BouncyCastle sits in the default context, and ours could not have joined it there.
            Assert.Contains("foreign 1.8.10.0 True", facts);
            Assert.Contains("control conflict", facts);
            // Importing loads only the thin cmdlet assembly and the resolver: no engine, BouncyCastle, JSON or config yet.
            Assert.Contains("after-import OciBackup,OciBackup.Isolation", facts);
            // Yet New-OciSession read the PEM key (BouncyCastle) and region metadata JSON (System.Text.Json).
            Assert.Contains($"session {ProbeRegion} https://iaas.{ProbeRegion}.example-cloud.com/ {TempConfig.Fingerprint}", facts);

            Assert.Contains("assembly BouncyCastle.Cryptography 1.8.10.0 Default", facts);
            Assert.Contains("assembly BouncyCastle.Cryptography 2.0.0.0 OciBackup.Engine", facts);
            Assert.Contains("assembly System.Text.Json 8.0.0.0 OciBackup.Engine", facts);
            Assert.Contains(facts, f => f.StartsWith("assembly System.Text.Json 10.", StringComparison.Ordinal) && f.EndsWith(" Default", StringComparison.Ordinal));
            Assert.Contains(facts, f => f.StartsWith("assembly OciBackup.Engine ", StringComparison.Ordinal) && f.EndsWith(" OciBackup.Engine", StringComparison.Ordinal));
            Assert.Contains(facts, f => f.StartsWith("assembly OciBackup ", StringComparison.Ordinal) && f.EndsWith(" Default", StringComparison.Ordinal));
        }

        [Fact]
        public void The_cmdlet_assembly_references_no_dependency_of_the_engine()
        {
            using var stream = File.OpenRead(Path.Combine(ModuleHost.ModuleFolder, "OciBackup.dll"));
            using var reader = new PEReader(stream);
            var metadata = reader.GetMetadataReader();

            var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).OrderBy(n => n, StringComparer.Ordinal);

            // Cmdlets reach BouncyCastle and System.Text.Json only through the engine, so no dependency type crosses
            // from the engine's private load context into PowerShell's.
            Assert.Equal(new[] { "OciBackup.Engine", "System.Management.Automation", "netstandard" }, references);
        }

        [Fact]
        public void No_cmdlet_takes_or_returns_a_type_of_the_engines_dependencies()
        {
            using var host = new ModuleHost();

            var roots = host.Invoke(
                "foreach ($c in (Get-Module OciBackup).ExportedCmdlets.Values) {\n" +
                "  [pscustomobject]@{ From = $c.Name; Type = $c.ImplementingType }\n" +
                "  foreach ($p in $c.Parameters.Values) { [pscustomobject]@{ From = \"$($c.Name) -$($p.Name)\"; Type = $p.ParameterType } }\n" +
                "  foreach ($o in $c.OutputType) { if ($o.Type) { [pscustomobject]@{ From = \"$($c.Name) output\"; Type = $o.Type } } }\n" +
                "}")
                .Select(o => (Type: (Type)o.Properties["Type"].Value, From: (string)o.Properties["From"].Value)).ToList();
            // The engine as PowerShell loaded it (in its private load context on PowerShell 7), and every type it makes public.
            var engine = roots.Select(r => r.Type.Assembly).Distinct().Single(a => a.GetName().Name == "OciBackup.Engine");
            roots.AddRange(engine.GetExportedTypes().Select(t => (Type: t, From: "public engine type")));
            var dependencies = Directory.GetFiles(Path.Combine(ModuleHost.ModuleFolder, "dependencies"), "*.dll")
                .Select(f => Path.GetFileNameWithoutExtension(f)!).Where(n => n != "OciBackup.Engine").ToHashSet(StringComparer.OrdinalIgnoreCase);

            var reached = ReachableTypes.From(roots, t => t.Assembly == engine || t.Assembly.GetName().Name == "OciBackup");

            Assert.Contains("System.Text.Json", dependencies);
            Assert.Contains("BouncyCastle.Cryptography", dependencies);
            var leaks = reached.Where(r => dependencies.Contains(r.Key.Assembly.GetName().Name!)).Select(r => r.Value).ToList();
            Assert.True(leaks.Count == 0, "Users can reach types of the engine's dependencies:\n" + string.Join("\n", leaks));
            // The walk went through the backups' members, down to what AdditionalProperties holds (asked of a walk from the
            // backup alone: Set-OciEmulatorFault's output is an OrderedDictionary too, which the full walk may meet first).
            var backup = Assert.Single(reached.Keys, t => t.FullName == "OciBackup.Engine.Models.VolumeBackup");
            var fromBackup = ReachableTypes.From(new[] { (backup, "VolumeBackup") }, t => t.Assembly == engine);
            Assert.Contains("AdditionalProperties", fromBackup[typeof(System.Collections.Specialized.OrderedDictionary)], StringComparison.Ordinal);
        }

        private static IReadOnlyList<string> RunProbe(string configFile)
        {
            var probe = Path.Combine(ModuleHost.RepositoryRoot, "tests", "OciBackup.IsolationProbe", "bin", ModuleHost.BuildConfiguration, "net10.0", "OciBackup.IsolationProbe.dll");
            Assert.True(File.Exists(probe), probe + " is missing: build the solution");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { probe, ModuleHost.ManifestPath, configFile, ProbeRegion })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["OCI_REGION_METADATA"] =
                "{\"realmKey\":\"oc99\",\"realmDomainComponent\":\"example-cloud.com\",\"regionKey\":\"zzz\",\"regionIdentifier\":\"" + ProbeRegion + "\"}";
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "the probe did not finish within a minute");
            Assert.True(process.ExitCode == 0, "the probe failed: " + output + errors.Result);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }
}

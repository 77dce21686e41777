using System.Collections;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class ModuleManifestTests
    {
        [Fact]
        public void The_built_module_folder_exports_exactly_the_cmdlets_the_manifest_lists()
        {
            using var host = new ModuleHost();
            var manifest = ReadManifest();
            var listed = ((object[])manifest["CmdletsToExport"]!).Cast<string>().OrderBy(n => n).ToArray();

            var exported = host.Invoke("(Get-Module OciBackup).ExportedCmdlets.Keys").Select(o => o.ToString()).OrderBy(n => n).ToArray();

            Assert.NotEmpty(listed);
            Assert.Equal(listed, exported);
            Assert.Equal("OciBackup.dll", manifest["RootModule"]);
        }

        [Fact]
        public void The_module_folder_carries_its_dependencies_and_formats()
        {
            foreach (var file in new[]
            {
                "OciBackup.psd1", "OciBackup.dll", "OciBackup.Isolation.dll", "OciBackup.Format.ps1xml", "OciBackup.Types.ps1xml",
                "dependencies/OciBackup.Engine.dll", "dependencies/BouncyCastle.Cryptography.dll", "dependencies/System.Text.Json.dll",
            })
            {
                Assert.True(System.IO.File.Exists(System.IO.Path.Combine(ModuleHost.ModuleFolder, file)), file + " is missing from out/OciBackup");
            }

            // Anything beside OciBackup.dll would load into PowerShell's shared context, where other modules' copies live.
            Assert.False(System.IO.File.Exists(System.IO.Path.Combine(ModuleHost.ModuleFolder, "BouncyCastle.Cryptography.dll")), "dependencies belong in out/OciBackup/dependencies");
            Assert.False(System.IO.File.Exists(System.IO.Path.Combine(ModuleHost.ModuleFolder, "OciBackup.Engine.dll")), "the engine belongs in out/OciBackup/dependencies");

            Assert.False(System.IO.File.Exists(System.IO.Path.Combine(ModuleHost.ModuleFolder, "System.Management.Automation.dll")), "PowerShell's own assembly must not ship in the module");
        }

        [Fact]
        public void The_manifest_targets_both_editions_and_windows_powershell_5_1_without_wildcards()
        {
            var manifest = ReadManifest();
            Assert.Equal(new[] { "Desktop", "Core" }, ((object[])manifest["CompatiblePSEditions"]!).Cast<string>());
            Assert.Equal("5.1", manifest["PowerShellVersion"]);
            Assert.All(((object[])manifest["CmdletsToExport"]!).Cast<string>(), name => Assert.DoesNotContain("*", name));
        }

        internal static string[] ListedCmdlets() => ((object[])ReadManifest()["CmdletsToExport"]!).Cast<string>().ToArray();

        internal static Hashtable ReadManifest()
        {
            var ast = Parser.ParseFile(ModuleHost.ManifestPath, out _, out var errors);
            Assert.Empty(errors);
            var table = (HashtableAst)ast.Find(a => a is HashtableAst, false)!;
            return (Hashtable)table.SafeGetValue();
        }
    }
}

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

        [Fact]
        public void Test_ModuleManifest_accepts_the_built_manifest()
        {
            using var host = new ModuleHost();

            var module = host.Invoke("Test-ModuleManifest -Path $args[0] -ErrorAction Stop", ModuleHost.ManifestPath).Single();

            Assert.Equal("OciBackup", module.Properties["Name"].Value);
            Assert.Equal(ReadManifest()["ModuleVersion"], module.Properties["Version"].Value!.ToString());
            Assert.Equal(ListedCmdlets().OrderBy(n => n), ((System.Collections.IDictionary)module.Properties["ExportedCmdlets"].Value!).Keys.Cast<string>().OrderBy(n => n));
        }

        [Fact]
        public void The_manifest_loads_types_and_formats_and_carries_gallery_metadata()
        {
            var manifest = ReadManifest();
            var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;

            Assert.Equal(new[] { "OciBackup.Types.ps1xml" }, ((object[])manifest["TypesToProcess"]!).Cast<string>());
            Assert.Equal(new[] { "OciBackup.Format.ps1xml" }, ((object[])manifest["FormatsToProcess"]!).Cast<string>());
            Assert.Contains("PSEdition_Core", ((object[])psData["Tags"]!).Cast<string>());
            Assert.Contains("PSEdition_Desktop", ((object[])psData["Tags"]!).Cast<string>());
            Assert.StartsWith("https://", (string)psData["ProjectUri"]!);
            Assert.EndsWith("/LICENSE", (string)psData["LicenseUri"]!);
            Assert.False(string.IsNullOrWhiteSpace((string?)psData["ReleaseNotes"]));
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(ModuleHost.RepositoryRoot, "LICENSE")), "the LicenseUri points at a LICENSE file at the repository root");
        }

        [Fact]
        public void The_types_file_adds_the_Auth_alias_to_a_session()
        {
            using var config = new TempConfig();
            using var host = new ModuleHost();

            var auth = host.Invoke("(New-OciSession -ConfigFile $args[0]).Auth", config.ConfigFile).Single();

            Assert.Equal("ApiKey", auth.ToString());
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

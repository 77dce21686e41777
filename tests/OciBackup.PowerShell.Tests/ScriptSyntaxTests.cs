using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// The scripts CI cannot run here (Pester tests need pwsh and Pester; build.ps1 needs pwsh) must at
    /// least be valid PowerShell: parsed by the same engine's parser.
    /// </summary>
    public class ScriptSyntaxTests
    {
        public static TheoryData<string> Scripts()
        {
            var data = new TheoryData<string>();
            var root = ModuleHost.RepositoryRoot;
            foreach (var file in Directory.GetFiles(Path.Combine(root, "tests", "pester"), "*.ps1")
                .Concat(Directory.GetFiles(Path.Combine(root, "samples"), "*.ps1"))
                .Concat(Directory.GetFiles(Path.Combine(root, "bench"), "*.ps1"))
                .Append(Path.Combine(root, "build.ps1")))
            {
                data.Add(Path.GetRelativePath(root, file));
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Scripts))]
        public void The_script_parses_without_errors(string relativePath)
        {
            Parser.ParseFile(Path.Combine(ModuleHost.RepositoryRoot, relativePath), out _, out var errors);

            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
        }

        [Fact]
        public void There_are_pester_tests_for_the_module_and_the_backup_cmdlets()
        {
            var names = Directory.GetFiles(Path.Combine(ModuleHost.RepositoryRoot, "tests", "pester"), "*.Tests.ps1").Select(Path.GetFileName).ToList();
            Assert.Contains("Backup.Tests.ps1", names);
            Assert.Contains("Module.Tests.ps1", names);
            Assert.Contains("Emulator.Tests.ps1", names);
        }
    }
}

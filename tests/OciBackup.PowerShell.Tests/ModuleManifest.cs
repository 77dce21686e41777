using System.Collections;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>The module manifest (OciBackup.psd1) as data, read by PowerShell's parser without running it.</summary>
    internal static class ModuleManifest
    {
        public static string[] ListedCmdlets() => ((object[])Read()["CmdletsToExport"]!).Cast<string>().ToArray();

        public static Hashtable Read()
        {
            var ast = Parser.ParseFile(ModuleHost.ManifestPath, out _, out var errors);
            Assert.Empty(errors);
            var table = (HashtableAst)ast.Find(a => a is HashtableAst, false)!;
            return (Hashtable)table.SafeGetValue();
        }
    }
}

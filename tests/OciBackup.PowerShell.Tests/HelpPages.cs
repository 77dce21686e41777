using System.Collections.Generic;
using System.IO;
using System.Linq;
using OciBackup.ModuleBuilder.Help;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>The cmdlet pages of docs/help, read by the same reader the build compiles them with.</summary>
    public static class HelpPages
    {
        public static string Folder => Path.Combine(ModuleHost.RepositoryRoot, "docs", "help");

        public static IReadOnlyList<CommandHelpPage> All =>
            Directory.GetFiles(Folder, "*.md").Where(f => !MarkdownHelpReader.IsAboutTopic(f)).OrderBy(f => f).Select(MarkdownHelpReader.Read).ToList();

        public static IEnumerable<object[]> Names => All.Select(p => new object[] { p.Name });

        public static CommandHelpPage Of(string name) => All.Single(p => p.Name == name);
    }
}

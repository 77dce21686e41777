using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>
    /// docs/help to a module's culture folder: every cmdlet page into the MAML file its front matter names
    /// (OciBackup.dll-Help.xml), every about_*.md into about_*.help.txt. Files it wrote before and no longer
    /// writes are removed, so a deleted page does not linger.
    /// </summary>
    public static class HelpCompiler
    {
        public static IReadOnlyList<string> Compile(string sourceFolder, string cultureFolder)
        {
            var markdown = Directory.GetFiles(sourceFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal).ToList();
            var pages = markdown.Where(f => !MarkdownHelpReader.IsAboutTopic(f)).Select(MarkdownHelpReader.Read).ToList();
            var duplicate = pages.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                throw new HelpFormatException(duplicate.Last().SourcePath, $"{duplicate.Key} has more than one page");
            }

            Directory.CreateDirectory(cultureFolder);
            var written = new List<string>();
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            foreach (var file in pages.GroupBy(p => p.ExternalHelpFile, StringComparer.OrdinalIgnoreCase))
            {
                var path = Path.Combine(cultureFolder, file.Key);
                using (var stream = File.Create(path))
                {
                    MamlWriter.Write(file).Save(stream);
                }

                written.Add(path);
            }

            foreach (var about in markdown.Where(MarkdownHelpReader.IsAboutTopic))
            {
                var path = Path.Combine(cultureFolder, Path.GetFileNameWithoutExtension(about) + ".help.txt");
                File.WriteAllText(path, AboutTopicWriter.Convert(File.ReadAllText(about), about), utf8);
                written.Add(path);
            }

            foreach (var stale in Directory.GetFiles(cultureFolder).Where(f => f.EndsWith("-Help.xml", StringComparison.Ordinal) || f.EndsWith(".help.txt", StringComparison.Ordinal)).Except(written))
            {
                File.Delete(stale);
            }

            return written;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Markdig;
using Markdig.Syntax;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>
    /// Turns an about topic in PlatyPS form ("# about_Name", then "##" sections starting with Short description and
    /// Long description) into the plain-text about_Name.help.txt that Get-Help shows: headings in capitals at the
    /// margin, text wrapped and indented by four, code indented by eight and left as written.
    /// </summary>
    public static class AboutTopicWriter
    {
        private const int Width = 80;
        private const string Indent = "    ";

        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

        public static string Convert(string markdown, string path)
        {
            var document = Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline);
            var title = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1)
                ?? throw new HelpFormatException(path, "no '# about_Name' title");
            var name = MarkdownText.Of(title.Inline);
            if (!name.StartsWith("about_", StringComparison.Ordinal) || name != Path.GetFileNameWithoutExtension(path))
            {
                throw new HelpFormatException(path, $"the title '{name}' must be the file's name, starting with about_");
            }

            var sections = MarkdownSections.SplitList(document, level: 2);
            if (sections.Count < 2 || !sections[0].Heading.Equals("Short description", StringComparison.OrdinalIgnoreCase)
                || !sections[1].Heading.Equals("Long description", StringComparison.OrdinalIgnoreCase))
            {
                throw new HelpFormatException(path, "an about topic starts with '## Short description' and '## Long description'");
            }

            var text = new StringBuilder();
            text.Append("TOPIC\n").Append(Indent).Append(name).Append("\n\n");
            foreach (var (heading, body) in sections)
            {
                text.Append(heading.ToUpperInvariant()).Append('\n');
                foreach (var block in body)
                {
                    AppendBlock(text, block, Indent);
                }
            }

            return text.ToString().TrimEnd() + "\n";
        }

        private static void AppendBlock(StringBuilder text, Block block, string indent)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    text.Append(indent).Append(MarkdownText.Of(heading.Inline).ToUpperInvariant()).Append("\n\n");
                    break;
                case CodeBlock code:
                    foreach (var line in MarkdownText.CodeOf(code).Split('\n'))
                    {
                        text.Append((indent + Indent + line).TrimEnd()).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var paragraphs = MarkdownText.Paragraphs(item);
                        for (var i = 0; i < paragraphs.Count; i++)
                        {
                            var first = i == 0 ? indent + "- " : indent + "  ";
                            foreach (var line in Wrap(paragraphs[i], Width - first.Length))
                            {
                                text.Append(first).Append(line).Append('\n');
                                first = indent + "  ";
                            }
                        }
                    }

                    text.Append('\n');
                    break;
                default:
                    foreach (var paragraph in MarkdownText.Paragraphs(new[] { block }))
                    {
                        foreach (var line in Wrap(paragraph, Width - indent.Length))
                        {
                            text.Append(indent).Append(line).Append('\n');
                        }

                        text.Append('\n');
                    }

                    break;
            }
        }

        private static IEnumerable<string> Wrap(string paragraph, int width)
        {
            foreach (var hardLine in paragraph.Split('\n'))
            {
                var line = new StringBuilder();
                foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (line.Length > 0 && line.Length + 1 + word.Length > width)
                    {
                        yield return line.ToString();
                        line.Clear();
                    }

                    if (line.Length > 0)
                    {
                        line.Append(' ');
                    }

                    line.Append(word);
                }

                yield return line.ToString();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Serialization;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>
    /// Reads a cmdlet page in PlatyPS schema 2.0.0: front matter, "# Name", then the "##" sections SYNOPSIS, SYNTAX,
    /// DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES and RELATED LINKS. A page that breaks the schema
    /// is an error naming the file and the problem, so a broken page fails the build instead of shipping.
    /// </summary>
    public static class MarkdownHelpReader
    {
        public const string CommonParametersHeading = "CommonParameters";

        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

        private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

        private static readonly Regex SyntaxParameter = new Regex(@"(?<![\w-])-(?<name>[A-Za-z][A-Za-z0-9]*)\b", RegexOptions.CultureInvariant);

        private static readonly string[] RequiredSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS" };

        public static bool IsAboutTopic(string path) => Path.GetFileName(path).StartsWith("about_", StringComparison.OrdinalIgnoreCase);

        public static CommandHelpPage Read(string path) => Parse(File.ReadAllText(path), path);

        public static CommandHelpPage Parse(string markdown, string path)
        {
            var document = Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline);
            var front = FrontMatter(document);
            var title = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1)
                ?? throw new HelpFormatException(path, "no '# Verb-Noun' title");
            var name = MarkdownText.Of(title.Inline);
            var sections = MarkdownSections.Split(document, level: 2);
            foreach (var required in RequiredSections.Where(r => !sections.ContainsKey(r)))
            {
                throw new HelpFormatException(path, $"no '## {required}' section");
            }

            var synopsis = string.Join(" ", MarkdownText.Paragraphs(sections["SYNOPSIS"]));
            if (synopsis.Length == 0)
            {
                throw new HelpFormatException(path, "the SYNOPSIS is empty");
            }

            if (!front.TryGetValue("external help file", out var helpFile) || string.IsNullOrWhiteSpace(helpFile))
            {
                throw new HelpFormatException(path, "the front matter names no 'external help file'");
            }

            front.TryGetValue("online version", out var online);
            return new CommandHelpPage(
                path,
                name,
                helpFile.Trim(),
                string.IsNullOrWhiteSpace(online) ? null : online.Trim(),
                synopsis,
                MarkdownText.Paragraphs(sections["DESCRIPTION"]),
                ReadSyntax(sections["SYNTAX"], path),
                ReadExamples(sections["EXAMPLES"], path),
                ReadParameters(sections["PARAMETERS"], path),
                ReadTypes(sections["INPUTS"]),
                ReadTypes(sections["OUTPUTS"]),
                sections.TryGetValue("NOTES", out var notes) ? MarkdownText.Paragraphs(notes) : Array.Empty<string>(),
                sections.TryGetValue("RELATED LINKS", out var links) ? ReadLinks(links) : Array.Empty<RelatedLink>());
        }

        internal static Dictionary<string, string> FrontMatter(MarkdownDocument document)
        {
            var block = document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
            if (block == null)
            {
                return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            var yaml = MarkdownText.CodeOf(block);
            var values = Yaml.Deserialize<Dictionary<string, string?>>(yaml) ?? new Dictionary<string, string?>();
            return values.ToDictionary(p => p.Key, p => p.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        }

        private static IReadOnlyList<SyntaxHelp> ReadSyntax(IReadOnlyList<Block> blocks, string path)
        {
            var syntax = new List<SyntaxHelp>();
            string? setName = null;
            var isDefault = false;
            foreach (var block in blocks)
            {
                if (block is HeadingBlock heading)
                {
                    var text = MarkdownText.Of(heading.Inline);
                    isDefault = text.EndsWith("(Default)", StringComparison.Ordinal);
                    setName = isDefault ? text.Substring(0, text.Length - "(Default)".Length).Trim() : text;
                }
                else if (block is FencedCodeBlock code)
                {
                    var names = SyntaxParameter.Matches(MarkdownText.CodeOf(code)).Select(m => m.Groups["name"].Value).ToList();
                    syntax.Add(new SyntaxHelp(setName, isDefault, names));
                }
            }

            if (syntax.Count == 0)
            {
                throw new HelpFormatException(path, "the SYNTAX section has no code block");
            }

            return syntax;
        }

        private static IReadOnlyList<ExampleHelp> ReadExamples(IReadOnlyList<Block> blocks, string path)
        {
            var examples = new List<ExampleHelp>();
            foreach (var (heading, body) in MarkdownSections.SplitList(blocks, level: 3))
            {
                var code = body.OfType<FencedCodeBlock>().Select(MarkdownText.CodeOf).ToList();
                if (code.Count == 0)
                {
                    throw new HelpFormatException(path, $"example '{heading}' has no code block");
                }

                var firstCode = body.TakeWhile(b => b is not FencedCodeBlock).ToList();
                var afterCode = body.Skip(firstCode.Count).Where(b => b is not FencedCodeBlock).ToList();
                examples.Add(new ExampleHelp(heading, MarkdownText.Paragraphs(firstCode), code, MarkdownText.Paragraphs(afterCode)));
            }

            return examples;
        }

        private static IReadOnlyList<ParameterHelp> ReadParameters(IReadOnlyList<Block> blocks, string path)
        {
            var parameters = new List<ParameterHelp>();
            foreach (var (heading, body) in MarkdownSections.SplitList(blocks, level: 3))
            {
                if (heading == CommonParametersHeading)
                {
                    continue;
                }

                if (!heading.StartsWith("-", StringComparison.Ordinal))
                {
                    throw new HelpFormatException(path, $"parameter heading '### {heading}' must be '### -Name'");
                }

                var name = heading.Substring(1);
                var usages = body.OfType<FencedCodeBlock>().Where(c => string.Equals(c.Info, "yaml", StringComparison.OrdinalIgnoreCase))
                    .Select(c => ReadUsage(MarkdownText.CodeOf(c), path, name)).ToList();
                if (usages.Count == 0)
                {
                    throw new HelpFormatException(path, $"parameter -{name} has no yaml block (Type, Parameter Sets, Aliases, Required, Position, ...)");
                }

                var description = MarkdownText.Paragraphs(body.Where(b => b is not FencedCodeBlock f || !string.Equals(f.Info, "yaml", StringComparison.OrdinalIgnoreCase)));
                if (description.Count == 0)
                {
                    throw new HelpFormatException(path, $"parameter -{name} has no description");
                }

                parameters.Add(new ParameterHelp(name, description, usages));
            }

            return parameters;
        }

        private static ParameterUsage ReadUsage(string yaml, string path, string parameter)
        {
            Dictionary<string, string?> values;
            try
            {
                values = Yaml.Deserialize<Dictionary<string, string?>>(yaml) ?? new Dictionary<string, string?>();
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new HelpFormatException(path, $"parameter -{parameter} has invalid yaml: {e.Message}");
            }

            string Value(string key, string fallback) =>
                values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value!.Trim() : fallback;

            if (!values.ContainsKey("Type"))
            {
                throw new HelpFormatException(path, $"parameter -{parameter} has no 'Type:' in its yaml block");
            }

            return new ParameterUsage(
                Value("Type", "Object"),
                List(Value("Parameter Sets", "(All)")),
                List(Value("Aliases", string.Empty)),
                bool.TryParse(Value("Required", "False"), out var required) && required,
                Value("Position", "Named"),
                Value("Default value", "None"),
                Value("Accept pipeline input", "False"),
                bool.TryParse(Value("Accept wildcard characters", "False"), out var wildcards) && wildcards,
                List(Value("Accepted values", string.Empty)));
        }

        private static IReadOnlyList<string> List(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

        private static IReadOnlyList<TypeHelp> ReadTypes(IReadOnlyList<Block> blocks) =>
            MarkdownSections.SplitList(blocks, level: 3).Select(s => new TypeHelp(s.Heading, MarkdownText.Paragraphs(s.Body))).ToList();

        private static IReadOnlyList<RelatedLink> ReadLinks(IReadOnlyList<Block> blocks)
        {
            var links = new List<RelatedLink>();
            foreach (var paragraph in blocks.OfType<ParagraphBlock>())
            {
                var linkInlines = paragraph.Inline?.Descendants<LinkInline>().Where(l => !l.IsImage).ToList() ?? new List<LinkInline>();
                if (linkInlines.Count == 0)
                {
                    links.Add(new RelatedLink(MarkdownText.Of(paragraph.Inline), null));
                    continue;
                }

                links.AddRange(linkInlines.Select(l => new RelatedLink(MarkdownText.Of(l), string.IsNullOrEmpty(l.Url) ? null : l.Url)));
            }

            return links;
        }
    }
}

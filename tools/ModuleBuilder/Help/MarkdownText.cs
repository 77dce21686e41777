using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>
    /// Markdown blocks as the plain text a console shows: one string per paragraph, list item ("- " first) or code
    /// block (verbatim); inline code, emphasis and link markup dropped, link text kept.
    /// </summary>
    public static class MarkdownText
    {
        public static string Of(ContainerInline? inline)
        {
            var text = new StringBuilder();
            Append(inline, text);
            return text.ToString().Trim();
        }

        public static IReadOnlyList<string> Paragraphs(IEnumerable<Block> blocks)
        {
            var paragraphs = new List<string>();
            foreach (var block in blocks)
            {
                Add(block, paragraphs, listPrefix: null);
            }

            return paragraphs;
        }

        public static string CodeOf(LeafBlock code) => string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString())).TrimEnd();

        private static void Add(Block block, List<string> paragraphs, string? listPrefix)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    paragraphs.Add(listPrefix + Of(paragraph.Inline));
                    break;
                case CodeBlock code:
                    paragraphs.Add(CodeOf(code));
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var first = true;
                        foreach (var inner in item)
                        {
                            Add(inner, paragraphs, first ? "- " : "  ");
                            first = false;
                        }
                    }

                    break;
                case QuoteBlock quote:
                    foreach (var inner in quote)
                    {
                        Add(inner, paragraphs, listPrefix);
                    }

                    break;
                case HeadingBlock heading:
                    paragraphs.Add(Of(heading.Inline));
                    break;
            }
        }

        private static void Append(Inline? inline, StringBuilder text)
        {
            switch (inline)
            {
                case null:
                    return;
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline lineBreak:
                    text.Append(lineBreak.IsHard ? "\n" : " ");
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Append(child, text);
                    }

                    break;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>Splits a run of markdown blocks at headings of one level: each heading's text and the blocks under it.</summary>
    public static class MarkdownSections
    {
        /// <summary>The sections under headings of <paramref name="level"/>, keyed by upper-case heading text.</summary>
        public static Dictionary<string, IReadOnlyList<Block>> Split(IEnumerable<Block> blocks, int level) =>
            SplitList(blocks, level)
                .GroupBy(s => s.Heading.ToUpperInvariant())
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Block>)g.SelectMany(s => s.Body).ToList(), StringComparer.Ordinal);

        /// <summary>The sections in document order; blocks before the first such heading, and deeper-level structure, stay in the bodies.</summary>
        public static IReadOnlyList<(string Heading, IReadOnlyList<Block> Body)> SplitList(IEnumerable<Block> blocks, int level)
        {
            var sections = new List<(string, IReadOnlyList<Block>)>();
            string? heading = null;
            var body = new List<Block>();
            foreach (var block in blocks)
            {
                if (block is HeadingBlock h && h.Level <= level)
                {
                    if (heading != null)
                    {
                        sections.Add((heading, body));
                    }

                    heading = h.Level == level ? MarkdownText.Of(h.Inline) : null;
                    body = new List<Block>();
                    continue;
                }

                if (heading != null)
                {
                    body.Add(block);
                }
            }

            if (heading != null)
            {
                sections.Add((heading, body));
            }

            return sections;
        }
    }
}

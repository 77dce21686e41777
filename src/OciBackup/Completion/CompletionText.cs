using System;
using System.Management.Automation;

namespace OciBackup.Completion
{
    /// <summary>What every completer shares: the typed prefix without its quotes, and a value quoted when the shell needs it.</summary>
    internal static class CompletionText
    {
        public static string PrefixOf(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

        public static bool Matches(string candidate, string prefix) => candidate.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

        public static CompletionResult Result(string value, string listItem, string toolTip) =>
            new CompletionResult(Quote(value), listItem, CompletionResultType.ParameterValue, toolTip);

        private static string Quote(string value)
        {
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c) || "'\"`$;,(){}[]@#|&<>".IndexOf(c) >= 0)
                {
                    return "'" + value.Replace("'", "''") + "'";
                }
            }

            return value;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// Joins arguments into one command line that splits back into the same arguments. netstandard2.0 has no
    /// ProcessStartInfo.ArgumentList, only the Arguments string, which Windows' C runtime and .NET on Unix both split
    /// with the same rules: white space separates, double quotes group, a backslash run escapes a quote only when it
    /// is followed by one (2n backslashes + quote → n backslashes and a grouping quote; 2n+1 → n backslashes and a
    /// literal quote).
    /// </summary>
    internal static class CommandLineArguments
    {
        public static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

        public static string Quote(string argument)
        {
            if (argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"'))
            {
                return argument;
            }

            var quoted = new StringBuilder(argument.Length + 2).Append('"');
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }

                // Backslashes before a quote are doubled, and the quote itself escaped; elsewhere they are literal.
                quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
                backslashes = 0;
            }

            // Backslashes before the closing quote are doubled so that the quote still closes.
            return quoted.Append('\\', backslashes * 2).Append('"').ToString();
        }
    }
}

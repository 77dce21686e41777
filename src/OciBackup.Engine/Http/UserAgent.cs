using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace OciBackup.Engine.Http
{
    /// <summary>The User-Agent every request carries: OciBackup and its version, the host (PowerShell edition and version), the OS and the runtime.</summary>
    internal static class UserAgent
    {
        public static string ModuleVersion { get; } = ReadVersion();

        /// <param name="host">What runs the engine, e.g. <c>PowerShell/7.6.9 (Core)</c>; null when not known.</param>
        public static string Build(string? host)
        {
            var builder = new StringBuilder("OciBackup/").Append(ModuleVersion);
            if (!string.IsNullOrWhiteSpace(host))
            {
                builder.Append(' ').Append(Clean(host!, keepParentheses: true));
            }

            builder.Append(" (")
                .Append(Clean(RuntimeInformation.OSDescription, keepParentheses: false))
                .Append("; ")
                .Append(Clean(RuntimeInformation.FrameworkDescription, keepParentheses: false))
                .Append(')');
            return builder.ToString();
        }

        private static string ReadVersion()
        {
            var assembly = typeof(UserAgent).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (!string.IsNullOrEmpty(informational))
            {
                // Drop the "+commit" suffix the SDK appends.
                var plus = informational!.IndexOf('+');
                return plus > 0 ? informational.Substring(0, plus) : informational;
            }

            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        // Header values must be printable ASCII; parentheses would unbalance our comment.
        private static string Clean(string value, bool keepParentheses)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var c in value.Trim())
            {
                if (c < 0x20 || c > 0x7E || (!keepParentheses && (c == '(' || c == ')')))
                {
                    continue;
                }

                builder.Append(c);
            }

            return builder.ToString();
        }
    }
}

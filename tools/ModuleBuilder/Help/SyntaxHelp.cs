using System.Collections.Generic;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>One parameter set's syntax line: its name (null when the page has a single, unnamed set) and the parameters it lists, in order.</summary>
    public sealed record SyntaxHelp(string? SetName, bool IsDefault, IReadOnlyList<string> ParameterNames);
}

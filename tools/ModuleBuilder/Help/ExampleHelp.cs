using System.Collections.Generic;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>An example: its title (after "###"), text before the code, the code blocks, and the remarks after them.</summary>
    public sealed record ExampleHelp(string Title, IReadOnlyList<string> Introduction, IReadOnlyList<string> Code, IReadOnlyList<string> Remarks);
}

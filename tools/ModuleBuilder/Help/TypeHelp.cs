using System.Collections.Generic;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>An input or output type ("### TypeName" under INPUTS or OUTPUTS) and what it means.</summary>
    public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);
}

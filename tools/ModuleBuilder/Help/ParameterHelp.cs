using System.Collections.Generic;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>A parameter's section ("### -Name"): its description and one usage block per group of parameter sets.</summary>
    public sealed record ParameterHelp(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterUsage> Usages);
}

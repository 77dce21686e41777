using System.Collections.Generic;
using System.Linq;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>
    /// The yaml block under a parameter: type, the parameter sets it applies to ("(All)" means every set), aliases,
    /// whether it is required, its position ("Named" or a number), default, pipeline input, wildcards, accepted values.
    /// </summary>
    public sealed record ParameterUsage(
        string Type,
        IReadOnlyList<string> ParameterSets,
        IReadOnlyList<string> Aliases,
        bool Required,
        string Position,
        string DefaultValue,
        string PipelineInput,
        bool AcceptsWildcards,
        IReadOnlyList<string> AcceptedValues)
    {
        public bool AppliesTo(string? setName) =>
            setName == null || ParameterSets.Contains("(All)") || ParameterSets.Contains(setName);
    }
}

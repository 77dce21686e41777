using System.Collections.Generic;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>One cmdlet's help page, as written in PlatyPS-schema markdown (docs/help/Verb-Noun.md).</summary>
    public sealed record CommandHelpPage(
        string SourcePath,
        string Name,
        string ExternalHelpFile,
        string? OnlineVersion,
        string Synopsis,
        IReadOnlyList<string> Description,
        IReadOnlyList<SyntaxHelp> Syntax,
        IReadOnlyList<ExampleHelp> Examples,
        IReadOnlyList<ParameterHelp> Parameters,
        IReadOnlyList<TypeHelp> Inputs,
        IReadOnlyList<TypeHelp> Outputs,
        IReadOnlyList<string> Notes,
        IReadOnlyList<RelatedLink> RelatedLinks);
}

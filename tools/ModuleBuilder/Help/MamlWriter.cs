using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>
    /// Writes cmdlet pages as MAML, the XML help format Get-Help reads from a module's culture folder
    /// (en-US/OciBackup.dll-Help.xml) in Windows PowerShell and PowerShell 7 alike.
    /// </summary>
    public static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

        public static XDocument Write(IEnumerable<CommandHelpPage> pages) =>
            new XDocument(
                new XDeclaration("1.0", "utf-8", null),
                new XElement(Msh + "helpItems",
                    new XAttribute("schema", "maml"),
                    new XAttribute(XNamespace.Xmlns + "maml", Maml),
                    new XAttribute(XNamespace.Xmlns + "command", Command),
                    new XAttribute(XNamespace.Xmlns + "dev", Dev),
                    new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
                    pages.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(CommandElement)));

        private static XElement CommandElement(CommandHelpPage page)
        {
            var dash = page.Name.IndexOf('-');
            return new XElement(Command + "command",
                new XElement(Command + "details",
                    new XElement(Command + "name", page.Name),
                    new XElement(Command + "verb", dash > 0 ? page.Name.Substring(0, dash) : page.Name),
                    new XElement(Command + "noun", dash > 0 ? page.Name.Substring(dash + 1) : string.Empty),
                    Description(new[] { page.Synopsis })),
                Description(page.Description),
                new XElement(Command + "syntax", page.Syntax.Select(s => SyntaxItem(page, s))),
                new XElement(Command + "parameters", page.Parameters.Select(p => ParameterElement(p, p.Usages[0]))),
                new XElement(Command + "inputTypes", page.Inputs.Select(t => TypeElement(Command + "inputType", t))),
                new XElement(Command + "returnValues", page.Outputs.Select(t => TypeElement(Command + "returnValue", t))),
                new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(page.Notes))),
                new XElement(Command + "examples", page.Examples.Select((e, i) => ExampleElement(e, i))),
                new XElement(Command + "relatedLinks", Links(page)));
        }

        private static XElement SyntaxItem(CommandHelpPage page, SyntaxHelp syntax)
        {
            var parameters = new List<XElement>();
            foreach (var name in syntax.ParameterNames.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var parameter = page.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (parameter == null)
                {
                    throw new HelpFormatException(page.SourcePath, $"the SYNTAX names -{name}, which has no '### -{name}' section");
                }

                var usage = parameter.Usages.FirstOrDefault(u => u.AppliesTo(syntax.SetName)) ?? parameter.Usages[0];
                parameters.Add(ParameterElement(parameter, usage));
            }

            return new XElement(Command + "syntaxItem", new XElement(Maml + "name", page.Name), parameters);
        }

        private static XElement ParameterElement(ParameterHelp parameter, ParameterUsage usage)
        {
            var isSwitch = string.Equals(usage.Type, "SwitchParameter", StringComparison.OrdinalIgnoreCase);
            return new XElement(Command + "parameter",
                new XAttribute("required", Lower(usage.Required)),
                new XAttribute("variableLength", Lower(usage.Type.EndsWith("[]", StringComparison.Ordinal))),
                new XAttribute("globbing", Lower(usage.AcceptsWildcards)),
                new XAttribute("pipelineInput", usage.PipelineInput),
                new XAttribute("position", string.Equals(usage.Position, "Named", StringComparison.OrdinalIgnoreCase) ? "named" : usage.Position),
                new XAttribute("aliases", usage.Aliases.Count == 0 ? "none" : string.Join(", ", usage.Aliases)),
                new XElement(Maml + "name", parameter.Name),
                Description(parameter.Description),
                usage.AcceptedValues.Count == 0
                    ? null
                    : new XElement(Command + "parameterValueGroup", usage.AcceptedValues.Select(v =>
                        new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v))),
                new XElement(Command + "parameterValue", new XAttribute("required", Lower(!isSwitch)), new XAttribute("variableLength", "false"), usage.Type),
                new XElement(Dev + "type", new XElement(Maml + "name", usage.Type), new XElement(Maml + "uri")),
                new XElement(Dev + "defaultValue", usage.DefaultValue));
        }

        private static XElement TypeElement(XName name, TypeHelp type) =>
            new XElement(name,
                new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
                Description(type.Description));

        private static XElement ExampleElement(ExampleHelp example, int index) =>
            new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- {example.Title} --------------------------"),
                example.Introduction.Count == 0 ? null : new XElement(Maml + "introduction", Paragraphs(example.Introduction)),
                new XElement(Dev + "code", string.Join("\n\n", example.Code)),
                new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

        private static IEnumerable<XElement> Links(CommandHelpPage page)
        {
            if (page.OnlineVersion != null)
            {
                yield return Link("Online Version:", page.OnlineVersion);
            }

            foreach (var link in page.RelatedLinks)
            {
                yield return Link(link.Text, link.Uri);
            }
        }

        private static XElement Link(string text, string? uri) =>
            new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri ?? string.Empty));

        private static XElement Description(IEnumerable<string> paragraphs) => new XElement(Maml + "description", Paragraphs(paragraphs));

        private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));

        private static string Lower(bool value) => value ? "true" : "false";
    }
}

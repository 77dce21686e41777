using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// The shipped help (out/OciBackup/en-US, compiled from docs/help by the build) against the cmdlets themselves.
    /// Enumerates the exported cmdlets and the pages, so a new cmdlet or page is covered without touching this file.
    /// </summary>
    public class HelpTests : IDisposable
    {
        private readonly ModuleHost _host = new ModuleHost();

        public static IEnumerable<object[]> ExportedCmdlets =>
            ModuleManifest.ListedCmdlets().Select(n => new object[] { n });

        [Fact]
        public void Every_exported_cmdlet_has_a_page_and_every_page_is_an_exported_cmdlet()
        {
            var exported = _host.Invoke("(Get-Module OciBackup).ExportedCmdlets.Keys").Select(o => o.ToString()).OrderBy(n => n).ToList();

            Assert.Equal(exported, HelpPages.All.Select(p => p.Name).OrderBy(n => n).ToList());
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Get_Help_Full_shows_the_synopsis_every_parameter_and_the_examples(string cmdlet)
        {
            var page = HelpPages.Of(cmdlet);

            var help = _host.Invoke("Get-Help $args[0] -Full", cmdlet).Single();
            var text = _host.Render("Get-Help $args[0] -Full", cmdlet);

            // Compiled help, not the stub PowerShell makes up when it finds none.
            Assert.Equal(page.Synopsis, help.Properties["Synopsis"].Value?.ToString()?.Trim());
            Assert.Contains(Flatten(page.Synopsis), Flatten(text));
            foreach (var parameter in RealParameters(cmdlet))
            {
                Assert.Contains("-" + parameter + " ", text);
            }

            foreach (var example in page.Examples)
            {
                Assert.Contains(example.Title, text);
                Assert.Contains(Flatten(example.Code[0].Split('\n')[0]), Flatten(text));
            }

            Assert.Contains(Flatten(page.Description[0]), Flatten(text));
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Every_real_parameter_is_documented_and_every_documented_parameter_is_real(string cmdlet)
        {
            var documented = HelpPages.Of(cmdlet).Parameters.Select(p => p.Name).OrderBy(n => n).ToList();

            Assert.Equal(RealParameters(cmdlet).OrderBy(n => n).ToList(), documented);
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Each_parameters_type_position_aliases_and_pipeline_input_match_the_cmdlet(string cmdlet)
        {
            var page = HelpPages.Of(cmdlet);
            var facts = _host.Invoke(
                "foreach ($p in (Get-Command $args[0]).Parameters.Values) { foreach ($set in $p.ParameterSets.GetEnumerator()) {" +
                "  $a = $set.Value; '{0}|{1}|{2}|{3}|{4}|{5}|{6}' -f $p.Name, $set.Key, $p.ParameterType.Name, $a.IsMandatory," +
                "  $(if ($a.Position -ge 0) { $a.Position } else { 'Named' }), ($p.Aliases -join ','), (@($(if ($a.ValueFromPipeline) { 'ByValue' }), $(if ($a.ValueFromPipelineByPropertyName) { 'ByPropertyName' })) -ne $null -join ',') } }",
                cmdlet).Select(o => o.ToString()!.Split('|')).Where(f => page.Parameters.Any(p => p.Name == f[0])).ToList();
            Assert.NotEmpty(facts);

            foreach (var f in facts)
            {
                var (name, set, type, mandatory, position, aliases, pipeline) = (f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
                var parameter = page.Parameters.Single(p => p.Name == name);
                var usage = parameter.Usages.FirstOrDefault(u => u.AppliesTo(set == "__AllParameterSets" ? null : set));
                Assert.True(usage != null, $"{cmdlet} -{name}: no yaml block covers parameter set {set}");
                Assert.True(type == usage!.Type, $"{cmdlet} -{name}: the page says Type {usage.Type}, the cmdlet takes {type}");
                Assert.True(bool.Parse(mandatory) == usage.Required, $"{cmdlet} -{name}: the page says Required {usage.Required}, the cmdlet says {mandatory}");
                Assert.True(position == usage.Position, $"{cmdlet} -{name}: the page says Position {usage.Position}, the cmdlet says {position}");
                Assert.True(aliases == string.Join(",", usage.Aliases), $"{cmdlet} -{name}: the page lists aliases '{string.Join(",", usage.Aliases)}', the cmdlet has '{aliases}'");
                var documentedPipeline = usage.PipelineInput.StartsWith("True", StringComparison.OrdinalIgnoreCase)
                    ? string.Join(",", new[] { "ByValue", "ByPropertyName" }.Where(k => usage.PipelineInput.Contains(k, StringComparison.Ordinal)))
                    : string.Empty;
                Assert.True(pipeline == documentedPipeline, $"{cmdlet} -{name}: the page says pipeline input '{usage.PipelineInput}', the cmdlet takes '{pipeline}'");
            }
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void The_syntax_section_lists_each_parameter_set_with_its_parameters(string cmdlet)
        {
            var page = HelpPages.Of(cmdlet);
            var sets = _host.Invoke(
                "$common = $args[1]; foreach ($s in (Get-Command $args[0]).ParameterSets) { $s.Name + '|' + (($s.Parameters | ForEach-Object Name | Where-Object { $_ -notin $common }) -join ',') }",
                cmdlet, CommonParameterNames).Select(o => o.ToString()!.Split('|')).ToList();

            Assert.Equal(sets.Count, page.Syntax.Count);
            foreach (var set in sets)
            {
                var syntax = page.Syntax.FirstOrDefault(s => s.SetName == set[0]) ?? (sets.Count == 1 ? page.Syntax[0] : null);
                Assert.True(syntax != null, $"{cmdlet}: the SYNTAX has no '### {set[0]}' block");
                var documented = syntax!.ParameterNames.Where(n => n != "CommonParameters").OrderBy(n => n);
                Assert.Equal(set[1].Split(',', StringSplitOptions.RemoveEmptyEntries).OrderBy(n => n), documented);
            }

            if (sets.Count > 1)
            {
                var defaultSet = _host.Invoke("(Get-Command $args[0]).DefaultParameterSet", cmdlet).Single()?.ToString();
                Assert.Equal(new[] { defaultSet }, page.Syntax.Where(s => s.IsDefault).Select(s => s.SetName));
            }
        }

        [Theory]
        [MemberData(nameof(HelpPages.Names), MemberType = typeof(HelpPages))]
        public void Every_page_has_at_least_two_examples_with_remarks(string cmdlet)
        {
            var page = HelpPages.Of(cmdlet);

            Assert.True(page.Examples.Count >= 2, $"{cmdlet} has {page.Examples.Count} example(s): give one at the prompt and one in a runbook");
            Assert.All(page.Examples, e => Assert.NotEmpty(e.Remarks));
            Assert.NotEmpty(page.Inputs);
            Assert.NotEmpty(page.Outputs);
            Assert.NotEmpty(page.RelatedLinks);
        }

        [Fact]
        public void The_about_topic_ships_and_Get_Help_shows_it()
        {
            Assert.True(File.Exists(Path.Combine(ModuleHost.ModuleFolder, "en-US", "about_OciBackup.help.txt")));

            var text = _host.Render("Get-Help about_OciBackup");

            Assert.Contains("SHORT DESCRIPTION", text);
            Assert.Contains("LONG DESCRIPTION", text);
            Assert.Contains("New-OciSession", text);
        }

        public void Dispose() => _host.Dispose();

        private static string[] CommonParameterNames =>
            PSCmdlet.CommonParameters.Concat(PSCmdlet.OptionalCommonParameters).ToArray();

        private IEnumerable<string> RealParameters(string cmdlet) =>
            _host.Invoke("(Get-Command $args[0]).Parameters.Keys", cmdlet).Select(o => o.ToString()!).Where(n => !CommonParameterNames.Contains(n));

        // Get-Help wraps text at the console's width, even inside a word: compare with all white space removed.
        private static string Flatten(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }
}

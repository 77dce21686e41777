using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OciBackup.Engine.Huawei;

namespace OciBackup.Completion
{
    /// <summary>Completes a Huawei Cloud -Region with the region ids the module knows (cn-north-4, ap-southeast-3, eu-west-101, ...), each with where it is. Needs no network.</summary>
    public sealed class HwcRegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var prefix = CompletionText.PrefixOf(wordToComplete);
                return HwcRegions.Known
                    .Where(r => CompletionText.Matches(r.Id, prefix))
                    .OrderBy(r => r.Id, StringComparer.Ordinal)
                    .Select(r => CompletionText.Result(r.Id, r.Id, $"{r.Id} ({r.Name})"))
                    .ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace OciBackup.Completion
{
    /// <summary>Completes a parameter from a fixed list of values, each with a tool tip.</summary>
    public abstract class FixedValueCompleter : IArgumentCompleter
    {
        protected abstract IEnumerable<KeyValuePair<string, string>> ValuesWithToolTips { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var prefix = CompletionText.PrefixOf(wordToComplete);
                return ValuesWithToolTips.Where(v => CompletionText.Matches(v.Key, prefix)).Select(v => CompletionText.Result(v.Key, v.Key, v.Value)).ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace OciBackup.Completion
{
    /// <summary>Completes -Url of the emulator cmdlets with the URLs of the emulators this session started that still run.</summary>
    public sealed class EmulatorUrlCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var prefix = CompletionText.PrefixOf(wordToComplete);
                return StartedEmulators.Running()
                    .Where(e => CompletionText.Matches(e.Url, prefix))
                    .Select(e => CompletionText.Result(e.Url, e.Url, $"OCI emulator, process {e.ProcessId}, started {e.StartTime:HH:mm:ss}"))
                    .ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OciBackup.Engine.Kinds;

namespace OciBackup.Completion
{
    /// <summary>
    /// Completes -LifecycleState of the Get- cmdlets with the states of what the command finds, in OCI's spelling:
    /// a volume's for Get-OciVolume, a volume group's for Get-OciVolumeGroup, a backup's for the backup cmdlets.
    /// </summary>
    public sealed class LifecycleStateCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var kind = KindOf(commandName);
                if (kind == null)
                {
                    return Array.Empty<CompletionResult>();
                }

                var prefix = CompletionText.PrefixOf(wordToComplete);
                return kind.Lifecycle.All.Where(s => CompletionText.Matches(s, prefix))
                    .Select(s => CompletionText.Result(s, s, $"A {kind.Noun} in state {s}"))
                    .ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        private static ResourceKind? KindOf(string? commandName)
        {
            var noun = commandName?.Substring(commandName.IndexOf('-') + 1) ?? string.Empty;
            return noun.Equals("OciVolumeGroupBackup", StringComparison.OrdinalIgnoreCase) ? BackupKind.VolumeGroup
                : noun.Equals("OciVolumeBackup", StringComparison.OrdinalIgnoreCase) ? BackupKind.Volume
                : noun.Equals("OciVolumeGroup", StringComparison.OrdinalIgnoreCase) ? SourceKind.VolumeGroup
                : noun.Equals("OciVolume", StringComparison.OrdinalIgnoreCase) ? SourceKind.Volume
                : (ResourceKind?)null;
        }
    }
}

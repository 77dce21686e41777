using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OciBackup.Engine.Auth;

namespace OciBackup.Completion
{
    /// <summary>
    /// Completes -Profile with the section names of the OCI config file the command will read: the -ConfigFile
    /// already typed on the line, else OCI_CONFIG_FILE, OCI_CLI_CONFIG_FILE, ~/.oci/config, ~/.oraclebmc/config.
    /// The file is read when Tab is pressed, never at import; a missing or unreadable file completes nothing.
    /// </summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public const string ConfigFileParameterName = "ConfigFile";

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            // A completer that throws or writes breaks the user's prompt: any failure completes nothing.
            try
            {
                var path = ConfigFileLocator.ResolvePath(TypedConfigFile(fakeBoundParameters), ProcessEnvironment.Instance);
                var prefix = CompletionText.PrefixOf(wordToComplete);
                return ConfigFile.Load(path, ProcessEnvironment.Instance).ProfileNames
                    .Where(name => CompletionText.Matches(name, prefix))
                    .Select(name => CompletionText.Result(name, name, $"[{name}] in {path}"))
                    .ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        private static string? TypedConfigFile(IDictionary? fakeBoundParameters)
        {
            if (fakeBoundParameters == null || !fakeBoundParameters.Contains(ConfigFileParameterName))
            {
                return null;
            }

            var typed = LanguagePrimitives.ConvertTo<string>(fakeBoundParameters[ConfigFileParameterName]);
            if (string.IsNullOrEmpty(typed) || Path.IsPathRooted(typed) || typed.StartsWith("~", StringComparison.Ordinal))
            {
                return string.IsNullOrEmpty(typed) ? null : typed;
            }

            // A relative path is relative to PowerShell's current location, which is not the process's directory.
            using (var shell = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                shell.AddScript("$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($args[0])").AddArgument(typed);
                return shell.Invoke<string>().FirstOrDefault() ?? typed;
            }
        }
    }
}

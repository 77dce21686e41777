using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace OciBackup.Benchmarks
{
    /// <summary>One hosted PowerShell runspace that runs the benchmark's scripts one after another, as a runbook would.</summary>
    internal sealed class HostedShell : IDisposable
    {
        private readonly Runspace _runspace;

        public HostedShell()
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            _runspace.Open();
        }

        /// <summary>Runs a script with its arguments; a script that writes an error is a broken benchmark.</summary>
        public Collection<PSObject> Run(string script, params object[] arguments)
        {
            using var shell = PowerShell.Create();
            shell.Runspace = _runspace;
            shell.AddScript(script);
            foreach (var argument in arguments)
            {
                shell.AddArgument(argument);
            }

            var result = shell.Invoke();
            if (shell.Streams.Error.Count > 0)
            {
                throw new InvalidOperationException("The script wrote errors: " + string.Join(" | ", shell.Streams.Error.Take(3)));
            }

            return result;
        }

        public void Dispose() => _runspace.Dispose();
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>A PowerShell engine in this process with the built module (out/OciBackup) imported.</summary>
    public sealed class ModuleHost : IDisposable
    {
        private readonly Runspace _runspace;

        public ModuleHost()
        {
            var state = InitialSessionState.CreateDefault2();
            _runspace = RunspaceFactory.CreateRunspace(Host, state);
            _runspace.Open();
            Invoke("Import-Module -Name $args[0] -ErrorAction Stop", ManifestPath);
        }

        /// <summary>What reached the console: Out-Default output, verbose/debug lines, progress.</summary>
        public RecordingHost Host { get; } = new RecordingHost();

        /// <summary>Renders objects through the module's format views, as the console would, and returns the text.</summary>
        public string Render(string script, params object[] arguments)
        {
            Host.Clear();
            Invoke(script + " | Out-Default", arguments);
            return Host.Text;
        }

        public static string RepositoryRoot
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory != null && !File.Exists(Path.Combine(directory.FullName, "OciBackup.sln")))
                {
                    directory = directory.Parent;
                }

                return directory?.FullName ?? throw new InvalidOperationException("OciBackup.sln not found above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>Release or Debug: the configuration this test assembly was built in (bin/CONFIGURATION/net10.0).</summary>
        public static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

        public static string ModuleFolder => Path.Combine(RepositoryRoot, "out", "OciBackup");

        public static string ManifestPath => Path.Combine(ModuleFolder, "OciBackup.psd1");

        public static string VectorsFolder => Path.Combine(AppContext.BaseDirectory, "vectors");

        /// <summary>Runs a script and returns its output; any error record fails the test with its message.</summary>
        public IReadOnlyList<PSObject> Invoke(string script, params object[] arguments)
        {
            var output = Invoke(script, out var errors, arguments);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The script wrote errors: " + string.Join(" | ", errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            }

            return output;
        }

        /// <summary>Runs a script; returns its output, and the error stream in <paramref name="errors"/> (terminating errors included).</summary>
        public IReadOnlyList<PSObject> Invoke(string script, out IReadOnlyList<ErrorRecord> errors, params object[] arguments)
        {
            using var shell = System.Management.Automation.PowerShell.Create();
            shell.Runspace = _runspace;
            shell.AddScript(script);
            foreach (var argument in arguments)
            {
                shell.AddArgument(argument);
            }

            var collected = new List<ErrorRecord>();
            IReadOnlyList<PSObject> output;
            try
            {
                output = shell.Invoke().ToList();
            }
            catch (RuntimeException terminating)
            {
                collected.Add(terminating.ErrorRecord);
                output = Array.Empty<PSObject>();
            }

            collected.InsertRange(0, shell.Streams.Error);
            errors = collected;
            return output;
        }

        /// <summary>Starts a script without waiting for it (to stop it midway); the caller disposes the shell.</summary>
        public System.Management.Automation.PowerShell Begin(string script, params object[] arguments)
        {
            var shell = System.Management.Automation.PowerShell.Create();
            shell.Runspace = _runspace;
            shell.AddScript(script);
            foreach (var argument in arguments)
            {
                shell.AddArgument(argument);
            }

            shell.BeginInvoke();
            return shell;
        }

        public void Dispose() => _runspace.Dispose();
    }
}

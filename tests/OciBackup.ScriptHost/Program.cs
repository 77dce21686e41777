using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using OciBackup.QuickStart;

// dotnet OciBackup.ScriptHost.dll <script.ps1> [arguments...]
// Runs the script in the PowerShell engine hosted in this process, printing what it writes; exit 1 on errors.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: OciBackup.ScriptHost <script.ps1> [arguments...]");
    return 2;
}

using var runspace = RunspaceFactory.CreateRunspace(new ConsoleHost(), InitialSessionState.CreateDefault2());
runspace.Open();
using var shell = PowerShell.Create();
shell.Runspace = runspace;
shell.AddCommand(args[0]);
foreach (var argument in args.Skip(1))
{
    shell.AddArgument(argument);
}

shell.AddCommand("Out-Default");
try
{
    shell.Invoke();
}
catch (RuntimeException ex)
{
    Console.Error.WriteLine($"ERROR [{ex.ErrorRecord.FullyQualifiedErrorId}] {ex.Message}");
    return 1;
}

foreach (var error in shell.Streams.Error)
{
    Console.Error.WriteLine($"ERROR [{error.FullyQualifiedErrorId}] {error}");
}

return shell.Streams.Error.Count == 0 ? 0 : 1;

using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using OciBackup.Emulator;

namespace OciBackup.Bench;

/// <summary>
/// The built module (out/OciBackup, left by <c>dotnet build OciBackup.sln -c Release</c>) imported into a runspace of
/// the hosted PowerShell engine, with <c>$session</c> signing for every region of the emulator, each at its own
/// endpoint: the cmdlets run exactly as a user's script runs them.
/// </summary>
public sealed class HostedModule : IDisposable
{
    private readonly Runspace _runspace;

    private HostedModule(Runspace runspace)
    {
        _runspace = runspace;
    }

    /// <summary>Opens the runspace, imports the module and makes <c>$session</c> for <paramref name="emulator"/> (started with a generated config).</summary>
    public static HostedModule Open(EmulatorHost emulator)
    {
        var manifest = Path.Combine(Repository.Root, "out", "OciBackup", "OciBackup.psd1");
        if (!File.Exists(manifest))
        {
            throw new FileNotFoundException($"{manifest} is missing: run dotnet build OciBackup.sln -c Release first.", manifest);
        }

        var endpoints = new Hashtable(StringComparer.Ordinal);
        foreach (var (region, url) in emulator.Endpoints)
        {
            endpoints[region] = url.GetLeftPart(UriPartial.Authority);
        }

        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        var module = new HostedModule(runspace);
        module.Run("Import-Module $args[0] -ErrorAction Stop; $global:session = New-OciSession -ConfigFile $args[1] -Endpoint $args[2] -ErrorAction Stop",
            manifest, emulator.GeneratedConfigFile ?? throw new ArgumentException("Start the emulator with InitConfigDirectory set.", nameof(emulator)), endpoints);
        return module;
    }

    /// <summary>Runs a script (its arguments are <c>$args</c>) and returns its output; any error it writes is an exception.</summary>
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
            throw new InvalidOperationException($"The script wrote {shell.Streams.Error.Count} errors: " + string.Join(" | ", shell.Streams.Error.Take(3)));
        }

        return result;
    }

    public void Dispose() => _runspace.Dispose();
}

using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.QuickStart;

// dotnet run --project samples/QuickStart
// Starts the local OCI emulator (a generated key and OCI config, one compartment of volumes and a
// volume group), imports the built module (out/OciBackup) into the real PowerShell engine, runs
// samples/Backup-Compartment.ps1 against the emulator and prints what it writes.
var repository = FindRepository();
var manifest = Path.Combine(repository, "out", "OciBackup", "OciBackup.psd1");
var runbook = Path.Combine(repository, "samples", "Backup-Compartment.ps1");
var workDirectory = Path.Combine(Path.GetTempPath(), "ocibackup-quickstart-" + Guid.NewGuid().ToString("N"));

var options = new EmulatorOptions
{
    InitConfigDirectory = workDirectory,
    BackupDuration = TimeSpan.FromSeconds(3),
    BackupDurationJitter = TimeSpan.FromSeconds(2),
    VolumesPerCompartment = 4,
    VolumeGroupsPerCompartment = 1,
    VolumesPerGroup = 3,
};
options.CompartmentNames.Add("demo");
await using var emulator = await EmulatorHost.StartAsync(options);
var compartment = emulator.Compartments.Single();
Console.WriteLine($"OCI emulator listening on {emulator.BaseAddress} — compartment 'demo' {compartment.Id}");
Console.WriteLine($"OCI config written to {emulator.GeneratedConfigFile}");
Console.WriteLine();

var exitCode = 0;
try
{
    var state = InitialSessionState.CreateDefault2();
    using var runspace = RunspaceFactory.CreateRunspace(new ConsoleHost(), state);
    runspace.Open();
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddScript(@"
        param($Manifest, $ConfigFile, $Endpoint, $Runbook, $CompartmentId)
        $ErrorActionPreference = 'Continue'
        Import-Module $Manifest -ErrorAction Stop
        $PSDefaultParameterValues['*-Oci*:Session'] = New-OciSession -ConfigFile $ConfigFile -Endpoint $Endpoint -ErrorAction Stop
        'Session:'
        $PSDefaultParameterValues['*-Oci*:Session'] | Out-Default
        ""Running $Runbook -CompartmentId $CompartmentId -Type Full ...""
        $backups = & $Runbook -CompartmentId $CompartmentId -Type Full
        'Volume backups:'
        $backups | Where-Object { -not $_.VolumeGroupId } | Out-Default
        'Volume group backups:'
        $backups | Where-Object { $_.VolumeGroupId } | Out-Default
        ""$($backups.Count) backups, $(@($backups | Where-Object LifecycleState -eq 'AVAILABLE').Count) AVAILABLE.""
    ").AddArgument(manifest).AddArgument(emulator.GeneratedConfigFile).AddArgument(emulator.BaseAddress.GetLeftPart(UriPartial.Authority)).AddArgument(runbook).AddArgument(compartment.Id);
    shell.AddCommand("Out-Default");
    await Task.Run(() => shell.Invoke());
    foreach (var error in shell.Streams.Error)
    {
        Console.Error.WriteLine($"ERROR [{error.FullyQualifiedErrorId}] {error}");
        exitCode = 1;
    }
}
catch (RuntimeException ex)
{
    Console.Error.WriteLine($"ERROR [{ex.ErrorRecord.FullyQualifiedErrorId}] {ex.Message}");
    exitCode = 1;
}

Console.WriteLine();
Console.WriteLine($"Emulator: {emulator.Statistics.TotalVolumeBackups} volume backups and {emulator.Statistics.TotalVolumeGroupBackups} volume group backups exist; {emulator.Statistics.Requests} API requests, {emulator.Statistics.AuthenticationFailures} refused.");
try
{
    Directory.Delete(workDirectory, recursive: true);
}
catch (IOException)
{
}

return exitCode;

static string FindRepository()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "OciBackup.sln")))
        {
            return directory.FullName;
        }
    }

    throw new DirectoryNotFoundException("Run this from the OciBackup repository (OciBackup.sln not found above " + AppContext.BaseDirectory + ").");
}

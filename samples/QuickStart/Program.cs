using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.QuickStart;

// dotnet run --project samples/QuickStart
// Starts the local emulator (a generated key and OCI config, one compartment of volumes and a
// volume group; and Huawei Cloud's VBS and RDS with a generated AK/SK, four EVS disks and an RDS
// instance), imports the built module (out/OciBackup) into the real PowerShell engine, runs
// samples/Backup-Compartment.ps1 against the OCI side and prints what it writes, then backs up the
// Huawei side's disks and instance, waits for them and prints them.
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
options.Huawei.Enabled = true;
options.Huawei.Volumes = 4;
options.Huawei.Instances = 1;
await using var emulator = await EmulatorHost.StartAsync(options);
var compartment = emulator.Compartments.Single();
var huawei = emulator.Huawei!;
Console.WriteLine($"OCI emulator listening on {emulator.BaseAddress} — compartment 'demo' {compartment.Id}");
Console.WriteLine($"OCI config written to {emulator.GeneratedConfigFile}");
Console.WriteLine($"Huawei Cloud emulator ({huawei.Region}, project {huawei.ProjectId}): VBS on {huawei.VbsEndpoint}, RDS on {huawei.RdsEndpoint}");
Console.WriteLine();

// What a runbook's environment holds for Huawei's SDKs, here the emulator's generated AK/SK: New-HwcSession reads them.
Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_AK", huawei.Credential.AccessKey);
Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_SK", huawei.Credential.SecretKey);
Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_PROJECT_ID", huawei.ProjectId);
var huaweiEndpoints = new System.Collections.Hashtable
{
    ["vbs"] = huawei.VbsEndpoint.GetLeftPart(UriPartial.Authority),
    ["rds"] = huawei.RdsEndpoint.GetLeftPart(UriPartial.Authority),
};

var exitCode = 0;
try
{
    var state = InitialSessionState.CreateDefault2();
    using var runspace = RunspaceFactory.CreateRunspace(new ConsoleHost(), state);
    runspace.Open();
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddScript(@"
        param($Manifest, $ConfigFile, $Endpoint, $Runbook, $CompartmentId, $HwcRegion, $HwcEndpoints, $DiskIds, $InstanceIds)
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
        ''
        # Huawei Cloud: the AK/SK and project from HUAWEICLOUD_SDK_*, the emulator's endpoints instead of the region's.
        $PSDefaultParameterValues['*-Hwc*:Session'] = New-HwcSession -Region $HwcRegion -Endpoint $HwcEndpoints -ErrorAction Stop
        'Huawei Cloud session:'
        $PSDefaultParameterValues['*-Hwc*:Session'] | Out-Default
        $name = 'quickstart-' + [DateTime]::UtcNow.ToString('yyyyMMdd')
        ""Backing up $($DiskIds.Count) EVS disks (VBS) and $($InstanceIds.Count) RDS instance as '$name' ...""
        $diskBackups = $DiskIds | New-HwcVolumeBackup -Name $name -Type Full -Wait -Force
        'EVS disk backups:'
        $diskBackups | Out-Default
        $rdsBackups = $InstanceIds | New-HwcRdsBackup -Name $name -Wait -Force
        'RDS backups:'
        $rdsBackups | Out-Default
        ""$(@($diskBackups | Where-Object Status -eq 'available').Count) disk backups available, $(@($rdsBackups | Where-Object Status -eq 'COMPLETED').Count) RDS backup COMPLETED.""
    ").AddArgument(manifest).AddArgument(emulator.GeneratedConfigFile).AddArgument(emulator.BaseAddress.GetLeftPart(UriPartial.Authority)).AddArgument(runbook).AddArgument(compartment.Id)
        .AddArgument(huawei.Region).AddArgument(huaweiEndpoints).AddArgument(huawei.VolumeIds.ToArray()).AddArgument(huawei.InstanceIds.ToArray());
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
Console.WriteLine($"Huawei side: {huawei.VolumeIds.Sum(huawei.VolumeBackupsCreated)} VBS backups and {huawei.InstanceIds.Sum(huawei.RdsBackupsCreated)} RDS backups made; {huawei.Statistics.Requests} API requests, {huawei.Statistics.AuthenticationFailures} refused.");
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

using System.Runtime.InteropServices;
using OciBackup.Emulator;
using OciBackup.Emulator.CommandLine;

// The executable: parse, start, print the one line scripts read, run until Ctrl+C, SIGTERM, POST /admin/shutdown or the
// exit of its --parent-process-id, stop in order.
ModuleDependencyResolver.Register(AppContext.BaseDirectory);
EmulatorCommandLine commandLine;
try
{
    commandLine = EmulatorCommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}

if (commandLine.ShowHelp)
{
    Console.Out.Write(EmulatorCommandLine.HelpText());
    return 0;
}

ParentProcessWatch? parent = null;
if (commandLine.ParentProcessId is int parentProcessId)
{
    try
    {
        parent = ParentProcessWatch.Of(parentProcessId, TimeSpan.FromSeconds(1));
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine("error: " + e.Message);
        return 2;
    }
}

using var stop = new CancellationTokenSource();
void RequestStop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

// With a parent, Ctrl+C in the parent's terminal (which signals the whole process group) is for the parent's command,
// not for the emulator that outlives it; the parent stops it through /admin/shutdown or by exiting.
void IgnoreInterrupt(PosixSignalContext context) => context.Cancel = true;

using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, parent is null ? RequestStop : IgnoreInterrupt);
using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);
using PosixSignalRegistration sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, RequestStop);

EmulatorHost host;
try
{
    host = await EmulatorHost.StartAsync(commandLine.Emulator, stop.Token);
}
catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or System.Security.Cryptography.CryptographicException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}

await using (host)
{
    using CancellationTokenRegistration stopRequested = host.StopRequested.Register(stop.Cancel);
    Task parentGone = parent is null ? Task.CompletedTask : WatchParentAsync(parent, stop);
    string url = host.BaseAddress.ToString().TrimEnd('/');
    Console.Out.WriteLine("OCI emulator listening on " + url);
    foreach (string region in host.Regions)
    {
        Console.Out.WriteLine($"  region {region}: {host.Endpoints[region].ToString().TrimEnd('/')}");
        foreach (EmulatorCompartment compartment in host.CompartmentsIn(region))
        {
            Console.Out.WriteLine($"    compartment {compartment.Name}: {compartment.Id} ({compartment.VolumeIds.Count} volumes, {compartment.VolumeGroupIds.Count} volume groups)");
        }
    }

    if (host.Huawei is { } huawei)
    {
        Console.Out.WriteLine($"  huawei vbs: {huawei.VbsEndpoint.ToString().TrimEnd('/')}");
        Console.Out.WriteLine($"  huawei rds: {huawei.RdsEndpoint.ToString().TrimEnd('/')}");
        Console.Out.WriteLine($"    region {huawei.Region}, project {huawei.ProjectId}: {huawei.VolumeIds.Count} EVS disks, {huawei.InstanceIds.Count} RDS instances"
            + (host.GeneratedHuaweiDescriptorFile is null ? "" : $"; AK/SK in {host.GeneratedHuaweiDescriptorFile}"));
    }

    if (host.GeneratedConfigFile is not null)
    {
        Console.Out.WriteLine($"  OCI config: {host.GeneratedConfigFile} (endpoint {url}); scripts: {host.GeneratedDescriptorFile}");
    }

    if (host.Identity is { } identity)
    {
        if (identity.MetadataBaseAddress is not null)
        {
            Console.Out.WriteLine($"  instance metadata: {identity.MetadataBaseAddress} (OCI_METADATA_BASE_URL); federation: {identity.FederationEndpoint} (-FederationEndpoint)");
        }

        if (identity.ResourcePrincipalVariables is not null)
        {
            Console.Out.WriteLine($"  resource principal: {Path.GetDirectoryName(identity.ResourcePrincipalVariables["OCI_RESOURCE_PRINCIPAL_RPST"])}{Path.DirectorySeparatorChar}environment.json");
        }

        if (identity.CloudShellVariables is not null)
        {
            Console.Out.WriteLine($"  Cloud Shell: {Path.GetDirectoryName(identity.CloudShellVariables["OCI_CLI_DELEGATION_TOKEN_FILE"])}{Path.DirectorySeparatorChar}environment.json");
        }

        if (identity.SessionTokenConfigFile is not null)
        {
            Console.Out.WriteLine($"  session token profile: {identity.SessionTokenConfigFile}");
        }
    }

    Console.Out.WriteLine(parent is null
        ? $"  admin: {url}/admin/state   (Ctrl+C to stop)"
        : $"  admin: {url}/admin/state   (stops when process {parent.ProcessId} exits)");
    Console.Out.Flush();
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }

    Console.Out.WriteLine("OCI emulator stopping");
    await host.StopAsync();
    await parentGone;
}

if (commandLine.DeleteInitConfigOnExit && commandLine.Emulator.InitConfigDirectory is string throwaway)
{
    OciBackup.Emulator.Auth.ThrowawayConfig.Remove(throwaway);
}

return 0;

static async Task WatchParentAsync(ParentProcessWatch parent, CancellationTokenSource stop)
{
    try
    {
        await parent.WaitForExitAsync(stop.Token);
        Console.Out.WriteLine($"OCI emulator: parent process {parent.ProcessId} exited");
        stop.Cancel();
    }
    catch (OperationCanceledException)
    {
    }
}

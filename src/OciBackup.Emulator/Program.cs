using System.Runtime.InteropServices;
using OciBackup.Emulator;
using OciBackup.Emulator.CommandLine;

// The executable: parse, start, print the one line scripts read, run until Ctrl+C or SIGTERM, stop in order.
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

using var stop = new CancellationTokenSource();
void RequestStop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
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
    string url = host.BaseAddress.ToString().TrimEnd('/');
    Console.Out.WriteLine("OCI emulator listening on " + url);
    foreach (EmulatorCompartment compartment in host.Compartments)
    {
        Console.Out.WriteLine($"  compartment {compartment.Name}: {compartment.Id} ({compartment.VolumeIds.Count} volumes, {compartment.VolumeGroupIds.Count} volume groups)");
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

    Console.Out.WriteLine($"  admin: {url}/admin/state   (Ctrl+C to stop)");
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
}

return 0;

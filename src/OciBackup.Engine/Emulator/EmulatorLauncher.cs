using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// Starts the emulator executable out of process (<c>dotnet OciBackup.Emulator.dll</c>), so no ASP.NET Core
    /// assembly ever loads into the caller, and hands back a ready <see cref="OciEmulator"/>: a throwaway key and OCI
    /// config in a new temporary folder, the URL it announced, its inventory, and a session for it. Anything that
    /// fails after the process started stops it and removes the folder.
    /// </summary>
    internal sealed class EmulatorLauncher
    {
        public const string FolderPrefix = "ocibackup-emulator-";

        private readonly DotnetHost _host;
        private readonly string _emulatorAssembly;
        private readonly string _folderRoot;

        /// <param name="host">The dotnet host to run it with.</param>
        /// <param name="emulatorAssembly">OciBackup.Emulator.dll.</param>
        /// <param name="folderRoot">Where each emulator's throwaway folder is made (default: the temp folder).</param>
        public EmulatorLauncher(DotnetHost host, string emulatorAssembly, string? folderRoot = null)
        {
            _host = host ?? throw new ArgumentNullException(nameof(host));
            _emulatorAssembly = emulatorAssembly ?? throw new ArgumentNullException(nameof(emulatorAssembly));
            _folderRoot = folderRoot ?? Path.GetTempPath();
        }

        /// <summary>Throws EmulatorNotFound when the emulator's assembly is missing (a module folder copied in part).</summary>
        public static void CheckInstalled(string emulatorAssembly)
        {
            if (!File.Exists(emulatorAssembly))
            {
                throw new OciEmulatorException(OciEmulatorErrorKind.EmulatorNotFound,
                    $"The emulator is missing: there is no '{emulatorAssembly}'.",
                    "Reinstall the module (Install-PSResource OciBackup -Reinstall), or build it again (dotnet build OciBackup.sln -c Release).", emulatorAssembly);
            }
        }

        /// <summary>Starts it; <paramref name="verbose"/> hears each step. Throws <see cref="OciEmulatorException"/> or <see cref="Auth.OciConfigException"/>.</summary>
        public async Task<OciEmulator> StartAsync(EmulatorStartOptions options, string? hostDescription, TimeSpan timeout, Action<string> verbose, CancellationToken cancellationToken)
        {
            CheckInstalled(_emulatorAssembly);

            var startTime = DateTimeOffset.Now;
            var stopwatch = Stopwatch.StartNew();
            var folder = Path.Combine(_folderRoot, FolderPrefix + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            EmulatorProcess process;
            try
            {
                var arguments = options.ToArguments(folder);
                verbose($"Starting {CommandLineArguments.Join(new[] { _host.ExecutablePath, _emulatorAssembly })} {CommandLineArguments.Join(arguments)}");
                process = EmulatorProcess.Start(_host.ExecutablePath, _emulatorAssembly, arguments, folder);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.ComponentModel.Win32Exception || e is InvalidOperationException)
            {
                TryDelete(folder);
                throw new OciEmulatorException(OciEmulatorErrorKind.EmulatorStartFailed,
                    $"Cannot start '{_host.ExecutablePath}': {e.Message}", "Check that the dotnet host can run (or name another with -DotnetPath).", _host.ExecutablePath, e);
            }

            EmulatorAdminClient? admin = null;
            try
            {
                var url = await process.WaitForUrlAsync(timeout, cancellationToken).ConfigureAwait(false);
                verbose($"Emulator process {process.ProcessId} listening on {url} after {stopwatch.Elapsed.TotalSeconds:0.00} s.");
                var descriptor = EmulatorDescriptor.Read(folder);
                admin = new EmulatorAdminClient(new Uri(url));
                var inventory = await admin.GetInventoryAsync(cancellationToken).ConfigureAwait(false);
                // The config names the home region; the endpoint map lets the one session sign for every region served.
                var session = OciSession.Create(new OciSessionOptions
                {
                    ConfigFile = descriptor.ConfigFile,
                    Profile = descriptor.Profile,
                    Endpoints = descriptor.Endpoints.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
                    HostDescription = hostDescription,
                });
                var emulator = new OciEmulator(process, admin, descriptor, inventory, session, _host.ExecutablePath, startTime, stopwatch.Elapsed);
                if (options.Huawei)
                {
                    var huawei = HuaweiEmulatorDescriptor.Read(folder);
                    admin.ServesHuawei = true;
                    var huaweiInventory = await admin.GetHuaweiInventoryAsync(cancellationToken).ConfigureAwait(false);
                    emulator.AddHuawei(huawei, huaweiInventory, Huawei.HwcSession.Create(new Huawei.HwcSessionOptions
                    {
                        Region = huawei.Region,
                        ProjectId = huawei.ProjectId,
                        AccessKey = huawei.AccessKey,
                        SecretKey = huawei.SecretKey,
                        Endpoints = new[]
                        {
                            new System.Collections.Generic.KeyValuePair<string, string>("vbs", huawei.VbsUrl),
                            new System.Collections.Generic.KeyValuePair<string, string>("rds", huawei.RdsUrl),
                        },
                        HostDescription = hostDescription,
                    }));
                    verbose($"Huawei Cloud side: VBS at {huawei.VbsUrl}, RDS at {huawei.RdsUrl}; region {huawei.Region}, project {huawei.ProjectId}; " +
                        $"{emulator.HwcVolumeIds.Length} EVS disk(s), {emulator.HwcInstanceIds.Length} RDS instance(s).");
                }

                RunningEmulators.Add(emulator);
                verbose($"Ready after {stopwatch.Elapsed.TotalSeconds:0.00} s: {emulator.CompartmentIds.Length} compartment(s), {emulator.VolumeIds.Length} volume(s), " +
                    $"{emulator.VolumeGroupIds.Length} volume group(s); OCI config '{emulator.ConfigFile}' [{emulator.Profile}], region {emulator.Region}.");
                return emulator;
            }
            catch
            {
                admin?.Dispose();
                process.StopNow();
                throw;
            }
        }

        private static void TryDelete(string folder)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
            }
        }
    }
}

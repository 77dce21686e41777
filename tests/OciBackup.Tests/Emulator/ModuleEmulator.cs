using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Emulator;

namespace OciBackup.Tests.Emulator
{
    /// <summary>The emulator as the module ships it (out/OciBackup/emulator/, which the build assembles), started through the launcher.</summary>
    internal static class ModuleEmulator
    {
        public static string ModuleFolder
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory != null && !File.Exists(Path.Combine(directory.FullName, "OciBackup.sln")))
                {
                    directory = directory.Parent;
                }

                return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("OciBackup.sln not found above " + AppContext.BaseDirectory), "out", "OciBackup");
            }
        }

        public static string Assembly => Path.Combine(ModuleFolder, "emulator", "OciBackup.Emulator.dll");

        public static DotnetHost Host { get; } = DotnetHostLocator.ForCurrentProcess().Locate();

        public static EmulatorLauncher Launcher(string? folderRoot = null) => new EmulatorLauncher(Host, Assembly, folderRoot);

        public static Task<OciEmulator> StartAsync(EmulatorStartOptions? options = null, TimeSpan? timeout = null, string? folderRoot = null) =>
            Launcher(folderRoot).StartAsync(options ?? new EmulatorStartOptions(), "xunit", timeout ?? TimeSpan.FromSeconds(60), _ => { }, CancellationToken.None);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using OciBackup.Engine.Auth;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// Finds a dotnet host that can run the emulator (an ASP.NET Core app for .NET 10, rolling forward to a newer major
    /// version) before anything is started. Looks, in order, at <c>DOTNET_HOST_PATH</c>, the host of the .NET runtime
    /// this process runs on (pwsh run as <c>dotnet pwsh</c> or as a global tool), <c>DOTNET_ROOT_&lt;ARCH&gt;</c> and
    /// <c>DOTNET_ROOT</c>, <c>PATH</c>, and the default install locations; the first host that has the ASP.NET Core
    /// runtime wins. A host's runtimes are read from its <c>shared</c> folder, or asked of it with
    /// <c>--list-runtimes</c> when it is a link to an installation elsewhere (as <c>/usr/bin/dotnet</c> is).
    /// </summary>
    internal sealed class DotnetHostLocator
    {
        public const string HostPathVariable = "DOTNET_HOST_PATH";
        public const string RootVariable = "DOTNET_ROOT";
        public const int RequiredMajorVersion = 10;
        public const string AspNetCoreFramework = "Microsoft.AspNetCore.App";
        public const string NetCoreFramework = "Microsoft.NETCore.App";

        public const string InstallAction =
            "Install the ASP.NET Core Runtime 10.0 (or a newer one) from https://dotnet.microsoft.com/download/dotnet/10.0 " +
            "(Windows: winget install Microsoft.DotNet.AspNetCore.10; Ubuntu and Debian: the aspnetcore-runtime-10.0 package; " +
            "anywhere: dotnet-install --runtime aspnetcore --channel 10.0), or name a dotnet host that has it with -DotnetPath or DOTNET_ROOT.";

        private readonly IProcessEnvironment _environment;
        private readonly string? _runtimeDirectory;
        private readonly bool _isWindows;
        private readonly string _architecture;
        private readonly IReadOnlyList<string> _defaultLocations;
        private readonly Func<string, IReadOnlyList<string>?> _listRuntimes;

        /// <param name="environment">Environment variables (DOTNET_HOST_PATH, DOTNET_ROOT, PATH).</param>
        /// <param name="runtimeDirectory">The folder of the running runtime's System.Private.CoreLib (or mscorlib), null if unknown.</param>
        /// <param name="isWindows">Whether the host is dotnet.exe and PATH is separated by ';'.</param>
        /// <param name="architecture">The process architecture as DOTNET_ROOT_&lt;ARCH&gt; names it (X64, ARM64, X86).</param>
        /// <param name="defaultLocations">The default install locations' host executables, in order.</param>
        /// <param name="listRuntimes">Runs <c>HOST --list-runtimes</c> and returns its lines, or null when it cannot.</param>
        public DotnetHostLocator(IProcessEnvironment environment, string? runtimeDirectory, bool isWindows, string architecture,
            IReadOnlyList<string> defaultLocations, Func<string, IReadOnlyList<string>?> listRuntimes)
        {
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
            _runtimeDirectory = runtimeDirectory;
            _isWindows = isWindows;
            _architecture = architecture;
            _defaultLocations = defaultLocations;
            _listRuntimes = listRuntimes;
        }

        public string HostFileName => _isWindows ? "dotnet.exe" : "dotnet";

        /// <summary>The locator for this process: its environment, runtime and platform.</summary>
        public static DotnetHostLocator ForCurrentProcess()
        {
            var isWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var home = ProcessEnvironment.Instance.HomeDirectory;
            var defaults = new List<string>();
            if (isWindows)
            {
                foreach (var variable in new[] { "ProgramFiles", "LOCALAPPDATA" })
                {
                    var folder = Environment.GetEnvironmentVariable(variable);
                    if (!string.IsNullOrEmpty(folder))
                    {
                        defaults.Add(variable == "ProgramFiles"
                            ? Path.Combine(folder, "dotnet", "dotnet.exe")
                            : Path.Combine(folder, "Microsoft", "dotnet", "dotnet.exe"));
                    }
                }
            }
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                defaults.Add("/usr/local/share/dotnet/dotnet");
                defaults.Add(Path.Combine(home, ".dotnet", "dotnet"));
            }
            else
            {
                defaults.AddRange(new[] { "/usr/share/dotnet/dotnet", "/usr/lib/dotnet/dotnet", "/usr/lib64/dotnet/dotnet", Path.Combine(home, ".dotnet", "dotnet") });
            }

            return new DotnetHostLocator(ProcessEnvironment.Instance, Path.GetDirectoryName(typeof(object).Assembly.Location), isWindows,
                RuntimeInformation.ProcessArchitecture.ToString().ToUpperInvariant(), defaults, ListRuntimes);
        }

        /// <summary>
        /// The host to run the emulator with: <paramref name="explicitPath"/> (a host executable or the folder holding it)
        /// when given, else the first suitable one found. Throws <see cref="OciEmulatorException"/> when there is none.
        /// </summary>
        public DotnetHost Locate(string? explicitPath = null)
        {
            var candidates = explicitPath != null
                ? new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("-DotnetPath", Directory.Exists(explicitPath) ? Path.Combine(explicitPath, HostFileName) : explicitPath) }
                : Candidates();
            var checkedHosts = new List<string>();
            foreach (var candidate in candidates)
            {
                var path = candidate.Value;
                if (!File.Exists(path))
                {
                    continue;
                }

                var runtimes = RuntimesOf(path);
                var usable = UsableAspNetCore(runtimes);
                if (usable != null)
                {
                    return new DotnetHost(Path.GetFullPath(path), candidate.Key, usable);
                }

                checkedHosts.Add($"{path} ({candidate.Key}) has {Describe(runtimes)}");
            }

            if (checkedHosts.Count == 0)
            {
                var where = explicitPath != null
                    ? $"there is no dotnet host at '{candidates[0].Value}'"
                    : $"found no dotnet host (looked at {HostPathVariable}, the running .NET runtime, {RootVariable}, PATH and {string.Join(", ", _defaultLocations)})";
                throw new OciEmulatorException(OciEmulatorErrorKind.DotnetHostNotFound,
                    $"The emulator runs on the ASP.NET Core runtime {RequiredMajorVersion}.0 through a dotnet host, and {where}.",
                    InstallAction, explicitPath);
            }

            throw new OciEmulatorException(OciEmulatorErrorKind.AspNetCoreRuntimeMissing,
                $"The emulator runs on the ASP.NET Core runtime {RequiredMajorVersion}.0 or later ({AspNetCoreFramework} with {NetCoreFramework} of the same version), " +
                $"and no dotnet host found has it: {string.Join("; ", checkedHosts)}.",
                InstallAction, explicitPath ?? candidates.First(c => File.Exists(c.Value)).Value);
        }

        /// <summary>Parses <c>dotnet --list-runtimes</c> lines ("Microsoft.AspNetCore.App 10.0.1 [/usr/share/dotnet/shared/...]").</summary>
        public static IReadOnlyList<KeyValuePair<string, Version>> ParseRuntimeList(IEnumerable<string> lines)
        {
            var runtimes = new List<KeyValuePair<string, Version>>();
            foreach (var line in lines)
            {
                var parts = line.Trim().Split(new[] { ' ' }, 3, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && ParseVersion(parts[1]) is Version version)
                {
                    runtimes.Add(new KeyValuePair<string, Version>(parts[0], version));
                }
            }

            return runtimes;
        }

        /// <summary>"10.0.1", "10.0.0-rc.2.25502.107" → 10.0.1, 10.0.0; null when it is no version.</summary>
        public static Version? ParseVersion(string text)
        {
            var end = text.IndexOfAny(new[] { '-', '+' });
            var numbers = end < 0 ? text : text.Substring(0, end);
            return Version.TryParse(numbers, out var version) ? version : null;
        }

        private List<KeyValuePair<string, string>> Candidates()
        {
            var candidates = new List<KeyValuePair<string, string>>();
            void Add(string foundBy, string? path)
            {
                if (string.IsNullOrEmpty(path))
                {
                    return;
                }

                var comparison = _isWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                if (!candidates.Any(c => string.Equals(c.Value, path, comparison)))
                {
                    candidates.Add(new KeyValuePair<string, string>(foundBy, path!));
                }
            }

            Add(HostPathVariable, _environment.GetVariable(HostPathVariable));
            Add("the running .NET runtime", RunningRuntimeHost());
            foreach (var variable in new[] { RootVariable + "_" + _architecture, RootVariable })
            {
                var root = _environment.GetVariable(variable);
                Add(variable, root == null ? null : Path.Combine(root, HostFileName));
            }

            var separator = _isWindows ? ';' : ':';
            foreach (var folder in (_environment.GetVariable("PATH") ?? string.Empty).Split(new[] { separator }, StringSplitOptions.RemoveEmptyEntries))
            {
                Add("PATH", Path.Combine(folder.Trim().Trim('"'), HostFileName));
            }

            foreach (var location in _defaultLocations)
            {
                Add("the default install location", location);
            }

            return candidates;
        }

        // A shared-framework runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/, beside <root>/dotnet. A
        // self-contained pwsh (its runtime in $PSHOME) and Windows PowerShell (the .NET Framework) have no such host.
        private string? RunningRuntimeHost()
        {
            if (string.IsNullOrEmpty(_runtimeDirectory))
            {
                return null;
            }

            var version = new DirectoryInfo(_runtimeDirectory!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            var framework = version.Parent;
            var shared = framework?.Parent;
            var root = shared?.Parent;
            if (root == null || framework!.Name != NetCoreFramework || shared!.Name != "shared")
            {
                return null;
            }

            return Path.Combine(root.FullName, HostFileName);
        }

        private IReadOnlyList<KeyValuePair<string, Version>> RuntimesOf(string hostPath)
        {
            var shared = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(hostPath)) ?? ".", "shared");
            if (!Directory.Exists(shared))
            {
                return ParseRuntimeList(_listRuntimes(hostPath) ?? Array.Empty<string>());
            }

            var runtimes = new List<KeyValuePair<string, Version>>();
            foreach (var framework in new[] { AspNetCoreFramework, NetCoreFramework })
            {
                var folder = Path.Combine(shared, framework);
                if (!Directory.Exists(folder))
                {
                    continue;
                }

                foreach (var versionFolder in Directory.GetDirectories(folder))
                {
                    if (ParseVersion(Path.GetFileName(versionFolder)) is Version version)
                    {
                        runtimes.Add(new KeyValuePair<string, Version>(framework, version));
                    }
                }
            }

            return runtimes;
        }

        private static Version? UsableAspNetCore(IReadOnlyList<KeyValuePair<string, Version>> runtimes)
        {
            var netCoreMajors = runtimes.Where(r => r.Key == NetCoreFramework).Select(r => r.Value.Major).ToList();
            return runtimes
                .Where(r => r.Key == AspNetCoreFramework && r.Value.Major >= RequiredMajorVersion && netCoreMajors.Contains(r.Value.Major))
                .Select(r => r.Value)
                .OrderByDescending(v => v)
                .FirstOrDefault();
        }

        private static string Describe(IReadOnlyList<KeyValuePair<string, Version>> runtimes)
        {
            if (runtimes.Count == 0)
            {
                return "no runtimes";
            }

            return string.Join(", ", runtimes.GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key + " " + string.Join(", ", g.Select(r => r.Value).OrderBy(v => v).Select(v => v.ToString()))));
        }

        private static IReadOnlyList<string>? ListRuntimes(string hostPath)
        {
            try
            {
                var start = new ProcessStartInfo(hostPath, "--list-runtimes")
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    RedirectStandardInput = true,
                    CreateNoWindow = true,
                };
                using (var process = Process.Start(start))
                {
                    if (process == null)
                    {
                        return null;
                    }

                    var output = process.StandardOutput.ReadToEndAsync();
                    process.StandardError.ReadToEndAsync();
                    if (!process.WaitForExit(10_000))
                    {
                        process.Kill();
                        return null;
                    }

                    return output.Result.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
                }
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is InvalidOperationException || e is IOException)
            {
                return null;
            }
        }
    }
}

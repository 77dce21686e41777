using System;

namespace OciBackup.Engine.Emulator
{
    /// <summary>A dotnet host (the <c>dotnet</c> executable) that can run the emulator, and how it was found.</summary>
    internal sealed class DotnetHost
    {
        public DotnetHost(string executablePath, string foundBy, Version aspNetCoreVersion)
        {
            ExecutablePath = executablePath;
            FoundBy = foundBy;
            AspNetCoreVersion = aspNetCoreVersion;
        }

        public string ExecutablePath { get; }

        /// <summary>Where the search found it, for -Verbose: "DOTNET_HOST_PATH", "the running .NET runtime", "PATH", ...</summary>
        public string FoundBy { get; }

        /// <summary>The newest Microsoft.AspNetCore.App runtime of that host that the emulator can run on.</summary>
        public Version AspNetCoreVersion { get; }
    }
}

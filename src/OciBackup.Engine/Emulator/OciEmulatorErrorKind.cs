namespace OciBackup.Engine.Emulator
{
    /// <summary>Why the local emulator could not be started, reached or stopped; each is an ErrorId (<c>OciBackup.</c> + name).</summary>
    public enum OciEmulatorErrorKind
    {
        /// <summary>No dotnet host was found to run the emulator with.</summary>
        DotnetHostNotFound,

        /// <summary>A dotnet host was found, but without the ASP.NET Core runtime 10.0 or later the emulator runs on.</summary>
        AspNetCoreRuntimeMissing,

        /// <summary>The emulator's files are missing from the module folder.</summary>
        EmulatorNotFound,

        /// <summary>The emulator exited before it listened (bad options, an unreadable seed file, ...).</summary>
        EmulatorStartFailed,

        /// <summary>The emulator did not listen within the time allowed.</summary>
        EmulatorStartTimedOut,

        /// <summary>The emulator is not running (stopped, or its process ended).</summary>
        EmulatorNotRunning,

        /// <summary>The emulator refused an admin request (an out-of-range fault setting).</summary>
        EmulatorRequestRefused,
    }
}

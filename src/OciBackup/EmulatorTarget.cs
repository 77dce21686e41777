using System;
using System.Management.Automation;
using System.Net;
using OciBackup.Engine.Emulator;

namespace OciBackup
{
    /// <summary>
    /// The emulator an emulator cmdlet acts on: the object given, an emulator started some other way given by its
    /// URL, or the one this session started. Owns the admin client only when it made one for a URL.
    /// </summary>
    internal sealed class EmulatorTarget : IDisposable
    {
        public const string ByObject = "Emulator";
        public const string ByUrl = "Url";

        private readonly bool _ownsAdmin;

        private EmulatorTarget(EmulatorAdminClient admin, bool ownsAdmin, OciEmulator? emulator)
        {
            Admin = admin;
            _ownsAdmin = ownsAdmin;
            Emulator = emulator;
        }

        public EmulatorAdminClient Admin { get; }

        public OciEmulator? Emulator { get; }

        public string Url => Admin.Url;

        /// <summary>Resolves the target; a bad URL or no emulator at all is a terminating error, a stopped one an <see cref="OciEmulatorException"/> when used.</summary>
        public static EmulatorTarget Of(EmulatorCmdlet cmdlet, OciEmulator? emulator, string? url)
        {
            if (url != null)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !IsLoopback(uri))
                {
                    cmdlet.ThrowTerminatingError(EmulatorErrorRecords.Record("InvalidEmulatorUrl", ErrorCategory.InvalidArgument,
                        $"'{url}' is not an emulator URL: the emulator listens on http:// at a loopback address.",
                        "Give the URL the emulator printed, e.g. http://127.0.0.1:8080.", url));
                }

                return new EmulatorTarget(new EmulatorAdminClient(uri!), ownsAdmin: true, null);
            }

            var target = emulator ?? cmdlet.DefaultEmulator();
            return new EmulatorTarget(target.Admin, ownsAdmin: false, target);
        }

        /// <summary>Throws EmulatorNotRunning for an emulator object that has stopped (its admin client is gone with it).</summary>
        public void CheckRunning()
        {
            if (Emulator != null && Emulator.HasExited)
            {
                throw new OciEmulatorException(OciEmulatorErrorKind.EmulatorNotRunning,
                    $"The emulator at {Emulator.Url} (process {Emulator.ProcessId}) is not running.",
                    "Start one with Start-OciEmulator (an emulator stops with Stop-OciEmulator and when the PowerShell that started it exits).", Emulator.Url);
            }
        }

        public void Dispose()
        {
            if (_ownsAdmin)
            {
                Admin.Dispose();
            }
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}

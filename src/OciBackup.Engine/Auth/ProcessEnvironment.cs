using System;
using System.IO;

namespace OciBackup.Engine.Auth
{
    /// <summary>The real environment of the current process.</summary>
    internal sealed class ProcessEnvironment : IProcessEnvironment
    {
        public static ProcessEnvironment Instance { get; } = new ProcessEnvironment();

        private ProcessEnvironment()
        {
        }

        public string? GetVariable(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrEmpty(value) ? null : value;
        }

        public string HomeDirectory
        {
            get
            {
                // USERPROFILE first on Windows, HOME elsewhere: what the OCI CLI's expanduser does.
                var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                if (string.IsNullOrEmpty(home))
                {
                    home = Environment.GetEnvironmentVariable("HOME") ?? string.Empty;
                }

                return home;
            }
        }

        public bool FileExists(string path) => File.Exists(path);

        public string ReadAllText(string path) => File.ReadAllText(path);

        public string? FileStamp(string path)
        {
            try
            {
                var info = new FileInfo(path);
                return info.Exists ? info.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            }
            catch (Exception ex) when (FileReadErrors.IsReadFailure(ex))
            {
                return null;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using OciBackup.Engine.Auth;

namespace OciBackup.Tests
{
    /// <summary>
    /// Real files (what the emulator writes: token files, keys, configs) with variables and a home directory of the
    /// test's own, so that end-to-end tests never read the machine's variables or ~/.oci, nor change them.
    /// </summary>
    public sealed class DiskFilesEnvironment : IProcessEnvironment
    {
        public DiskFilesEnvironment(string homeDirectory)
        {
            HomeDirectory = homeDirectory;
        }

        public IDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public string HomeDirectory { get; }

        public DiskFilesEnvironment Set(IEnumerable<KeyValuePair<string, string>> variables)
        {
            foreach (var pair in variables)
            {
                Variables[pair.Key] = pair.Value;
            }

            return this;
        }

        public string? GetVariable(string name) => Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        public bool FileExists(string path) => File.Exists(path);

        public string ReadAllText(string path) => File.ReadAllText(path);

        public string? FileStamp(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? info.LastWriteTimeUtc.Ticks + ":" + info.Length : null;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using OciBackup.Engine.Auth;

namespace OciBackup.Tests
{
    /// <summary>
    /// An in-memory <see cref="IProcessEnvironment"/>: variables, a home directory and files that tests set up,
    /// plus a record of which variables and files the code under test read.
    /// </summary>
    public sealed class FakeProcessEnvironment : IProcessEnvironment
    {
        private readonly object _gate = new object();
        private readonly List<string> _filesRead = new List<string>();
        private readonly List<string> _variablesRead = new List<string>();
        private readonly Dictionary<string, Exception> _unreadableFiles = new Dictionary<string, Exception>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _versions = new Dictionary<string, int>(StringComparer.Ordinal);

        public FakeProcessEnvironment(string home = "/home/test")
        {
            HomeDirectory = home;
        }

        /// <summary>Environment variables by name; an empty value counts as unset, as for the real process.</summary>
        public IDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>File contents by full path.</summary>
        public IDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public string HomeDirectory { get; set; }

        /// <summary>Paths passed to <see cref="ReadAllText"/>, in order.</summary>
        public IReadOnlyList<string> FilesRead
        {
            get
            {
                lock (_gate)
                {
                    return _filesRead.ToArray();
                }
            }
        }

        /// <summary>Names passed to <see cref="GetVariable"/>, in order.</summary>
        public IReadOnlyList<string> VariablesRead
        {
            get
            {
                lock (_gate)
                {
                    return _variablesRead.ToArray();
                }
            }
        }

        /// <summary>Sets a variable; null removes it.</summary>
        public FakeProcessEnvironment SetVariable(string name, string? value)
        {
            if (value is null)
            {
                Variables.Remove(name);
            }
            else
            {
                Variables[name] = value;
            }

            return this;
        }

        /// <summary>Adds or rewrites a file; each write changes its <see cref="FileStamp"/>, as a real rewrite changes its time.</summary>
        public FakeProcessEnvironment AddFile(string path, string text)
        {
            lock (_gate)
            {
                Files[path] = text;
                _versions[path] = _versions.TryGetValue(path, out var version) ? version + 1 : 1;
            }

            return this;
        }

        /// <summary>A file that exists but whose reading throws <paramref name="error"/> (permissions, locks).</summary>
        public FakeProcessEnvironment AddUnreadableFile(string path, Exception error)
        {
            Files[path] = string.Empty;
            _unreadableFiles[path] = error;
            return this;
        }

        /// <summary>A path under the home directory, joined the way the engine joins it.</summary>
        public string PathInHome(params string[] parts)
        {
            var all = new string[parts.Length + 1];
            all[0] = HomeDirectory;
            Array.Copy(parts, 0, all, 1, parts.Length);
            return Path.Combine(all);
        }

        public string? GetVariable(string name)
        {
            lock (_gate)
            {
                _variablesRead.Add(name);
            }

            return Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        }

        public bool FileExists(string path) => Files.ContainsKey(path);

        public string? FileStamp(string path)
        {
            lock (_gate)
            {
                return Files.ContainsKey(path) ? "v" + (_versions.TryGetValue(path, out var version) ? version : 0) : null;
            }
        }

        public string ReadAllText(string path)
        {
            lock (_gate)
            {
                _filesRead.Add(path);
            }

            if (_unreadableFiles.TryGetValue(path, out var error))
            {
                throw error;
            }

            if (!Files.TryGetValue(path, out var text))
            {
                throw new FileNotFoundException($"Could not find file '{path}'.", path);
            }

            return text;
        }
    }
}

using System;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// A small text file that another program rewrites (a session token after <c>oci session refresh</c>, a
    /// resource principal token rotated by its agent, Cloud Shell's delegation token): read once, and read again
    /// only when its stamp (last write time and length) changes or the caller asks. Thread-safe.
    /// </summary>
    internal sealed class WatchedTextFile
    {
        private readonly IProcessEnvironment _environment;
        private readonly object _gate = new object();
        private string? _stamp;
        private string? _text;

        public WatchedTextFile(string path, IProcessEnvironment environment)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        }

        public string Path { get; }

        /// <summary>How many times the file has been read.</summary>
        public int Reads { get; private set; }

        /// <summary>True when the file looks different from when it was last read (or was never read).</summary>
        public bool HasChanged
        {
            get
            {
                var stamp = _environment.FileStamp(Path);
                lock (_gate)
                {
                    return _text == null || !string.Equals(stamp, _stamp, StringComparison.Ordinal);
                }
            }
        }

        /// <summary>The file's text, surrounding white space removed: the last read when the stamp is unchanged, else read again.</summary>
        /// <param name="force">Read even when the stamp is unchanged (a rewrite within the file system's timestamp resolution keeps it).</param>
        /// <param name="changed">Whether the text differs from what the previous call returned.</param>
        /// <exception cref="System.IO.IOException">And the other exceptions of <see cref="IProcessEnvironment.ReadAllText"/>.</exception>
        public string Read(bool force, out bool changed)
        {
            var stamp = _environment.FileStamp(Path);
            lock (_gate)
            {
                if (!force && _text != null && string.Equals(stamp, _stamp, StringComparison.Ordinal))
                {
                    changed = false;
                    return _text;
                }

                var text = _environment.ReadAllText(Path).Trim();
                Reads++;
                changed = !string.Equals(text, _text, StringComparison.Ordinal);
                _text = text;
                _stamp = stamp;
                return text;
            }
        }

        public override string ToString() => "watched file " + Path;
    }
}

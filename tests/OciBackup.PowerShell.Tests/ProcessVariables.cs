using System;
using System.Collections.Generic;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// Sets process environment variables for one test and puts back what was there. Only for tests in
    /// <see cref="ProcessEnvironmentCollection"/>: the variables are the whole process's.
    /// </summary>
    public sealed class ProcessVariables : IDisposable
    {
        private readonly Dictionary<string, string?> _saved = new Dictionary<string, string?>(StringComparer.Ordinal);

        public ProcessVariables Set(string name, string? value)
        {
            if (!_saved.ContainsKey(name))
            {
                _saved[name] = Environment.GetEnvironmentVariable(name);
            }

            Environment.SetEnvironmentVariable(name, value);
            return this;
        }

        public ProcessVariables Set(IEnumerable<KeyValuePair<string, string>> variables)
        {
            foreach (var pair in variables)
            {
                Set(pair.Key, pair.Value);
            }

            return this;
        }

        public void Dispose()
        {
            foreach (var pair in _saved)
            {
                Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            }
        }
    }
}

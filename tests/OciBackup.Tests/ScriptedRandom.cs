using System.Threading;
using OciBackup.Engine;

namespace OciBackup.Tests
{
    /// <summary>A random source that gives the numbers the test chose, round and round.</summary>
    public sealed class ScriptedRandom : IRandomSource
    {
        private readonly double[] _values;
        private int _next = -1;

        public ScriptedRandom(params double[] values)
        {
            _values = values.Length == 0 ? new[] { 0.5 } : values;
        }

        public double NextDouble() => _values[(int)((uint)Interlocked.Increment(ref _next) % (uint)_values.Length)];
    }
}

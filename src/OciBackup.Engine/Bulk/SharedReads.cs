using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// One read per key for a whole run (a region's availability domains, a compartment's copies in the destination),
    /// shared by every item that needs it, however many ask at once. A read that fails is not kept: the next item
    /// reads again. Thread-safe.
    /// </summary>
    internal sealed class SharedReads<T>
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _reads = new ConcurrentDictionary<string, Lazy<Task<T>>>(StringComparer.Ordinal);

        /// <param name="read">Made only by the first caller for <paramref name="key"/> (or the first after a failure).</param>
        public async Task<T> GetAsync(string key, Func<Task<T>> read)
        {
            var entry = _reads.GetOrAdd(key, _ => new Lazy<Task<T>>(read));
            try
            {
                return await entry.Value.ConfigureAwait(false);
            }
            catch
            {
                // Removes this failed read only, never one a later caller has started since.
                ((ICollection<KeyValuePair<string, Lazy<Task<T>>>>)_reads).Remove(new KeyValuePair<string, Lazy<Task<T>>>(key, entry));
                throw;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Http
{
    /// <summary>Reads every page of a list: each answer's opc-next-page goes back as the next request's page, until there is none.</summary>
    internal static class OciPages
    {
        /// <param name="path">The list's path, for a message.</param>
        /// <param name="readPage">Reads one page; null asks for the first.</param>
        public static async Task<List<T>> ReadAllAsync<T>(string path, Func<string?, Task<OciResult<List<T>>>> readPage, CancellationToken cancellationToken)
        {
            var all = new List<T>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? page = null;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await readPage(page).ConfigureAwait(false);
                all.AddRange(result.Value);
                page = result.Response.NextPage;
                // A service that hands back a page it already gave would page forever.
                if (page != null && !seen.Add(page))
                {
                    throw new OciServiceException((int)result.Response.StatusCode, "InvalidResponse",
                        "The service returned the same opc-next-page twice; the list cannot be read to its end.", result.Response.OpcRequestId, "GET", path);
                }
            }
            while (page != null);

            return all;
        }
    }
}

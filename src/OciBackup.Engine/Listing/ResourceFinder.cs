using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Listing
{
    /// <summary>
    /// Finds volumes, volume groups and their backups for the Get- cmdlets: by id, by compartment (optionally with
    /// every compartment below it), or, for backups, by what they are backups of; in any region the session serves.
    /// Every page of every list is read; what the service cannot filter by is tested here
    /// (<see cref="ResourceConditions"/>). Lookups for many piped ids run a few at a time.
    /// </summary>
    internal sealed class ResourceFinder : IDisposable
    {
        public const int DefaultConcurrency = 8;

        private readonly IRegionalClients _clients;
        private readonly string? _tenancyId;
        private readonly OciCallOptions? _call;
        private readonly Action<string>? _explain;
        private readonly SemaphoreSlim _lookups;

        /// <param name="tenancyId">The session's tenancy, when known: compartment trees are then read from it in one list.</param>
        /// <param name="explain">Told what is being listed and what was found, for -Verbose (from any thread).</param>
        public ResourceFinder(IRegionalClients clients, string? tenancyId, OciCallOptions? call = null, Action<string>? explain = null, int concurrency = DefaultConcurrency)
        {
            _clients = clients ?? throw new ArgumentNullException(nameof(clients));
            if (concurrency < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(concurrency), "At least one lookup must be allowed at a time.");
            }

            _tenancyId = tenancyId;
            _call = call;
            _explain = explain;
            _lookups = new SemaphoreSlim(concurrency, concurrency);
        }

        /// <summary>
        /// One resource by its id, in <paramref name="region"/> (null for the session's own); null when it does not meet
        /// the conditions. A 404 is thrown (<see cref="OciServiceException"/>), for the caller to report against the id.
        /// </summary>
        public async Task<ILifecycleResource?> GetAsync(ResourceKind kind, string id, string? region, ResourceConditions conditions, CancellationToken cancellationToken)
        {
            if (kind == null)
            {
                throw new ArgumentNullException(nameof(kind));
            }

            await _lookups.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var client = _clients.Blockstorage(region);
                var resource = (await kind.GetAsync(client, id, cancellationToken, _call).ConfigureAwait(false)).Value;
                var admitted = Admits(kind, resource, conditions);
                _explain?.Invoke(admitted
                    ? $"Read {kind.Noun} {id} in {resource.Region ?? "the session's region"}: {resource.LifecycleState}."
                    : $"Read {kind.Noun} {id} in {resource.Region ?? "the session's region"}: {resource.LifecycleState}, left out: not {conditions.Describe()}.");
                return admitted ? resource : null;
            }
            finally
            {
                _lookups.Release();
            }
        }

        /// <summary>
        /// The volumes or volume groups of a compartment (and, with <paramref name="subtree"/>, of every ACTIVE one below it)
        /// in <paramref name="region"/>, handed to <paramref name="found"/> a compartment at a time.
        /// </summary>
        /// <returns>How many were found.</returns>
        public async Task<int> ListSourcesAsync(SourceKind kind, string compartmentId, bool subtree, string? region, ResourceConditions conditions, Action<IReadOnlyList<ILifecycleResource>> found, CancellationToken cancellationToken)
        {
            if (kind == null)
            {
                throw new ArgumentNullException(nameof(kind));
            }

            return await ListEachAsync(kind, compartmentId, subtree, region, conditions, found, (client, compartment) =>
                kind.ListAsync(client, new VolumeFilter(compartment) { AvailabilityDomain = conditions.AvailabilityDomain, LifecycleState = conditions.LifecycleState }, cancellationToken, _call), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The backups of a compartment (and, with <paramref name="subtree"/>, of every ACTIVE one below it) in
        /// <paramref name="region"/>, newest first in each compartment, handed to <paramref name="found"/> a compartment at a time.
        /// </summary>
        /// <returns>How many were found.</returns>
        public async Task<int> ListBackupsAsync(BackupKind kind, string compartmentId, bool subtree, string? region, ResourceConditions conditions, Action<IReadOnlyList<ILifecycleResource>> found, CancellationToken cancellationToken)
        {
            if (kind == null)
            {
                throw new ArgumentNullException(nameof(kind));
            }

            return await ListEachAsync(kind, compartmentId, subtree, region, conditions, found, async (client, compartment) =>
                await kind.ListAsync(client, NewestFirst(compartment, conditions), cancellationToken, _call).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The backups of one volume (or volume group), newest first: those in <paramref name="compartmentId"/>, else in the
        /// source's own compartment, which is read first. The source must be in <paramref name="region"/>, as its backups are.
        /// </summary>
        public async Task<IReadOnlyList<ILifecycleResource>> ListBackupsOfAsync(BackupKind kind, string sourceId, string? compartmentId, string? region, ResourceConditions conditions, CancellationToken cancellationToken)
        {
            if (kind == null)
            {
                throw new ArgumentNullException(nameof(kind));
            }

            await _lookups.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var client = _clients.Blockstorage(region);
                if (compartmentId == null)
                {
                    var source = (await kind.Source.GetAsync(client, sourceId, cancellationToken, _call).ConfigureAwait(false)).Value;
                    compartmentId = source.CompartmentId
                        ?? throw new InvalidOperationException($"{kind.Source.Describe(sourceId)} does not say its compartment; give -CompartmentId.");
                }

                var filter = NewestFirst(compartmentId, conditions);
                filter.SourceId = sourceId;
                var listed = await kind.ListAsync(client, filter, cancellationToken, _call).ConfigureAwait(false);
                var admitted = listed.Where(b => Admits(kind, b, conditions)).ToList<ILifecycleResource>();
                _explain?.Invoke($"Listed the {kind.Noun}s of {kind.Source.Noun} {sourceId} in compartment {compartmentId}{In(client.Region)}: {Counted(listed.Count, admitted.Count, conditions)}.");
                return admitted;
            }
            finally
            {
                _lookups.Release();
            }
        }

        public void Dispose() => _lookups.Dispose();

        private static BackupFilter NewestFirst(string compartmentId, ResourceConditions conditions) =>
            new BackupFilter(compartmentId)
            {
                LifecycleState = conditions.LifecycleState,
                SortBy = BlockstorageRequests.SortByTimeCreated,
                SortOrder = BlockstorageRequests.Descending,
            };

        private static bool Admits(ResourceKind kind, ILifecycleResource resource, ResourceConditions conditions) =>
            kind is SourceKind source
                ? conditions.Admits(resource, source.AvailabilityDomainOf(resource), source.FreeformTagsOf(resource))
                : conditions.Admits(resource);

        private static string In(string? region) => region == null ? string.Empty : " in " + region;

        private static string Counted(int listed, int admitted, ResourceConditions conditions) =>
            conditions.TestsHere ? $"{listed} listed, {admitted} with {conditions.DescribeTestsHere()}" : $"{listed} found";

        private async Task<IReadOnlyList<string>> CompartmentsAsync(string compartmentId, bool subtree, CancellationToken cancellationToken) =>
            subtree
                ? await CompartmentTree.BelowAsync(_clients.Identity(null), compartmentId, _tenancyId, cancellationToken, _call, _explain).ConfigureAwait(false)
                : new[] { compartmentId };

        /// <summary>Lists each compartment (those below it too, with <paramref name="subtree"/>) in turn, and reports what each holds.</summary>
        private async Task<int> ListEachAsync(ResourceKind kind, string compartmentId, bool subtree, string? region, ResourceConditions conditions, Action<IReadOnlyList<ILifecycleResource>> found, Func<BlockstorageClient, string, Task<IReadOnlyList<ILifecycleResource>>> list, CancellationToken cancellationToken)
        {
            var client = _clients.Blockstorage(region);
            var total = 0;
            foreach (var compartment in await CompartmentsAsync(compartmentId, subtree, cancellationToken).ConfigureAwait(false))
            {
                var listed = await list(client, compartment).ConfigureAwait(false);
                total += Report(kind, compartment, client.Region, listed, conditions, found);
            }

            return total;
        }

        private int Report(ResourceKind kind, string compartmentId, string? region, IEnumerable<ILifecycleResource> listed, ResourceConditions conditions, Action<IReadOnlyList<ILifecycleResource>> found)
        {
            var all = listed.ToList();
            var admitted = all.Where(r => Admits(kind, r, conditions)).ToList();
            _explain?.Invoke($"Listed the {kind.Noun}s of compartment {compartmentId}{In(region)}: {Counted(all.Count, admitted.Count, conditions)}.");
            if (admitted.Count > 0)
            {
                found(admitted);
            }

            return admitted.Count;
        }
    }
}

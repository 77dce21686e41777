using System;
using System.Collections.Concurrent;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// A session's service clients, one pair per region as regions are asked for, all sending over the session's one
    /// connection pool (<see cref="OciHttpClient.WithEndpoint"/>). Each region's client stamps that region on what it reads.
    /// </summary>
    internal sealed class SessionClients : IRegionalClients
    {
        private readonly OciHttpClient _connections;
        private readonly RegionEndpoints _endpoints;
        private readonly ConcurrentDictionary<string, BlockstorageClient> _blockstorage = new ConcurrentDictionary<string, BlockstorageClient>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, IdentityClient> _identity = new ConcurrentDictionary<string, IdentityClient>(StringComparer.Ordinal);

        /// <param name="connections">The session's client, aimed at the home region's endpoint; its connections serve every region.</param>
        public SessionClients(OciHttpClient connections, RegionEndpoints endpoints)
        {
            _connections = connections ?? throw new ArgumentNullException(nameof(connections));
            _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        }

        public RegionEndpoints Endpoints => _endpoints;

        public BlockstorageClient Blockstorage(string? region)
        {
            var id = _endpoints.Normalize(region);
            // The endpoint is resolved first: an unknown region fails every time, and nothing is cached for it.
            var endpoint = _endpoints.Blockstorage(id);
            return _blockstorage.GetOrAdd(id ?? string.Empty, _ => new BlockstorageClient(Over(endpoint), id));
        }

        public IdentityClient Identity(string? region)
        {
            var id = _endpoints.Normalize(region);
            var endpoint = _endpoints.Identity(id);
            return _identity.GetOrAdd(id ?? string.Empty, _ => new IdentityClient(Over(endpoint), id));
        }

        private OciHttpClient Over(Uri endpoint) => endpoint == _connections.Endpoint ? _connections : _connections.WithEndpoint(endpoint);
    }
}

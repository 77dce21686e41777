using System;
using System.Collections.Generic;
using System.Linq;
using OciBackup.Engine.Auth;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// Where each region's services are for one session. A session from a region signs for every region of that
    /// region's realm, at the regions' public endpoints; one given a single endpoint serves its own region there; one
    /// given an endpoint per region (an emulator, private endpoints) serves exactly the regions it names. Immutable.
    /// </summary>
    internal sealed class RegionEndpoints
    {
        private readonly Region? _home;
        private readonly RegionCatalog? _catalog;
        private readonly Uri? _single;
        private readonly IReadOnlyDictionary<string, Uri>? _map;

        private RegionEndpoints(Region? home, RegionCatalog? catalog, Uri? single, IReadOnlyDictionary<string, Uri>? map, string? homeId)
        {
            _home = home;
            _catalog = catalog;
            _single = single;
            _map = map;
            HomeRegion = home?.Id ?? homeId;
        }

        /// <summary>The session's own region id (what a null region means), or null when the session was given an endpoint and no region.</summary>
        public string? HomeRegion { get; }

        /// <summary>The home region's endpoint.</summary>
        public Uri HomeEndpoint => Blockstorage(null);

        /// <summary>Every region of <paramref name="home"/>'s realm, at its public endpoints.</summary>
        public static RegionEndpoints InRealmOf(Region home, RegionCatalog catalog) =>
            new RegionEndpoints(home ?? throw new ArgumentNullException(nameof(home)), catalog ?? throw new ArgumentNullException(nameof(catalog)), null, null, null);

        /// <summary>One endpoint (today's <c>-Endpoint https://…</c>): the home region only, Identity included.</summary>
        /// <param name="catalog">Reads short codes (<c>iad</c>) as the home region's id; without it only the id itself is the home region.</param>
        public static RegionEndpoints Single(string? homeRegion, Uri endpoint, RegionCatalog? catalog = null) =>
            new RegionEndpoints(null, catalog, endpoint ?? throw new ArgumentNullException(nameof(endpoint)), null, homeRegion);

        /// <summary>
        /// An endpoint per region, each checked as a single endpoint is; a region's Identity calls go to its endpoint
        /// too. Keys may be region ids or short codes. The home region must be among them (with one entry, it may be left out).
        /// </summary>
        /// <exception cref="OciConfigException">An endpoint or region that is not valid, an empty map, or a map without the home region.</exception>
        public static RegionEndpoints Mapped(IEnumerable<KeyValuePair<string, string>> endpoints, string? homeRegion, RegionCatalog catalog)
        {
            var map = new Dictionary<string, Uri>(StringComparer.Ordinal);
            foreach (var pair in endpoints ?? throw new ArgumentNullException(nameof(endpoints)))
            {
                map[catalog.Resolve(pair.Key).Id] = ServiceEndpoint.ParseOverride(pair.Value ?? string.Empty);
            }

            if (map.Count == 0)
            {
                throw new OciConfigException(OciConfigErrorKind.EndpointInvalid, "The endpoint map is empty.",
                    "Give each region its endpoint: -Endpoint @{ 'us-ashburn-1' = 'http://127.0.0.1:8001'; 'us-phoenix-1' = 'http://127.0.0.1:8002' }.", setting: "endpoint");
            }

            // Without a region of its own, a session given one endpoint's region has that one.
            var home = homeRegion == null ? (map.Count == 1 ? map.Keys.Single() : null) : catalog.Resolve(homeRegion).Id;
            if (home == null)
            {
                throw new OciConfigException(OciConfigErrorKind.RegionMissing,
                    $"The endpoint map names {Names(map.Keys)}, and the session has no region of its own to start from.",
                    "Pass -Region with one of the map's regions.", setting: "region");
            }

            if (!map.ContainsKey(home))
            {
                throw new OciConfigException(OciConfigErrorKind.EndpointInvalid,
                    $"The endpoint map names {Names(map.Keys)} but not the session's own region, {home}.",
                    $"Add '{home}' to the map, or choose one of its regions with -Region.", setting: "endpoint");
            }

            return new RegionEndpoints(null, catalog, null, map, home);
        }

        /// <summary>The block storage (Core) endpoint of a region; null for the home region.</summary>
        /// <exception cref="OciConfigException">The session has no endpoint for that region.</exception>
        public Uri Blockstorage(string? region) => Resolve(region, identity: false);

        /// <summary>The Identity endpoint of a region: <c>identity.{region}.oci.{domain}</c>, or the region's given endpoint.</summary>
        public Uri Identity(string? region) => Resolve(region, identity: true);

        /// <summary>The region id a name or short code stands for here, as objects of that region say it; null for the home region.</summary>
        public string? Normalize(string? region)
        {
            if (region == null || string.Equals(region, HomeRegion, StringComparison.OrdinalIgnoreCase))
            {
                return HomeRegion;
            }

            return _catalog?.Resolve(region).Id ?? region.Trim().ToLowerInvariant();
        }

        /// <summary>
        /// The region an OCID names (<c>ocid1.volumebackup.oc1.phx.…</c> → <c>us-phoenix-1</c>) when this session serves
        /// it; null otherwise (no region part, one not known, or one the session has no endpoint for), which means home.
        /// </summary>
        public string? RegionOf(string? ocid)
        {
            var parts = ocid?.Split('.');
            if (parts == null || parts.Length < 5 || parts[0] != "ocid1" || parts[3].Length == 0)
            {
                return null;
            }

            try
            {
                var id = Normalize(parts[3]);
                Blockstorage(id);
                return id;
            }
            catch (OciConfigException)
            {
                return null;
            }
        }

        private static string Names(IEnumerable<string> regions) => string.Join(", ", regions.OrderBy(r => r, StringComparer.Ordinal));

        private Uri Resolve(string? region, bool identity)
        {
            var id = Normalize(region);
            if (_map != null)
            {
                if (id != null && _map.TryGetValue(id, out var mapped))
                {
                    return mapped;
                }

                throw new OciConfigException(OciConfigErrorKind.EndpointInvalid,
                    $"The session has no endpoint for region {id ?? "(none)"}: its endpoint map names {Names(_map.Keys)}.",
                    $"Add the region to the map: New-OciSession -Endpoint @{{ '{id}' = '…' }} beside the others.", setting: "endpoint");
            }

            if (_single != null)
            {
                if (id == HomeRegion)
                {
                    return _single;
                }

                throw new OciConfigException(OciConfigErrorKind.EndpointInvalid,
                    $"The session's endpoint {_single.GetLeftPart(UriPartial.Authority)} serves {HomeRegion ?? "one region"} only, not {id}.",
                    $"Give each region its endpoint: New-OciSession -Endpoint @{{ '{HomeRegion ?? "home-region"}' = '{_single.GetLeftPart(UriPartial.Authority)}'; '{id}' = '…' }}.", setting: "endpoint");
            }

            var target = id == _home!.Id ? _home : _catalog!.Resolve(id!);
            if (!target.Realm.Equals(_home.Realm))
            {
                throw new OciConfigException(OciConfigErrorKind.RegionInvalid,
                    $"Region {target.Id} is in realm {target.Realm}; this session signs for realm {_home.Realm} ({_home.Id}) only.",
                    $"Use a session of that realm: New-OciSession -Region {target.Id} with a profile of that realm.", setting: "region");
            }

            return identity ? ServiceEndpoint.IdentityForRegion(target) : ServiceEndpoint.ForRegion(target);
        }
    }
}

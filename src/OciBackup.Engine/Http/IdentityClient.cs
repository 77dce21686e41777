using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// The Identity reads a nightly job needs: the compartments of a tenancy and the availability domains of a
    /// region. Any region of the realm answers for compartments; availability domains are those of the client's region.
    /// </summary>
    internal sealed class IdentityClient
    {
        private const int PageSize = 1000;

        private readonly OciHttpClient _http;

        public IdentityClient(OciHttpClient http, string? region = null)
        {
            _http = http ?? throw new ArgumentNullException(nameof(http));
            Region = region;
        }

        public string? Region { get; }

        /// <summary>One page.</summary>
        public Task<OciResult<List<Compartment>>> ListCompartmentsAsync(CompartmentFilter filter, int? limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            _http.SendAsync<List<Compartment>>(IdentityRequests.ListCompartments(filter, limit, page), cancellationToken, call);

        /// <summary>Every page. The parent itself is not among them.</summary>
        public Task<List<Compartment>> ListAllCompartmentsAsync(CompartmentFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            OciPages.ReadAllAsync(BlockstorageRequests.ApiVersionPath + "/compartments", page => ListCompartmentsAsync(filter, PageSize, page, cancellationToken, call), cancellationToken);

        /// <summary>The availability domains of this client's region, in no promised order (the call has no paging).</summary>
        public async Task<List<AvailabilityDomain>> ListAvailabilityDomainsAsync(string compartmentId, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            (await _http.SendAsync<List<AvailabilityDomain>>(IdentityRequests.ListAvailabilityDomains(compartmentId), cancellationToken, call).ConfigureAwait(false)).Value;

        public override string ToString() => $"IdentityClient {Region} {_http.Endpoint.GetLeftPart(UriPartial.Authority)}";
    }
}

using System.Globalization;
using System.Net.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Http
{
    /// <summary>The Identity (20160918) calls OciBackup makes, built as Oracle's generated clients build them.</summary>
    internal static class IdentityRequests
    {
        public static OciRequest ListCompartments(CompartmentFilter filter, int? limit = null, string? page = null) =>
            new OciRequest(HttpMethod.Get, BlockstorageRequests.ApiVersionPath + "/compartments")
                .WithQuery("compartmentId", filter.ParentId)
                .WithQuery("page", page)
                .WithQuery("limit", limit?.ToString(CultureInfo.InvariantCulture))
                .WithQuery("accessLevel", filter.AccessLevel)
                .WithQuery("compartmentIdInSubtree", filter.WholeSubtree ? "true" : null)
                .WithQuery("name", filter.Name)
                .WithQuery("lifecycleState", filter.LifecycleState);

        public static OciRequest ListAvailabilityDomains(string compartmentId) =>
            new OciRequest(HttpMethod.Get, BlockstorageRequests.ApiVersionPath + "/availabilityDomains")
                .WithQuery("compartmentId", compartmentId);
    }
}

using Microsoft.AspNetCore.Http;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Api;

/// <summary>
/// The Identity operations OciBackup reads (served under /20160918 on each region's endpoint, routed by path):
/// ListCompartments over the tenancy's tree, which every region sees alike, and ListAvailabilityDomains, which are
/// the called region's own. The emulator stands for one tenancy and treats any tenancy OCID as its root.
/// </summary>
internal sealed class IdentityOperations
{
    private readonly BackupStore _store;
    private readonly EmulatorClock _clock;
    private readonly int _defaultPageSize;

    public IdentityOperations(BackupStore store, EmulatorClock clock, int defaultPageSize)
    {
        _store = store;
        _clock = clock;
        _defaultPageSize = defaultPageSize;
    }

    /// <summary>
    /// First-level children of compartmentId; with compartmentIdInSubtree=true (allowed on the tenancy only) the whole
    /// tree. accessLevel ANY and ACCESSIBLE answer alike: the caller may inspect everything.
    /// </summary>
    public ApiResponse ListCompartments(IQueryCollection query)
    {
        if (ListQuery.TryParse(query, _defaultPageSize, ListRules.Compartments, out ListQuery? list) is { } error)
        {
            return error;
        }

        string? subtreeText = ListQuery.Single(query, "compartmentIdInSubtree");
        if (subtreeText is not null && !bool.TryParse(subtreeText, out _))
        {
            return ApiError.InvalidParameter("compartmentIdInSubtree", "must be true or false.");
        }

        string? accessLevel = ListQuery.Single(query, "accessLevel");
        if (accessLevel is not null and not "ANY" and not "ACCESSIBLE")
        {
            return ApiError.InvalidParameter("accessLevel", "must be one of ANY, ACCESSIBLE.");
        }

        string compartmentId = list!.CompartmentId!;
        bool isTenancy = IsTenancy(compartmentId);
        bool subtree = subtreeText is not null && bool.Parse(subtreeText);
        if (!isTenancy && _store.FindCompartment(compartmentId) is null)
        {
            return ApiError.NotFound();
        }

        if (subtree && !isTenancy)
        {
            return ApiError.InvalidParameter("compartmentIdInSubtree", "can be true only when compartmentId is the tenancy.");
        }

        string? parentId = isTenancy ? null : compartmentId;
        IReadOnlyList<Compartment> all = _store.Compartments;
        IEnumerable<Compartment> items = all
            .Where(c => (subtree || c.ParentId == parentId)
                && (list.Name is null || c.Name == list.Name)
                && (list.LifecycleState is null || c.LifecycleState == list.LifecycleState));
        var order = all.Select((c, i) => (c.Id, Index: (long)i)).ToDictionary(p => p.Id, p => p.Index, StringComparer.Ordinal);
        var shape = new ListShape<Compartment>(c => c.Name, c => c.TimeCreated, c => order[c.Id], IdentityJson.Compartment(_store.TenancyId));
        return ListPage.Of(list, list.Hash(subtree ? "subtree" : null, accessLevel), items, shape, _clock.UtcNow);
    }

    /// <summary>The called region's availability domains (the request has no paging).</summary>
    public ApiResponse ListAvailabilityDomains(string region, IQueryCollection query)
    {
        string? compartmentId = ListQuery.Single(query, "compartmentId");
        if (string.IsNullOrEmpty(compartmentId))
        {
            return ApiError.MissingParameter("compartmentId");
        }

        if (!IsTenancy(compartmentId) && _store.FindCompartment(compartmentId) is null)
        {
            return ApiError.NotFound();
        }

        string tenancyId = _store.TenancyId;
        var domains = _store.AvailabilityDomains(region).Select(name => (name, OcidGenerator.AvailabilityDomainIdFor(name), tenancyId));
        return ApiResponse.Ok(ResourceJson.WriteArray(domains, _clock.UtcNow, IdentityJson.AvailabilityDomain));
    }

    private static bool IsTenancy(string compartmentId) => compartmentId.StartsWith("ocid1.tenancy.", StringComparison.Ordinal);
}

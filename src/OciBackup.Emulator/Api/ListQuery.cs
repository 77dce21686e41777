using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OciBackup.Emulator.Api;

/// <summary>
/// The common list parameters, validated by the operation's <see cref="ListRules"/>: compartmentId, limit, page, sortBy,
/// sortOrder, the name filter and lifecycleState (matched without regard to case, as the service does).
/// </summary>
internal sealed class ListQuery
{
    public const int MaxLimit = 1000;

    private ListQuery(ListRules rules, string? compartmentId, int limit, string? page, bool sortByName, bool descending, string? name, string? lifecycleState)
    {
        Rules = rules;
        CompartmentId = compartmentId;
        Limit = limit;
        Page = page;
        SortByName = sortByName;
        Descending = descending;
        Name = name;
        LifecycleState = lifecycleState;
    }

    public ListRules Rules { get; }

    /// <summary>Null only where the operation allows it (ListVolumes).</summary>
    public string? CompartmentId { get; }

    public int Limit { get; }

    public string? Page { get; }

    /// <summary>DISPLAYNAME (NAME) rather than TIMECREATED.</summary>
    public bool SortByName { get; }

    public bool Descending { get; }

    /// <summary>The exact-match name filter (displayName, or name in Identity).</summary>
    public string? Name { get; }

    /// <summary>The state filter in upper case, or null.</summary>
    public string? LifecycleState { get; }

    public static ApiError? TryParse(IQueryCollection query, int defaultLimit, ListRules rules, out ListQuery? parsed)
    {
        parsed = null;
        string? compartmentId = Single(query, "compartmentId");
        if (string.IsNullOrEmpty(compartmentId))
        {
            if (rules.CompartmentRequired)
            {
                return ApiError.MissingParameter("compartmentId");
            }

            compartmentId = null;
        }

        int limit = defaultLimit;
        string? limitText = Single(query, "limit");
        if (limitText is not null
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            return ApiError.InvalidParameter("limit", $"must be an integer between 1 and {MaxLimit}.");
        }

        string sortBy = Single(query, "sortBy") ?? "TIMECREATED";
        if (sortBy != "TIMECREATED" && sortBy != rules.NameSortKey)
        {
            return ApiError.InvalidParameter("sortBy", $"must be one of TIMECREATED, {rules.NameSortKey}.");
        }

        // The service's defaults: newest first by time, A to Z by name.
        string? sortOrder = Single(query, "sortOrder");
        if (sortOrder is not null and not "ASC" and not "DESC")
        {
            return ApiError.InvalidParameter("sortOrder", "must be one of ASC, DESC.");
        }

        bool byName = sortBy == rules.NameSortKey;
        bool descending = sortOrder is null ? !byName : sortOrder == "DESC";

        string? lifecycleState = null;
        if (rules.LifecycleStates is not null && Single(query, "lifecycleState") is string state)
        {
            lifecycleState = state.ToUpperInvariant();
            if (!rules.LifecycleStates.Contains(lifecycleState))
            {
                return ApiError.InvalidParameter("lifecycleState", "must be one of " + string.Join(", ", rules.LifecycleStates) + ".");
            }
        }

        parsed = new ListQuery(rules, compartmentId, limit, Single(query, "page"), byName, descending, Single(query, rules.NameParameter), lifecycleState);
        return null;
    }

    /// <summary>The page token's query hash: the operation, the common filters and sort, and the operation's own filters (not limit, which a client may change between pages).</summary>
    public uint Hash(params string?[] filters) =>
        PageToken.HashQuery(new[] { Rules.Operation, CompartmentId, Name, LifecycleState, SortByName ? "N" : "T", Descending ? "D" : "A" }.Concat(filters).ToArray());

    public static string? Single(IQueryCollection query, string name)
    {
        return query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
    }
}

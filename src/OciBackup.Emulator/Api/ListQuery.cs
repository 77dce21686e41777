using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OciBackup.Emulator.Api;

/// <summary>The common list parameters, validated: compartmentId (required), limit, page, sortBy, sortOrder, displayName, lifecycleState.</summary>
internal sealed class ListQuery
{
    public const int MaxLimit = 1000;

    private ListQuery(string compartmentId, int limit, string? page, string sortBy, bool descending, string? displayName, string? lifecycleState)
    {
        CompartmentId = compartmentId;
        Limit = limit;
        Page = page;
        SortBy = sortBy;
        Descending = descending;
        DisplayName = displayName;
        LifecycleState = lifecycleState;
    }

    public string CompartmentId { get; }

    public int Limit { get; }

    public string? Page { get; }

    public string SortBy { get; }

    public bool Descending { get; }

    public string? DisplayName { get; }

    public string? LifecycleState { get; }

    public static ApiError? TryParse(IQueryCollection query, int defaultLimit, IReadOnlyCollection<string> lifecycleStates, out ListQuery? parsed)
    {
        parsed = null;
        string? compartmentId = Single(query, "compartmentId");
        if (string.IsNullOrEmpty(compartmentId))
        {
            return ApiError.MissingParameter("compartmentId");
        }

        int limit = defaultLimit;
        string? limitText = Single(query, "limit");
        if (limitText is not null
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            return ApiError.InvalidParameter("limit", $"must be an integer between 1 and {MaxLimit}.");
        }

        string sortBy = Single(query, "sortBy") ?? "TIMECREATED";
        if (sortBy != "TIMECREATED" && sortBy != "DISPLAYNAME")
        {
            return ApiError.InvalidParameter("sortBy", "must be one of TIMECREATED, DISPLAYNAME.");
        }

        // The service's defaults: newest first by time, A to Z by name.
        string? sortOrder = Single(query, "sortOrder");
        if (sortOrder is not null and not "ASC" and not "DESC")
        {
            return ApiError.InvalidParameter("sortOrder", "must be one of ASC, DESC.");
        }

        bool descending = sortOrder is null ? sortBy == "TIMECREATED" : sortOrder == "DESC";

        string? lifecycleState = Single(query, "lifecycleState");
        if (lifecycleState is not null && !lifecycleStates.Contains(lifecycleState))
        {
            return ApiError.InvalidParameter("lifecycleState", "must be one of " + string.Join(", ", lifecycleStates) + ".");
        }

        parsed = new ListQuery(compartmentId, limit, Single(query, "page"), sortBy, descending, Single(query, "displayName"), lifecycleState);
        return null;
    }

    public static string? Single(IQueryCollection query, string name)
    {
        return query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
    }
}

namespace OciBackup.Emulator.Api;

/// <summary>Sorts a filtered list as the query asks and cuts the page the token points at, announcing the next one.</summary>
internal static class ListPage
{
    public static ApiResponse Of<T>(ListQuery list, uint queryHash, IEnumerable<T> items, ListShape<T> shape, DateTimeOffset now)
    {
        int offset = 0;
        if (list.Page is not null && !PageToken.TryDecode(list.Page, queryHash, out offset))
        {
            return ApiError.InvalidParameter("page", "is not a page token of this query (pass opc-next-page back unchanged, percent-encoded once).");
        }

        IOrderedEnumerable<T> sorted = shape.GroupedBy is { } group
            ? items.OrderBy(group, StringComparer.Ordinal)
            : items.OrderBy(_ => 0);
        sorted = list.SortByName
            ? (list.Descending ? sorted.ThenByDescending(shape.Name, StringComparer.Ordinal) : sorted.ThenBy(shape.Name, StringComparer.Ordinal))
            : (list.Descending ? sorted.ThenByDescending(shape.Created) : sorted.ThenBy(shape.Created));
        sorted = list.Descending ? sorted.ThenByDescending(shape.Sequence) : sorted.ThenBy(shape.Sequence);
        List<T> page = sorted.Skip(offset).Take(list.Limit + 1).ToList();
        string? next = null;
        if (page.Count > list.Limit)
        {
            page.RemoveAt(page.Count - 1);
            next = PageToken.Encode(offset + list.Limit, queryHash);
        }

        return ApiResponse.Ok(ResourceJson.WriteArray(page, now, shape.Write), null, next);
    }
}

namespace OciBackup.Emulator.Inventory;

/// <summary>Freeform and defined tags as given (order kept, as the service echoes them).</summary>
internal sealed class Tags
{
    public static readonly Tags Empty = new(
        Array.Empty<KeyValuePair<string, string>>(),
        Array.Empty<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>>());

    public Tags(
        IReadOnlyList<KeyValuePair<string, string>> freeform,
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>> defined)
    {
        Freeform = freeform;
        Defined = defined;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Freeform { get; }

    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>> Defined { get; }

    public static Tags From(Dictionary<string, string>? freeform, Dictionary<string, Dictionary<string, string>>? defined)
    {
        var free = (freeform ?? new Dictionary<string, string>()).ToList();
        var def = (defined ?? new Dictionary<string, Dictionary<string, string>>())
            .Select(ns => new KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>(ns.Key, ns.Value.ToList()))
            .ToList();
        return free.Count == 0 && def.Count == 0 ? Empty : new Tags(free, def);
    }
}

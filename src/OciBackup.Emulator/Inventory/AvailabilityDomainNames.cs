namespace OciBackup.Emulator.Inventory;

/// <summary>
/// The availability domains of a region as OCI names them for a tenancy: a tenancy prefix, then a region label and the
/// domain's number (<c>Uocm:PHX-AD-1</c>, <c>Uocm:US-ASHBURN-AD-2</c>, <c>Uocm:EU-FRANKFURT-1-AD-1</c>). The regions
/// that have three domains have three; every other region has one.
/// </summary>
internal static class AvailabilityDomainNames
{
    public const string TenancyPrefix = "Uocm";

    private static readonly Dictionary<string, (string Label, int Count)> Known = new(StringComparer.Ordinal)
    {
        ["us-ashburn-1"] = ("US-ASHBURN", 3),
        ["us-phoenix-1"] = ("PHX", 3),
        ["eu-frankfurt-1"] = ("EU-FRANKFURT-1", 3),
        ["uk-london-1"] = ("UK-LONDON-1", 3),
    };

    public static IReadOnlyList<string> For(string region)
    {
        (string label, int count) = Known.TryGetValue(region, out var known) ? known : (region.ToUpperInvariant(), 1);
        return Enumerable.Range(1, count).Select(n => $"{TenancyPrefix}:{label}-AD-{n}").ToList();
    }
}

namespace OciBackup.Emulator.Regions;

/// <summary>
/// Which region each of the emulator's ports serves: every region has a listener of its own on 127.0.0.1, so a
/// client maps a region to a base URL as it would map it to <c>iaas.{region}.oraclecloud.com</c>. Filled in once the
/// listeners are bound (an ephemeral port is known only then); read on every request.
/// </summary>
internal sealed class RegionListeners
{
    private readonly List<string> _regions;
    private Dictionary<int, int> _indexByPort = new();
    private Dictionary<string, Uri> _endpoints = new(StringComparer.Ordinal);

    public RegionListeners(IReadOnlyList<string> regions)
    {
        _regions = regions.ToList();
    }

    public IReadOnlyList<string> Regions => _regions;

    public string HomeRegion => _regions[0];

    /// <summary>Each region's service endpoint (<c>http://127.0.0.1:PORT/</c>), in the order the regions were given.</summary>
    public IReadOnlyDictionary<string, Uri> Endpoints => _endpoints;

    public void Bind(IReadOnlyList<int> ports)
    {
        var byPort = new Dictionary<int, int>();
        var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal);
        for (int i = 0; i < _regions.Count; i++)
        {
            byPort[ports[i]] = i;
            endpoints[_regions[i]] = new Uri($"http://127.0.0.1:{ports[i]}/");
        }

        _indexByPort = byPort;
        _endpoints = endpoints;
    }

    /// <summary>The index in <see cref="Regions"/> of the region whose listener took the request's connection.</summary>
    public int IndexOf(Microsoft.AspNetCore.Http.HttpContext context) =>
        _regions.Count == 1 ? 0 : _indexByPort.TryGetValue(context.Connection.LocalPort, out int index) ? index : 0;
}

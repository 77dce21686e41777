using System.Text.Json;

namespace OciBackup.Emulator.Api;

/// <summary>
/// How a kind of resource is sorted and written in a list: its name, creation time and creation order, and, for
/// volumes and volume groups listed without an availability domain, the domain they are grouped by first.
/// </summary>
internal sealed record ListShape<T>(
    Func<T, string> Name,
    Func<T, DateTimeOffset> Created,
    Func<T, long> Sequence,
    Action<Utf8JsonWriter, T, DateTimeOffset> Write,
    Func<T, string>? GroupedBy = null);

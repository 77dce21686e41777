using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OciBackup.Emulator.Api;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Admin;

/// <summary>
/// The admin endpoint, outside the OCI API and unsigned (the emulator listens on loopback only; set an admin
/// token to require the <c>x-admin-token</c> header): counters, inventory, the faults, changeable at run time, and a
/// clean stop for whoever started the executable (a launcher that cannot send it a signal, as on Windows).
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/admin";
    public const string TokenHeader = "x-admin-token";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Map(IEndpointRouteBuilder app, BackupStore store, EmulatorStatistics statistics, FaultState faults,
        EmulatorClock clock, string region, Func<Uri> baseAddress, Action requestStop)
    {
        RouteGroupBuilder admin = app.MapGroup(Prefix);
        admin.MapGet("/state", () => Results.Json(State(store, statistics, faults, clock), Json));
        admin.MapGet("/inventory", () => Results.Json(Inventory(store, region, baseAddress()), Json));
        admin.MapGet("/faults", () => Results.Json(faults.Current, Json));
        admin.MapMethods("/faults", new[] { "PUT", "POST", "PATCH" }, (HttpRequest request) => ApplySettingsAsync(request, "fault settings", changes =>
        {
            faults.Current = Merge(faults.Current, changes);
            return faults.Current;
        }));
        admin.MapDelete("/faults", () =>
        {
            faults.Current = new FaultSettings();
            return Results.Json(faults.Current, Json);
        });
        admin.MapPost("/shutdown", () =>
        {
            requestStop();
            return Results.Json(new { stopping = true }, Json, statusCode: StatusCodes.Status202Accepted);
        });
        admin.MapGet("/volumes/{volumeId}/backup-count", (string volumeId) =>
            store.FindVolume(volumeId) is Volume volume
                ? Results.Json(new { volumeId, volumeBackupsCreated = volume.BackupsCreated }, Json)
                : Error(404, "NotFound", "No such volume."));
        admin.MapGet("/volume-groups/{volumeGroupId}/backup-count", (string volumeGroupId) =>
            store.FindVolumeGroup(volumeGroupId) is VolumeGroup group
                ? Results.Json(new { volumeGroupId, volumeGroupBackupsCreated = group.GroupBackupsCreated }, Json)
                : Error(404, "NotFound", "No such volume group."));
    }

    /// <summary>Overlays the given camelCase properties on the current settings; unknown names are an error.</summary>
    internal static FaultSettings Merge(FaultSettings current, JsonObject changes)
    {
        JsonObject merged = JsonSerializer.SerializeToNode(current, Json)!.AsObject();
        foreach ((string name, JsonNode? value) in changes)
        {
            string? known = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                throw new ArgumentException($"Unknown fault setting '{name}'. Known: {string.Join(", ", merged.Select(p => p.Key))}.");
            }

            if (value is not JsonValue number || !number.TryGetValue(out double _))
            {
                throw new ArgumentException($"Fault setting '{name}' must be a number.");
            }

            merged[known] = value.DeepClone();
        }

        return JsonSerializer.Deserialize<FaultSettings>(merged, Json)!.Validated();
    }

    /// <summary>
    /// Reads a body that must be a JSON object of settings and hands it to <paramref name="apply"/>, which changes them
    /// and returns what to answer; a body that is not such an object, or a setting <paramref name="apply"/> refuses, is
    /// a 400 that says why.
    /// </summary>
    internal static async Task<IResult> ApplySettingsAsync(HttpRequest request, string settings, Func<JsonObject, object> apply)
    {
        JsonNode? patch;
        try
        {
            patch = await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return Error(400, "CannotParseRequest", "The body is not valid JSON.");
        }

        if (patch is not JsonObject changes)
        {
            return Error(400, "CannotParseRequest", $"The body must be a JSON object of {settings}.");
        }

        try
        {
            return Results.Json(apply(changes), Json);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException or FormatException)
        {
            return Error(400, "InvalidParameter", e.Message);
        }
    }

    internal static IResult Error(int status, string code, string message) =>
        Results.Json(new { code, message }, Json, statusCode: status);

    private static object State(BackupStore store, EmulatorStatistics statistics, FaultState faults, EmulatorClock clock) => new
    {
        now = ResourceJson.Time(clock.UtcNow),
        requests = statistics.Requests,
        authenticatedRequests = statistics.AuthenticatedRequests,
        authenticationFailures = statistics.AuthenticationFailures,
        authenticationFailuresByReason = statistics.AuthenticationFailuresByReason,
        requestsByOperation = statistics.RequestsByOperation,
        adminRequests = statistics.AdminRequests,
        faultCounts = statistics.FaultCounts,
        faults = faults.Current,
        volumeBackups = store.VolumeBackupCount,
        volumeGroupBackups = store.VolumeGroupBackupCount,
        volumes = store.AllVolumes.ToDictionary(v => v.Id, v => new { v.DisplayName, volumeBackupsCreated = v.BackupsCreated }),
        volumeGroups = store.AllVolumeGroups.ToDictionary(g => g.Id, g => new { g.DisplayName, volumeGroupBackupsCreated = g.GroupBackupsCreated }),
    };

    private static object Inventory(BackupStore store, string region, Uri baseAddress)
    {
        IReadOnlyList<Volume> volumes = store.AllVolumes;
        IReadOnlyList<VolumeGroup> groups = store.AllVolumeGroups;
        return new
        {
            url = baseAddress.ToString().TrimEnd('/'),
            region,
            compartments = store.Compartments.Select(c => new
            {
                name = c.Name,
                id = c.Id,
                volumes = volumes.Where(v => v.CompartmentId == c.Id)
                    .Select(v => new { id = v.Id, displayName = v.DisplayName, sizeInGBs = v.SizeInGBs, volumeGroupId = v.VolumeGroupId }),
                volumeGroups = groups.Where(g => g.CompartmentId == c.Id)
                    .Select(g => new { id = g.Id, displayName = g.DisplayName, volumeIds = g.Volumes.Select(v => v.Id) }),
            }),
        };
    }
}

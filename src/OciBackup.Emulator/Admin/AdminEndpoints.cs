using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OciBackup.Emulator.Api;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Regions;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Admin;

/// <summary>
/// The admin endpoint, outside the OCI API and unsigned (the emulator listens on loopback only; set an admin
/// token to require the <c>x-admin-token</c> header), on every region's port alike: counters, inventory, the faults,
/// changeable at run time, backdated backups for retention tests, and a clean stop for whoever started the
/// executable (a launcher that cannot send it a signal, as on Windows).
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/admin";
    public const string TokenHeader = "x-admin-token";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Map(IEndpointRouteBuilder app, BackupStore store, EmulatorStatistics statistics, FaultState faults,
        EmulatorClock clock, RegionListeners listeners, Action requestStop)
    {
        RouteGroupBuilder admin = app.MapGroup(Prefix);
        admin.MapGet("/state", () => Results.Json(State(store, statistics, faults, clock, listeners), Json));
        admin.MapGet("/inventory", () => Results.Json(Inventory(store, listeners), Json));
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
        admin.MapGet("/backups/{backupId}", (string backupId) =>
            store.FindBackup(backupId) is Backup backup
                ? Results.Json(BackupCounters(backup, clock.UtcNow), Json)
                : Error(404, "NotFound", "No such volume backup or volume group backup."));
        admin.MapPost("/volumeBackups", async (HttpRequest request) =>
            await BackdatedAsync<SeedVolumeBackup>(request, "volumeId", id => store.FindVolume(id) is Volume volume
                ? (seed => BackupJson(store.AddSeededVolumeBackup(volume, seed), clock.UtcNow, ResourceJson.VolumeBackup))
                : null));
        admin.MapPost("/volumeGroupBackups", async (HttpRequest request) =>
            await BackdatedAsync<SeedVolumeGroupBackup>(request, "volumeGroupId", id => store.FindVolumeGroup(id) is VolumeGroup group
                ? (seed => BackupJson(store.AddSeededVolumeGroupBackup(group, seed), clock.UtcNow, ResourceJson.VolumeGroupBackup))
                : null));
    }

    /// <summary>
    /// A backdated backup (the seed file's backup fields, plus the OCID of the volume or group it is of, which decides its
    /// region), answered with the backup as the API shows it. 400 for a wrong field, 404 for an unknown volume or group.
    /// </summary>
    private static async Task<IResult> BackdatedAsync<TSeed>(HttpRequest request, string parentField, Func<string, Func<TSeed, IResult>?> parentOf)
        where TSeed : SeedBackup
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        byte[] body = buffer.ToArray();
        TSeed? seed;
        string? parentId;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            parentId = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(parentField, out JsonElement parent) && parent.ValueKind == JsonValueKind.String
                ? parent.GetString()
                : null;
            seed = InventoryBuilder.ReadSeedJson<TSeed>(body);
        }
        catch (JsonException e)
        {
            return Error(400, "CannotParseRequest", "The body is not a JSON object of backup fields: " + e.Message);
        }

        if (seed is null || string.IsNullOrEmpty(parentId))
        {
            return Error(400, "InvalidParameter", $"The body needs {parentField} (the OCID of what the backup is of).");
        }

        if (parentOf(parentId) is not { } add)
        {
            return Error(404, "NotFound", $"No such {parentField[..^2]}: {parentId}.");
        }

        try
        {
            return add(seed);
        }
        catch (InvalidDataException e)
        {
            return Error(400, "InvalidParameter", e.Message);
        }
    }

    private static IResult BackupJson<T>(T backup, DateTimeOffset now, Action<Utf8JsonWriter, T, DateTimeOffset> write) =>
        Results.Bytes(ResourceJson.Write(backup, now, write), "application/json");

    private static object BackupCounters(Backup backup, DateTimeOffset now) => new
    {
        id = backup.Id,
        kind = backup.Kind,
        region = backup.Region,
        lifecycleState = backup.IsGone(now) ? "GONE" : backup.LifecycleState(now),
        sourceBackupId = backup.SourceBackupId,
        copiesMade = backup.CopiesMade,
        restores = backup.Restores,
        deletes = backup.Deletes,
    };

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

    private static object State(BackupStore store, EmulatorStatistics statistics, FaultState faults, EmulatorClock clock, RegionListeners listeners)
    {
        DateTimeOffset now = clock.UtcNow;
        IReadOnlyList<VolumeBackup> volumeBackups = store.AllVolumeBackups;
        IReadOnlyList<VolumeGroupBackup> groupBackups = store.AllVolumeGroupBackups;
        IReadOnlyList<Volume> volumes = store.AllVolumes;
        IReadOnlyList<VolumeGroup> groups = store.AllVolumeGroups;
        return new
        {
            now = ResourceJson.Time(now),
            requests = statistics.Requests,
            authenticatedRequests = statistics.AuthenticatedRequests,
            authenticationFailures = statistics.AuthenticationFailures,
            authenticationFailuresByReason = statistics.AuthenticationFailuresByReason,
            requestsByOperation = statistics.RequestsByOperation,
            requestsByRegion = statistics.RequestsByRegion,
            adminRequests = statistics.AdminRequests,
            faultCounts = statistics.FaultCounts,
            faults = faults.Current,
            volumeBackups = volumeBackups.Count,
            volumeGroupBackups = groupBackups.Count,
            volumeBackupCopiesMade = volumeBackups.Sum(b => b.CopiesMade),
            volumeGroupBackupCopiesMade = groupBackups.Sum(b => b.CopiesMade),
            volumeBackupsDeleted = volumeBackups.Sum(b => b.Deletes),
            volumeGroupBackupsDeleted = groupBackups.Sum(b => b.Deletes),
            volumesRestored = volumeBackups.Sum(b => b.Restores),
            volumeGroupsRestored = groupBackups.Sum(b => b.Restores),
            regions = listeners.Regions.ToDictionary(r => r, r => new
            {
                url = Url(listeners.Endpoints[r]),
                volumes = volumes.Count(v => v.Region == r),
                volumeGroups = groups.Count(g => g.Region == r),
                volumeBackups = volumeBackups.Count(b => b.Region == r && !b.IsGone(now)),
                volumeGroupBackups = groupBackups.Count(b => b.Region == r && !b.IsGone(now)),
            }),
            volumes = volumes.ToDictionary(v => v.Id, v => new { v.DisplayName, region = v.Region, volumeBackupsCreated = v.BackupsCreated }),
            volumeGroups = groups.ToDictionary(g => g.Id, g => new { g.DisplayName, region = g.Region, volumeGroupBackupsCreated = g.GroupBackupsCreated }),
            backups = volumeBackups.Cast<Backup>().Concat(groupBackups)
                .Where(b => b.CopiesMade + b.Restores + b.Deletes > 0)
                .ToDictionary(b => b.Id, b => BackupCounters(b, now)),
        };
    }

    private static object Inventory(BackupStore store, RegionListeners listeners)
    {
        IReadOnlyList<Volume> volumes = store.AllVolumes;
        IReadOnlyList<VolumeGroup> groups = store.AllVolumeGroups;
        return new
        {
            url = Url(listeners.Endpoints[listeners.HomeRegion]),
            region = listeners.HomeRegion,
            tenancyId = store.TenancyId,
            regions = listeners.Regions.Select(r => new { region = r, url = Url(listeners.Endpoints[r]), availabilityDomains = store.AvailabilityDomains(r) }),
            compartments = store.Compartments.Select(c => new
            {
                name = c.Name,
                id = c.Id,
                parentId = c.ParentId,
                volumes = volumes.Where(v => v.CompartmentId == c.Id)
                    .Select(v => new
                    {
                        id = v.Id,
                        displayName = v.DisplayName,
                        region = v.Region,
                        availabilityDomain = v.AvailabilityDomain,
                        sizeInGBs = v.SizeInGBs,
                        volumeGroupId = v.VolumeGroupId,
                        freeformTags = v.Tags.Freeform.ToDictionary(t => t.Key, t => t.Value),
                    }),
                volumeGroups = groups.Where(g => g.CompartmentId == c.Id)
                    .Select(g => new { id = g.Id, displayName = g.DisplayName, region = g.Region, volumeIds = g.Volumes.Select(v => v.Id) }),
            }),
        };
    }

    private static string Url(Uri endpoint) => endpoint.ToString().TrimEnd('/');
}

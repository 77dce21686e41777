using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OciBackup.Emulator.Admin;
using OciBackup.Emulator.Timing;

namespace OciBackup.Emulator.Huawei;

/// <summary>
/// The Huawei side's admin endpoints, beside the OCI ones under /admin (on every port alike, unsigned): its counters
/// (backups made per disk and per instance: "exactly once" is each being 1), its inventory, and a count per disk or instance.
/// </summary>
internal static class HuaweiAdminEndpoints
{
    public const string Prefix = "/admin/huawei";

    public static void Map(IEndpointRouteBuilder app, HuaweiSide huawei, EmulatorStatistics shared, EmulatorClock clock)
    {
        RouteGroupBuilder admin = app.MapGroup(Prefix);
        admin.MapGet("/state", () => Results.Json(State(huawei, shared, clock), AdminEndpoints.Json));
        admin.MapGet("/inventory", () => Results.Json(new
        {
            region = huawei.Region,
            projectId = huawei.ProjectId,
            vbsUrl = huawei.VbsEndpoint.ToString().TrimEnd('/'),
            rdsUrl = huawei.RdsEndpoint.ToString().TrimEnd('/'),
            volumes = huawei.Store.Volumes.Select(v => new { id = v.Id, name = v.Name, size = v.SizeInGb }),
            instances = huawei.Store.Instances.Select(i => new { id = i.Id, name = i.Name, datastore = new { type = i.DatastoreType, version = i.DatastoreVersion } }),
        }, AdminEndpoints.Json));
        admin.MapGet("/volumes/{volumeId}/backup-count", (string volumeId) =>
            huawei.Store.FindVolume(volumeId) is EvsVolume volume
                ? Results.Json(new { volumeId, backupsCreated = volume.BackupsCreated }, AdminEndpoints.Json)
                : AdminEndpoints.Error(404, "NotFound", "No such EVS disk."));
        admin.MapGet("/instances/{instanceId}/backup-count", (string instanceId) =>
            huawei.Store.FindInstance(instanceId) is RdsInstance instance
                ? Results.Json(new { instanceId, backupsCreated = instance.BackupsCreated }, AdminEndpoints.Json)
                : AdminEndpoints.Error(404, "NotFound", "No such RDS instance."));
    }

    private static object State(HuaweiSide huawei, EmulatorStatistics shared, EmulatorClock clock) => new
    {
        now = clock.UtcNow.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        region = huawei.Region,
        projectId = huawei.ProjectId,
        requests = huawei.Statistics.Requests,
        authenticatedRequests = huawei.Statistics.AuthenticatedRequests,
        authenticationFailures = huawei.Statistics.AuthenticationFailures,
        authenticationFailuresByReason = huawei.Statistics.AuthenticationFailuresByReason,
        throttledRequests = huawei.Statistics.ThrottledRequests,
        requestsByOperation = huawei.Statistics.RequestsByOperation,
        faultsInjected = shared.FaultCounts,
        volumeBackupJobs = huawei.Store.JobCount,
        rdsBackups = huawei.Store.RdsBackupCount,
        volumeBackupsCreated = huawei.Store.Volumes.ToDictionary(v => v.Id, v => v.BackupsCreated),
        rdsBackupsCreated = huawei.Store.Instances.ToDictionary(i => i.Id, i => i.BackupsCreated),
    };
}

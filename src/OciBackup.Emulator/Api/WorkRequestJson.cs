using System.Text.Json;
using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator.Api;

/// <summary>Writes a WorkRequest (Work Requests API, <c>/20160918/workRequests/{id}</c>) in the service's JSON shape.</summary>
internal static class WorkRequestJson
{
    public static void WorkRequest(Utf8JsonWriter w, WorkRequest request, DateTimeOffset now)
    {
        string status = request.Status(now);
        w.WriteStartObject();
        w.WriteString("compartmentId", request.Copy.CompartmentId);
        w.WriteString("id", request.Id);
        w.WriteString("operationType", request.OperationType);
        w.WriteNumber("percentComplete", request.PercentComplete(now));
        w.WriteStartArray("resources");
        w.WriteStartObject();
        w.WriteString("actionType", status == "SUCCEEDED" ? "CREATED" : status == "FAILED" ? "RELATED" : "IN_PROGRESS");
        w.WriteString("entityType", "volumeBackup");
        w.WriteString("entityUri", "/20160918/volumeBackups/" + request.Copy.Id);
        w.WriteString("identifier", request.Copy.Id);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("status", status);
        w.WriteString("timeAccepted", ResourceJson.Time(request.TimeAccepted));
        ResourceJson.WriteTimeOrNull(w, "timeFinished", request.TimeFinished(now));
        ResourceJson.WriteTimeOrNull(w, "timeStarted", request.TimeStarted(now));
        w.WriteEndObject();
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OciBackup.Emulator.Timing;
using static OciBackup.Emulator.Huawei.HuaweiRequestReader;

namespace OciBackup.Emulator.Huawei;

/// <summary>
/// The RDS v3 backup calls the module makes: create a manual backup (names unique per instance), list an instance's
/// backups with their filters. Error bodies are RDS's <c>{"error_code", "error_msg"}</c>; the codes are the emulator's
/// own (RDS's table is not public), and a taken name is a 400 whose message says the name already exists.
/// </summary>
internal sealed class RdsApi
{
    private readonly HuaweiStore _store;
    private readonly EmulatorClock _clock;
    private readonly RandomSource _random;
    private readonly TimeSpan _backupDuration;

    public RdsApi(HuaweiStore store, EmulatorClock clock, RandomSource random, TimeSpan backupDuration)
    {
        _store = store;
        _clock = clock;
        _random = random;
        _backupDuration = backupDuration;
    }

    public HuaweiResponse Dispatch(string method, string[] segments, IQueryCollection query, byte[] body, double faultyShare, out string operation)
    {
        operation = (method, segments.Length, segments.Length > 0 ? segments[0] : "", segments.Length > 2 ? segments[2] : "") switch
        {
            ("POST", 3, "v3", "backups") => "CreateManualBackup",
            ("GET", 3, "v3", "backups") => "ListBackups",
            _ => "Unknown",
        };
        if (operation == "Unknown")
        {
            return HuaweiResponse.CodeError(404, "APIGW.0101", $"The API does not exist or has not been published: {method} /{string.Join('/', segments)}.");
        }

        if (!string.Equals(segments[1], _store.ProjectId, StringComparison.Ordinal))
        {
            return HuaweiResponse.CodeError(404, "DBS.280004", $"Project {segments[1]} is not found.");
        }

        return operation == "CreateManualBackup" ? Create(body, faultyShare) : List(query);
    }

    private HuaweiResponse Create(byte[] body, double faultyShare)
    {
        JsonDocument? document = HuaweiRequestReader.ParseJson(body);
        if (document is null)
        {
            return Invalid("the body is not JSON");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid("the body must be a JSON object");
            }

            string? instanceId = Text(root, "instance_id");
            string? name = Text(root, "name");
            string? description = Text(root, "description");
            if (instanceId is null)
            {
                return Invalid("instance_id is required");
            }

            if ((HuaweiInputRules.RdsNameProblem(name) ?? HuaweiInputRules.RdsDescriptionProblem(description)) is string problem)
            {
                return Invalid(problem);
            }

            List<string>? databases = null;
            if (root.TryGetProperty("databases", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
            {
                databases = list.EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Object ? Text(d, "name") : null).Select(n => n ?? "").ToList();
                if (databases.Any(d => d.Length == 0))
                {
                    return Invalid("each database must be {\"name\": \"...\"}");
                }
            }

            if (_store.FindInstance(instanceId) is not RdsInstance instance)
            {
                return HuaweiResponse.CodeError(404, "DBS.280005", $"The DB instance {instanceId} does not exist.");
            }

            if (databases is { Count: > 0 } && !instance.TakesPartialBackups)
            {
                return HuaweiResponse.CodeError(400, "DBS.280100", $"A backup of chosen databases is supported only for PostgreSQL and SQL Server; {instance.Id} is {instance.DatastoreType}.");
            }

            DateTimeOffset now = _clock.UtcNow;
            RdsBackup backup = _store.AddRdsBackup(instance, name!, description, databases, now, _backupDuration, _random.Chance(faultyShare), out RdsBackup? taken);
            if (taken is not null)
            {
                return HuaweiResponse.CodeError(400, "DBS.280238", $"The backup name already exists: instance {instance.Id} has a backup named '{name}'.");
            }

            return HuaweiResponse.Json(202, w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("backup");
                w.WriteString("id", backup.Id);
                w.WriteString("instance_id", instance.Id);
                w.WriteString("name", backup.Name);
                w.WriteString("description", backup.Description ?? "");
                w.WriteString("begin_time", backup.BeganAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("status", "BUILDING");
                w.WriteString("type", "manual");
                w.WriteEndObject();
                w.WriteEndObject();
            }, performedWrite: true);
        }
    }

    private HuaweiResponse List(IQueryCollection query)
    {
        string? instanceId = Single(query, "instance_id");
        if (instanceId is null)
        {
            return Invalid("instance_id is required");
        }

        if (!TryNumber(Single(query, "offset"), 0, 0, int.MaxValue, out int offset) || !TryNumber(Single(query, "limit"), 100, 1, 100, out int limit))
        {
            return Invalid("offset must be 0 or more and limit 1 to 100");
        }

        string? begin = Single(query, "begin_time");
        string? end = Single(query, "end_time");
        DateTimeOffset from = DateTimeOffset.MinValue;
        DateTimeOffset to = DateTimeOffset.MaxValue;
        if ((begin is null) != (end is null))
        {
            return Invalid("begin_time and end_time go together");
        }

        if (begin is not null && (!HuaweiTimes.TryParseRds(begin, out from) || !HuaweiTimes.TryParseRds(end!, out to)))
        {
            return Invalid("begin_time and end_time are yyyy-mm-ddThh:mm:ss+0800");
        }

        string? backupType = Single(query, "backup_type");
        if (backupType is not null and not ("auto" or "manual" or "fragment" or "incremental"))
        {
            return Invalid("backup_type is auto, manual, fragment or incremental");
        }

        if (_store.FindInstance(instanceId) is not RdsInstance instance)
        {
            return HuaweiResponse.CodeError(404, "DBS.280005", $"The DB instance {instanceId} does not exist.");
        }

        string? backupId = Single(query, "backup_id");
        DateTimeOffset now = _clock.UtcNow;
        List<RdsBackup> matching = _store.BackupsOf(instance)
            .Where(b => backupId is null || b.Id == backupId)
            .Where(b => backupType is null or "manual")
            .Where(b => b.BeganAt >= from && b.BeganAt <= to)
            .OrderByDescending(b => b.BeganAt)
            .ToList();
        return HuaweiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("backups");
            foreach (RdsBackup backup in matching.Skip(offset).Take(limit))
            {
                string status = backup.Status(now);
                w.WriteStartObject();
                w.WriteString("id", backup.Id);
                w.WriteString("instance_id", instance.Id);
                w.WriteString("name", backup.Name);
                w.WriteString("description", backup.Description ?? "");
                w.WriteString("type", "manual");
                w.WriteNumber("size", status == "COMPLETED" ? 102_400.0 : 0.0);
                w.WriteString("status", status);
                w.WriteString("begin_time", HuaweiTimes.Rds(backup.BeganAt));
                if (status != "BUILDING")
                {
                    w.WriteString("end_time", HuaweiTimes.Rds(backup.DoneAt));
                }

                w.WriteStartObject("datastore");
                w.WriteString("type", instance.DatastoreType);
                w.WriteString("version", instance.DatastoreVersion);
                w.WriteEndObject();
                if (backup.Databases is { Count: > 0 } databases)
                {
                    w.WriteStartArray("databases");
                    foreach (string database in databases)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", database);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("total_count", matching.Count);
            w.WriteEndObject();
        });
    }

    private static HuaweiResponse Invalid(string problem) => HuaweiResponse.CodeError(400, "DBS.280001", "Invalid parameter: " + problem + ".");
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OciBackup.Emulator.Timing;
using static OciBackup.Emulator.Huawei.HuaweiRequestReader;

namespace OciBackup.Emulator.Huawei;

/// <summary>
/// The Volume Backup Service calls the module makes: create a backup (answered with a job id), read a job, read a
/// backup, list backups with their filters. Error bodies are VBS's <c>{"error": {"code", "message"}}</c>; the codes
/// are the emulator's own (VBS's table is not public).
/// </summary>
internal sealed class VbsApi
{
    private readonly HuaweiStore _store;
    private readonly EmulatorClock _clock;
    private readonly RandomSource _random;
    private readonly TimeSpan _startDuration;
    private readonly TimeSpan _backupDuration;

    public VbsApi(HuaweiStore store, EmulatorClock clock, RandomSource random, TimeSpan startDuration, TimeSpan backupDuration)
    {
        _store = store;
        _clock = clock;
        _random = random;
        _startDuration = startDuration;
        _backupDuration = backupDuration;
    }

    /// <summary>Routes a request; <paramref name="operation"/> names it for the counters.</summary>
    public HuaweiResponse Dispatch(string method, string[] segments, IQueryCollection query, byte[] body, double faultyShare, out string operation)
    {
        // /v2/{project}/cloudbackups, /v1/{project}/jobs/{id}, /v2/{project}/backups/detail, /v2/{project}/backups/{id}
        operation = (method, segments.Length, segments.Length > 0 ? segments[0] : "", segments.Length > 2 ? segments[2] : "") switch
        {
            ("POST", 3, "v2", "cloudbackups") => "CreateBackup",
            ("GET", 4, "v1", "jobs") => "ShowJob",
            ("GET", 4, "v2", "backups") when segments[3] == "detail" => "ListBackupsDetails",
            ("GET", 4, "v2", "backups") => "ShowBackup",
            _ => "Unknown",
        };
        if (operation == "Unknown")
        {
            return HuaweiResponse.CodeError(404, "APIGW.0101", $"The API does not exist or has not been published: {method} /{string.Join('/', segments)}.");
        }

        if (!string.Equals(segments[1], _store.ProjectId, StringComparison.Ordinal))
        {
            return HuaweiResponse.VbsError(404, "VBS.0002", $"Project {segments[1]} is not found.");
        }

        return operation switch
        {
            "CreateBackup" => Create(body, faultyShare),
            "ShowJob" => ShowJob(segments[3]),
            "ListBackupsDetails" => List(query),
            _ => ShowBackup(segments[3]),
        };
    }

    private HuaweiResponse Create(byte[] body, double faultyShare)
    {
        JsonElement backup;
        JsonDocument? document = HuaweiRequestReader.ParseJson(body);
        if (document is null)
        {
            return Invalid("the body is not JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("backup", out backup) || backup.ValueKind != JsonValueKind.Object)
            {
                return Invalid("the body must be {\"backup\": {...}}");
            }

            string? volumeId = Text(backup, "volume_id");
            string? name = Text(backup, "name");
            string? description = Text(backup, "description");
            string? snapshotId = Text(backup, "snapshot_id");
            if (volumeId is null)
            {
                return Invalid("volume_id is required");
            }

            if ((HuaweiInputRules.VbsNameProblem(name) ?? HuaweiInputRules.VbsDescriptionProblem(description)) is string problem)
            {
                return Invalid(problem);
            }

            var tags = new List<(string, string)>();
            if (backup.TryGetProperty("tags", out JsonElement tagArray))
            {
                if (tagArray.ValueKind != JsonValueKind.Array)
                {
                    return Invalid("tags must be an array of {key, value}");
                }

                foreach (JsonElement tag in tagArray.EnumerateArray())
                {
                    string? key = tag.ValueKind == JsonValueKind.Object ? Text(tag, "key") : null;
                    string? value = tag.ValueKind == JsonValueKind.Object ? Text(tag, "value") : null;
                    if (key is null || value is null)
                    {
                        return Invalid("each tag must be {\"key\": \"...\", \"value\": \"...\"}");
                    }

                    if (HuaweiInputRules.VbsTagProblem(key, value) is string tagProblem)
                    {
                        return Invalid(tagProblem);
                    }

                    tags.Add((key, value));
                }
            }

            bool full = backup.TryGetProperty("extend_param", out JsonElement extend) && extend.ValueKind == JsonValueKind.Object
                && extend.TryGetProperty("FullBackup", out JsonElement fullBackup) && fullBackup.ValueKind == JsonValueKind.True;
            if (_store.FindVolume(volumeId) is not EvsVolume volume)
            {
                return HuaweiResponse.VbsError(404, "VBS.0007", $"Volume {volumeId} is not found.");
            }

            VbsJob job = _store.AddJob(volume, name!, description, snapshotId, tags, full, _clock.UtcNow, _startDuration, _backupDuration, _random.Chance(faultyShare));
            return HuaweiResponse.Json(200, w =>
            {
                w.WriteStartObject();
                w.WriteString("job_id", job.Id);
                w.WriteEndObject();
            }, performedWrite: true);
        }
    }

    private HuaweiResponse ShowJob(string id)
    {
        if (_store.FindJob(id) is not VbsJob job)
        {
            return HuaweiResponse.VbsError(404, "VBS.0005", $"Job {id} is not found.");
        }

        DateTimeOffset now = _clock.UtcNow;
        string status = job.Status(now);
        return HuaweiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", status);
            w.WriteStartObject("entities");
            w.WriteString("volume_id", job.Volume.Id);
            if (job.BackupExists(now))
            {
                w.WriteString("backup_id", job.BackupId);
            }

            if (job.SnapshotId is not null)
            {
                w.WriteString("snapshot_id", job.SnapshotId);
            }

            w.WriteEndObject();
            w.WriteString("job_id", job.Id);
            w.WriteString("job_type", "bksCreateBackup");
            w.WriteString("begin_time", HuaweiTimes.Job(job.RequestedAt));
            if (status is "SUCCESS" or "FAIL")
            {
                w.WriteString("end_time", HuaweiTimes.Job(job.DoneAt));
            }
            else
            {
                w.WriteNull("end_time");
            }

            if (status == "FAIL")
            {
                w.WriteString("error_code", "VBS.0101");
                w.WriteString("fail_reason", VbsJob.FailReason);
            }
            else
            {
                w.WriteNull("error_code");
                w.WriteNull("fail_reason");
            }

            w.WriteNull("sub_jobs");
            w.WriteEndObject();
        });
    }

    private HuaweiResponse ShowBackup(string id)
    {
        DateTimeOffset now = _clock.UtcNow;
        if (_store.FindJobOfBackup(id) is not VbsJob job || !job.BackupExists(now))
        {
            return HuaweiResponse.VbsError(404, "VBS.0006", $"Backup {id} is not found.");
        }

        return HuaweiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("backup");
            WriteBackup(w, job, now);
            w.WriteEndObject();
        });
    }

    private HuaweiResponse List(IQueryCollection query)
    {
        string? name = Single(query, "name");
        string? status = Single(query, "status");
        string? volumeId = Single(query, "volume_id");
        string? sortKey = Single(query, "sort_key");
        string? sortDir = Single(query, "sort_dir");
        if (!TryNumber(Single(query, "offset"), 0, 0, int.MaxValue, out int offset) || !TryNumber(Single(query, "limit"), 1000, 1, 1000, out int limit))
        {
            return Invalid("offset must be 0 or more and limit 1 to 1000");
        }

        if (sortKey is not null and not ("created_at" or "name" or "id") || sortDir is not null and not ("asc" or "desc"))
        {
            return Invalid("sort_key must be created_at, name or id, and sort_dir asc or desc");
        }

        DateTimeOffset now = _clock.UtcNow;
        IEnumerable<VbsJob> matching = _store.JobsWithBackups(now)
            .Where(j => name is null || j.Name == name)
            .Where(j => volumeId is null || j.Volume.Id == volumeId)
            .Where(j => status is null || j.BackupStatus(now) == status);
        Func<VbsJob, string> key = sortKey switch
        {
            "name" => j => j.Name,
            "id" => j => j.BackupId,
            _ => j => j.RunningAt.UtcTicks.ToString("D20", CultureInfo.InvariantCulture) + j.BackupId,
        };
        List<VbsJob> sorted = sortDir == "asc" ? matching.OrderBy(key, StringComparer.Ordinal).ToList() : matching.OrderByDescending(key, StringComparer.Ordinal).ToList();
        return HuaweiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("backups");
            foreach (VbsJob job in sorted.Skip(offset).Take(limit))
            {
                WriteBackup(w, job, now);
            }

            w.WriteEndArray();
            w.WriteNumber("count", sorted.Count);
            w.WriteEndObject();
        });
    }

    private void WriteBackup(Utf8JsonWriter w, VbsJob job, DateTimeOffset now)
    {
        string status = job.BackupStatus(now);
        w.WriteStartObject();
        w.WriteString("id", job.BackupId);
        w.WriteString("name", job.Name);
        w.WriteString("status", status);
        if (job.Description is null)
        {
            w.WriteNull("description");
        }
        else
        {
            w.WriteString("description", job.Description);
        }

        w.WriteString("availability_zone", _store.AvailabilityZone);
        w.WriteString("volume_id", job.Volume.Id);
        if (job.SnapshotId is null)
        {
            w.WriteNull("snapshot_id");
        }
        else
        {
            w.WriteString("snapshot_id", job.SnapshotId);
        }

        w.WriteNumber("size", job.Volume.SizeInGb);
        w.WriteNumber("object_count", status == "available" ? job.Volume.SizeInGb * 4 : 0);
        w.WriteString("container", job.BackupId);
        w.WriteString("created_at", HuaweiTimes.Vbs(job.RunningAt));
        w.WriteString("updated_at", HuaweiTimes.Vbs(now < job.DoneAt ? job.RunningAt : job.DoneAt));
        if (status == "error")
        {
            w.WriteString("fail_reason", VbsJob.FailReason);
        }
        else
        {
            w.WriteNull("fail_reason");
        }

        w.WriteBoolean("is_incremental", job.Incremental);
        w.WriteBoolean("has_dependent_backups", false);
        w.WriteString("data_timestamp", HuaweiTimes.Vbs(job.RunningAt));
        w.WriteEndObject();
    }

    private static HuaweiResponse Invalid(string problem) => HuaweiResponse.VbsError(400, "VBS.0001", "Invalid parameter: " + problem + ".");
}

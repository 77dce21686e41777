using System.Buffers;
using System.Globalization;
using System.Text.Json;
using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator.Api;

/// <summary>
/// Writes resources in the service's JSON shape: camelCase names (including its inconsistent
/// <c>uniqueSizeInGBs</c>/<c>uniqueSizeInMbs</c> on VolumeBackup and <c>uniqueSizeInGbs</c> on VolumeGroupBackup),
/// RFC 3339 UTC times with milliseconds, and sizes null until the backup is AVAILABLE.
/// </summary>
internal static class ResourceJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = true };

    public static byte[] Write<T>(T item, DateTimeOffset now, Action<Utf8JsonWriter, T, DateTimeOffset> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer, item, now);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] WriteArray<T>(IEnumerable<T> items, DateTimeOffset now, Action<Utf8JsonWriter, T, DateTimeOffset> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (T item in items)
            {
                write(writer, item, now);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void VolumeBackup(Utf8JsonWriter w, VolumeBackup b, DateTimeOffset now)
    {
        string state = b.LifecycleState(now);
        bool available = state == "AVAILABLE";
        w.WriteStartObject();
        w.WriteString("compartmentId", b.CompartmentId);
        WriteDefinedTags(w, b.Tags);
        w.WriteString("displayName", b.DisplayName);
        WriteTimeOrNull(w, "expirationTime", b.ExpirationTime);
        WriteFreeformTags(w, b.Tags);
        w.WriteString("id", b.Id);
        WriteStringOrNull(w, "kmsKeyId", b.KmsKeyId);
        w.WriteString("lifecycleState", state);
        WriteSize(w, "sizeInGBs", available, b.SizeInGBs);
        WriteSize(w, "sizeInMBs", available, b.SizeInGBs * 1024);
        w.WriteString("sourceType", b.SourceType);
        WriteStringOrNull(w, "sourceVolumeBackupId", b.SourceBackupId);
        w.WriteStartObject("systemTags");
        w.WriteEndObject();
        w.WriteString("timeCreated", Time(b.Timeline.RequestReceived));
        w.WriteString("timeRequestReceived", Time(b.Timeline.RequestReceived));
        w.WriteString("type", b.Type);
        WriteSize(w, "uniqueSizeInGBs", available, b.UniqueSizeInGBs);
        WriteSize(w, "uniqueSizeInMbs", available, b.UniqueSizeInGBs * 1024);
        w.WriteString("volumeId", b.Volume.Id);
        w.WriteEndObject();
    }

    public static void VolumeGroupBackup(Utf8JsonWriter w, VolumeGroupBackup b, DateTimeOffset now)
    {
        string state = b.LifecycleState(now);
        bool available = state == "AVAILABLE";
        w.WriteStartObject();
        w.WriteString("compartmentId", b.CompartmentId);
        WriteDefinedTags(w, b.Tags);
        w.WriteString("displayName", b.DisplayName);
        WriteTimeOrNull(w, "expirationTime", b.ExpirationTime);
        WriteFreeformTags(w, b.Tags);
        w.WriteString("id", b.Id);
        w.WriteString("lifecycleState", state);
        WriteSize(w, "sizeInGBs", available, b.SizeInGBs);
        WriteSize(w, "sizeInMBs", available, b.SizeInGBs * 1024);
        w.WriteString("sourceType", b.SourceType);
        WriteStringOrNull(w, "sourceVolumeGroupBackupId", b.SourceBackupId);
        w.WriteString("timeCreated", Time(b.Timeline.RequestReceived));
        w.WriteString("timeRequestReceived", Time(b.Timeline.RequestReceived));
        w.WriteString("type", b.Type);
        WriteSize(w, "uniqueSizeInGbs", available, b.UniqueSizeInGBs);
        WriteSize(w, "uniqueSizeInMbs", available, b.UniqueSizeInGBs * 1024);
        w.WriteStartArray("volumeBackupIds");
        foreach (VolumeBackup member in b.Members)
        {
            w.WriteStringValue(member.Id);
        }

        w.WriteEndArray();
        w.WriteString("volumeGroupId", b.VolumeGroup.Id);
        w.WriteEndObject();
    }

    public static void Volume(Utf8JsonWriter w, Volume v, DateTimeOffset now)
    {
        w.WriteStartObject();
        w.WriteString("availabilityDomain", v.AvailabilityDomain);
        w.WriteString("compartmentId", v.CompartmentId);
        WriteDefinedTags(w, v.Tags);
        w.WriteString("displayName", v.DisplayName);
        WriteFreeformTags(w, v.Tags);
        w.WriteString("id", v.Id);
        w.WriteBoolean("isAutoTuneEnabled", false);
        if (v.IsHydrated(now) is bool hydrated)
        {
            w.WriteBoolean("isHydrated", hydrated);
        }
        else
        {
            w.WriteNull("isHydrated");
        }

        WriteStringOrNull(w, "kmsKeyId", v.KmsKeyId);
        w.WriteString("lifecycleState", v.LifecycleState(now));
        w.WriteNumber("sizeInGBs", v.SizeInGBs);
        w.WriteNumber("sizeInMBs", v.SizeInGBs * 1024);
        if (v.SourceBackup is { } source)
        {
            w.WriteStartObject("sourceDetails");
            w.WriteString("id", source.Id);
            w.WriteString("type", "volumeBackup");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("sourceDetails");
        }

        w.WriteStartObject("systemTags");
        w.WriteEndObject();
        w.WriteString("timeCreated", Time(v.TimeCreated));
        WriteStringOrNull(w, "volumeGroupId", v.VolumeGroupId);
        w.WriteNumber("vpusPerGB", v.VpusPerGB);
        w.WriteEndObject();
    }

    public static void VolumeGroup(Utf8JsonWriter w, VolumeGroup g, DateTimeOffset now)
    {
        w.WriteStartObject();
        w.WriteString("availabilityDomain", g.AvailabilityDomain);
        w.WriteString("compartmentId", g.CompartmentId);
        WriteDefinedTags(w, g.Tags);
        w.WriteString("displayName", g.DisplayName);
        WriteFreeformTags(w, g.Tags);
        w.WriteString("id", g.Id);
        w.WriteBoolean("isHydrated", g.IsHydrated(now));
        w.WriteString("lifecycleState", g.LifecycleState(now));
        w.WriteNumber("sizeInGBs", g.SizeInGBs);
        w.WriteNumber("sizeInMBs", g.SizeInGBs * 1024);
        w.WriteStartObject("sourceDetails");
        if (g.SourceBackup is { } source)
        {
            w.WriteString("type", "volumeGroupBackupId");
            w.WriteString("volumeGroupBackupId", source.Id);
        }
        else
        {
            w.WriteString("type", "volumeIds");
            WriteVolumeIds(w, g);
        }

        w.WriteEndObject();
        w.WriteString("timeCreated", Time(g.TimeCreated));
        WriteVolumeIds(w, g);
        w.WriteEndObject();
    }

    /// <summary>RFC 3339 as the service writes it: UTC, milliseconds, Z.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteVolumeIds(Utf8JsonWriter w, VolumeGroup g)
    {
        w.WriteStartArray("volumeIds");
        foreach (Volume v in g.Volumes)
        {
            w.WriteStringValue(v.Id);
        }

        w.WriteEndArray();
    }

    private static void WriteSize(Utf8JsonWriter w, string name, bool known, long value)
    {
        if (known)
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    internal static void WriteTimeOrNull(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is DateTimeOffset time)
        {
            w.WriteString(name, Time(time));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    internal static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    internal static void WriteFreeformTags(Utf8JsonWriter w, Tags tags)
    {
        w.WriteStartObject("freeformTags");
        foreach (var tag in tags.Freeform)
        {
            w.WriteString(tag.Key, tag.Value);
        }

        w.WriteEndObject();
    }

    internal static void WriteDefinedTags(Utf8JsonWriter w, Tags tags)
    {
        w.WriteStartObject("definedTags");
        foreach (var ns in tags.Defined)
        {
            w.WriteStartObject(ns.Key);
            foreach (var tag in ns.Value)
            {
                w.WriteString(tag.Key, tag.Value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}

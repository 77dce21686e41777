using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator.Api;

/// <summary>
/// Parses and validates the bodies of the writes (create, copy, restore) as the service does: malformed JSON is
/// CannotParseRequest, a field of the wrong type or length is InvalidParameter naming the field. Unknown fields are
/// ignored. Each also yields the request's canonical form, which the retry-token check compares.
/// </summary>
internal static class CreateDetailsParser
{
    /// <summary>The size of a blank volume when the request gives none (OCI's default of 1 TB).</summary>
    public const long BlankVolumeSizeInGBs = 1024;

    private const long MinVolumeSizeInGBs = 50;
    private const long MaxVolumeSizeInGBs = 32 * 1024;
    private const long MaxVpusPerGB = 120;

    private static readonly string[] BackupTypes = { "FULL", "INCREMENTAL" };

    // The other source types of CreateVolumeDetails and CreateVolumeGroupDetails, which the emulator does not create from.
    private static readonly string[] VolumeSourceTypes = { "volume", "blockVolumeReplica", "volumeBackupDelta" };
    private static readonly string[] VolumeGroupSourceTypes = { "volumeGroupId", "volumeIds", "volumeGroupReplicaId" };

    public static ApiError? ParseVolumeBackup(ReadOnlyMemory<byte> body, out CreateVolumeBackupDetails? details)
    {
        return Parse(body, out details, root =>
        {
            string? volumeId = null, displayName = null, type = null, kmsKeyId = null;
            Tags? tags = null;
            ApiError? error = JsonFields.RequiredString(root, "volumeId", JsonFields.MaxOcidLength, ref volumeId)
                ?? JsonFields.OptionalString(root, "displayName", JsonFields.MaxDisplayNameLength, ref displayName)
                ?? JsonFields.OptionalChoice(root, "type", BackupTypes, ref type)
                ?? JsonFields.OptionalString(root, "kmsKeyId", JsonFields.MaxOcidLength, ref kmsKeyId)
                ?? JsonFields.ReadTags(root, ref tags);
            return error is not null ? (error, null) : (null, new CreateVolumeBackupDetails(volumeId!, displayName, type, kmsKeyId, tags ?? Tags.Empty,
                Canonical("CreateVolumeBackup", tags, ("volumeId", volumeId), ("displayName", displayName), ("type", type), ("kmsKeyId", kmsKeyId))));
        });
    }

    public static ApiError? ParseVolumeGroupBackup(ReadOnlyMemory<byte> body, out CreateVolumeGroupBackupDetails? details)
    {
        return Parse(body, out details, root =>
        {
            string? volumeGroupId = null, compartmentId = null, displayName = null, type = null;
            Tags? tags = null;
            ApiError? error = JsonFields.RequiredString(root, "volumeGroupId", JsonFields.MaxOcidLength, ref volumeGroupId)
                ?? JsonFields.OptionalString(root, "compartmentId", JsonFields.MaxOcidLength, ref compartmentId)
                ?? JsonFields.OptionalString(root, "displayName", JsonFields.MaxDisplayNameLength, ref displayName)
                ?? JsonFields.OptionalChoice(root, "type", BackupTypes, ref type)
                ?? JsonFields.ReadTags(root, ref tags);
            return error is not null ? (error, null) : (null, new CreateVolumeGroupBackupDetails(volumeGroupId!, compartmentId, displayName, type, tags ?? Tags.Empty,
                Canonical("CreateVolumeGroupBackup", tags, ("volumeGroupId", volumeGroupId), ("compartmentId", compartmentId),
                    ("displayName", displayName), ("type", type))));
        });
    }

    /// <summary>CopyVolumeBackupDetails and CopyVolumeGroupBackupDetails; the source's OCID (from the path) is part of the request.</summary>
    public static ApiError? ParseCopy(ReadOnlyMemory<byte> body, string operation, string sourceId, out CopyBackupDetails? details)
    {
        return Parse(body, out details, root =>
        {
            string? destinationRegion = null, displayName = null, kmsKeyId = null;
            ApiError? error = JsonFields.RequiredString(root, "destinationRegion", JsonFields.MaxDisplayNameLength, ref destinationRegion)
                ?? JsonFields.OptionalString(root, "displayName", JsonFields.MaxDisplayNameLength, ref displayName)
                ?? JsonFields.OptionalString(root, "kmsKeyId", JsonFields.MaxOcidLength, ref kmsKeyId);
            return error is not null ? (error, null) : (null, new CopyBackupDetails(destinationRegion!, displayName, kmsKeyId,
                Canonical(operation, null, ("source", sourceId), ("destinationRegion", destinationRegion), ("displayName", displayName),
                    ("kmsKeyId", kmsKeyId))));
        });
    }

    /// <summary>
    /// CreateVolumeDetails: blank, or <c>sourceDetails {"type":"volumeBackup","id":…}</c> (or the deprecated
    /// <c>volumeBackupId</c>, not both). availabilityDomain is required, as it is for a restore; the other source
    /// types (volume, blockVolumeReplica, volumeBackupDelta) are refused as not emulated.
    /// </summary>
    public static ApiError? ParseCreateVolume(ReadOnlyMemory<byte> body, out CreateVolumeDetails? details)
    {
        return Parse(body, out details, root =>
        {
            string? compartmentId = null, availabilityDomain = null, displayName = null, kmsKeyId = null, backupId = null, deprecatedBackupId = null;
            long? sizeInGBs = null, sizeInMBs = null, vpusPerGB = null;
            Tags? tags = null;
            ApiError? error = JsonFields.RequiredString(root, "compartmentId", JsonFields.MaxOcidLength, ref compartmentId)
                ?? JsonFields.RequiredString(root, "availabilityDomain", JsonFields.MaxDisplayNameLength, ref availabilityDomain)
                ?? JsonFields.OptionalString(root, "displayName", JsonFields.MaxDisplayNameLength, ref displayName)
                ?? JsonFields.OptionalInteger(root, "sizeInGBs", MinVolumeSizeInGBs, MaxVolumeSizeInGBs, ref sizeInGBs)
                ?? JsonFields.OptionalInteger(root, "sizeInMBs", MinVolumeSizeInGBs * 1024, MaxVolumeSizeInGBs * 1024, ref sizeInMBs)
                ?? JsonFields.OptionalInteger(root, "vpusPerGB", 0, MaxVpusPerGB, ref vpusPerGB)
                ?? JsonFields.OptionalString(root, "kmsKeyId", JsonFields.MaxOcidLength, ref kmsKeyId)
                ?? JsonFields.OptionalString(root, "volumeBackupId", JsonFields.MaxOcidLength, ref deprecatedBackupId)
                ?? JsonFields.ReadTags(root, ref tags)
                ?? Source(root, required: false, "volumeBackup", "id", VolumeSourceTypes, "volumes", ref backupId)
                ?? VolumeSizeAndPerformance(vpusPerGB, sizeInMBs, ref sizeInGBs)
                ?? (backupId is not null && deprecatedBackupId is not null
                    ? ApiError.InvalidParameter("volumeBackupId", "is deprecated and cannot be combined with sourceDetails.")
                    : null);
            if (error is not null)
            {
                return (error, null);
            }

            backupId ??= deprecatedBackupId;
            return (null, new CreateVolumeDetails(compartmentId!, availabilityDomain!, displayName, sizeInGBs, vpusPerGB, kmsKeyId, tags, backupId,
                Canonical("CreateVolume", tags, ("compartmentId", compartmentId), ("availabilityDomain", availabilityDomain),
                    ("displayName", displayName), ("sizeInGBs", Number(sizeInGBs)), ("vpusPerGB", Number(vpusPerGB)), ("kmsKeyId", kmsKeyId),
                    ("volumeBackupId", backupId))));
        });
    }

    /// <summary>CreateVolumeGroupDetails whose sourceDetails is <c>{"type":"volumeGroupBackupId","volumeGroupBackupId":…}</c>.</summary>
    public static ApiError? ParseCreateVolumeGroup(ReadOnlyMemory<byte> body, out CreateVolumeGroupDetails? details)
    {
        return Parse(body, out details, root =>
        {
            string? compartmentId = null, availabilityDomain = null, displayName = null, groupBackupId = null;
            Tags? tags = null;
            ApiError? error = JsonFields.RequiredString(root, "compartmentId", JsonFields.MaxOcidLength, ref compartmentId)
                ?? JsonFields.RequiredString(root, "availabilityDomain", JsonFields.MaxDisplayNameLength, ref availabilityDomain)
                ?? JsonFields.OptionalString(root, "displayName", JsonFields.MaxDisplayNameLength, ref displayName)
                ?? JsonFields.ReadTags(root, ref tags)
                ?? Source(root, required: true, "volumeGroupBackupId", "volumeGroupBackupId", VolumeGroupSourceTypes, "volume groups", ref groupBackupId);
            return error is not null ? (error, null) : (null, new CreateVolumeGroupDetails(compartmentId!, availabilityDomain!, displayName, tags, groupBackupId!,
                Canonical("CreateVolumeGroup", tags, ("compartmentId", compartmentId), ("availabilityDomain", availabilityDomain),
                    ("displayName", displayName), ("volumeGroupBackupId", groupBackupId))));
        });
    }

    /// <summary>vpusPerGB in steps of 10; the deprecated sizeInMBs only alone and in whole gigabytes, then read as sizeInGBs.</summary>
    private static ApiError? VolumeSizeAndPerformance(long? vpusPerGB, long? sizeInMBs, ref long? sizeInGBs)
    {
        if (vpusPerGB is long vpus && vpus % 10 != 0)
        {
            return ApiError.InvalidParameter("vpusPerGB", "must be 0, 10, 20 or a multiple of 10 from 30 to 120.");
        }

        if (sizeInMBs is long megabytes)
        {
            if (sizeInGBs is not null || megabytes % 1024 != 0)
            {
                return ApiError.InvalidParameter("sizeInMBs", "is deprecated: give sizeInGBs, or a multiple of 1024 MB and no sizeInGBs.");
            }

            sizeInGBs = megabytes / 1024;
        }

        return null;
    }

    /// <summary>
    /// The polymorphic <c>sourceDetails</c> (a <c>type</c> discriminator): the emulator restores only from
    /// <paramref name="restoredType"/>, whose OCID is in <paramref name="idField"/>; the service's other types are
    /// refused as not emulated, an unknown one as invalid.
    /// </summary>
    private static ApiError? Source(JsonElement root, bool required, string restoredType, string idField, string[] otherTypes, string makes,
        ref string? id)
    {
        if (!JsonFields.TryGet(root, "sourceDetails", out JsonElement source))
        {
            return required ? ApiError.InvalidParameter("sourceDetails", "is required: an object with a type.") : null;
        }

        if (source.ValueKind != JsonValueKind.Object)
        {
            return ApiError.InvalidParameter("sourceDetails", "must be an object with a type.");
        }

        string? type = null;
        ApiError? error = JsonFields.RequiredString(source, "type", JsonFields.MaxDisplayNameLength, ref type, "sourceDetails.type");
        if (error is not null)
        {
            return error;
        }

        if (type == restoredType)
        {
            return JsonFields.RequiredString(source, idField, JsonFields.MaxOcidLength, ref id, "sourceDetails." + idField);
        }

        return otherTypes.Contains(type)
            ? ApiError.InvalidParameter("sourceDetails.type", $"'{type}' is a source the emulator does not create {makes} from (it restores from {restoredType}).")
            : ApiError.InvalidParameter("sourceDetails.type", "must be one of " + string.Join(", ", otherTypes.Append(restoredType)) + ".");
    }

    /// <summary>Parses the body as a JSON object and hands its root to <paramref name="read"/>, which validates the fields.</summary>
    private static ApiError? Parse<T>(ReadOnlyMemory<byte> body, out T? details, Func<JsonElement, (ApiError? Error, T? Details)> read)
        where T : class
    {
        details = null;
        ApiError? error = JsonFields.ParseObject(body, out JsonDocument? document);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            (error, details) = read(document!.RootElement);
            return error;
        }
    }

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The request as the retry-token check compares it: the operation and the parsed values in a fixed order
    /// (tags sorted), so the same request sent with keys in another order or other whitespace counts as the same.
    /// </summary>
    private static string Canonical(string operation, Tags? tags, params (string Name, string? Value)[] fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("operation", operation);
            foreach ((string name, string? value) in fields)
            {
                if (value is not null)
                {
                    writer.WriteString(name, value);
                }
            }

            Tags canonicalTags = tags ?? Tags.Empty;
            writer.WriteStartObject("freeformTags");
            foreach (var tag in canonicalTags.Freeform.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.WriteString(tag.Key, tag.Value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("definedTags");
            foreach (var ns in canonicalTags.Defined.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(ns.Key);
                foreach (var tag in ns.Value.OrderBy(t => t.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(tag.Key, tag.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

using System;
using System.Text.Json.Serialization;
using OciBackup.Engine.Huawei.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>
    /// An EVS disk backup made by Huawei Cloud's Volume Backup Service, as the service returns it. Its status keeps the
    /// service's spelling (<c>creating</c>, <c>available</c>, <c>error</c>, <c>restoring</c>, <c>deleting</c>,
    /// <c>error_restoring</c>): a status the service adds must not break a runbook.
    /// </summary>
    public sealed class HwcVolumeBackup : ILifecycleResource
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("status")]
        public string? Status { get; set; }

        [JsonPropertyName("description")]
        public string? Description { get; set; }

        /// <summary>The EVS disk backed up.</summary>
        [JsonPropertyName("volume_id")]
        public string? VolumeId { get; set; }

        [JsonPropertyName("snapshot_id")]
        public string? SnapshotId { get; set; }

        /// <summary>The disk's size in GB.</summary>
        [JsonPropertyName("size")]
        public long? SizeInGBs { get; set; }

        [JsonPropertyName("availability_zone")]
        public string? AvailabilityZone { get; set; }

        /// <summary>Whether the service made it incremental (the first backup of a disk is always full).</summary>
        [JsonPropertyName("is_incremental")]
        public bool? IsIncremental { get; set; }

        /// <summary>Why it failed, when its status is <c>error</c>.</summary>
        [JsonPropertyName("fail_reason")]
        public string? FailReason { get; set; }

        [JsonPropertyName("created_at")]
        [JsonConverter(typeof(HwcTimeJsonConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonPropertyName("updated_at")]
        [JsonConverter(typeof(HwcTimeJsonConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>The region it lives in: the region of the client that read it.</summary>
        [JsonIgnore]
        public string? Region { get; set; }

        /// <summary>The job that made it, when it was made or waited for through one.</summary>
        [JsonIgnore]
        public string? JobId { get; set; }

        string? ILifecycleResource.CompartmentId => null;

        string? ILifecycleResource.DisplayName => Name;

        string? ILifecycleResource.LifecycleState => Status;

        DateTimeOffset? ILifecycleResource.TimeCreated => CreatedAt;

        DateTimeOffset? ILifecycleResource.TimeRequested => CreatedAt;

        public override string ToString() => Id;
    }
}

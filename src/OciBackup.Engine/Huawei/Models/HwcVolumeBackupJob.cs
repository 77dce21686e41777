using System;
using System.Text.Json.Serialization;
using OciBackup.Engine.Huawei.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>
    /// The job the Volume Backup Service runs for one backup: <c>INIT</c>, <c>RUNNING</c>, then <c>SUCCESS</c> (its
    /// backup id known) or <c>FAIL</c> (with a reason). A create answers with the job; waiting for it gives the backup.
    /// </summary>
    public sealed class HwcVolumeBackupJob : ILifecycleResource
    {
        [JsonPropertyName("job_id")]
        public string JobId { get; set; } = string.Empty;

        /// <summary><c>INIT</c>, <c>RUNNING</c>, <c>SUCCESS</c> or <c>FAIL</c>, as the service spells it.</summary>
        [JsonPropertyName("status")]
        public string? Status { get; set; }

        /// <summary><c>bksCreateBackup</c> for a backup.</summary>
        [JsonPropertyName("job_type")]
        public string? JobType { get; set; }

        [JsonPropertyName("begin_time")]
        [JsonConverter(typeof(HwcTimeJsonConverter))]
        public DateTimeOffset? BeginTime { get; set; }

        [JsonPropertyName("end_time")]
        [JsonConverter(typeof(HwcTimeJsonConverter))]
        public DateTimeOffset? EndTime { get; set; }

        [JsonPropertyName("error_code")]
        public string? ErrorCode { get; set; }

        /// <summary>Why the job failed, when its status is <c>FAIL</c>.</summary>
        [JsonPropertyName("fail_reason")]
        public string? FailReason { get; set; }

        /// <summary>The backup it made, once the service says (on success).</summary>
        [JsonIgnore]
        public string? BackupId => Entities?.BackupId;

        /// <summary>The disk backed up: the service's word once it gives one, else what was asked.</summary>
        [JsonIgnore]
        public string? VolumeId
        {
            get => Entities?.VolumeId ?? RequestedVolumeId;
            set => RequestedVolumeId = value;
        }

        /// <summary>The name asked for the backup.</summary>
        [JsonIgnore]
        public string? BackupName { get; set; }

        [JsonIgnore]
        public string? Region { get; set; }

        /// <summary>The backup, once the job succeeded and it was read.</summary>
        [JsonIgnore]
        public HwcVolumeBackup? Backup { get; set; }

        [JsonInclude]
        [JsonPropertyName("entities")]
        internal VbsJobEntities? Entities { get; set; }

        [JsonIgnore]
        internal string? RequestedVolumeId { get; set; }

        /// <summary>When the request was sent, by this machine's clock (the service's begin time, if it said, is <see cref="BeginTime"/>).</summary>
        [JsonIgnore]
        internal DateTimeOffset? RequestedAt { get; set; }

        string ILifecycleResource.Id => JobId;

        string? ILifecycleResource.CompartmentId => null;

        string? ILifecycleResource.DisplayName => BackupName;

        string? ILifecycleResource.LifecycleState => Status;

        DateTimeOffset? ILifecycleResource.TimeCreated => BeginTime;

        DateTimeOffset? ILifecycleResource.TimeRequested => BeginTime ?? RequestedAt;

        public override string ToString() => JobId;
    }
}

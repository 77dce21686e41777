using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using OciBackup.Engine.Huawei.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>
    /// A backup of an RDS database instance, as the service returns it: <c>BUILDING</c>, then <c>COMPLETED</c> or
    /// <c>FAILED</c> (<c>DELETING</c> on its way out), spelled as the service spells it.
    /// </summary>
    public sealed class HwcRdsBackup : ILifecycleResource
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        [JsonPropertyName("instance_id")]
        public string? InstanceId { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("description")]
        public string? Description { get; set; }

        [JsonPropertyName("status")]
        public string? Status { get; set; }

        /// <summary><c>manual</c>, <c>auto</c>, <c>fragment</c> or <c>incremental</c>.</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        [JsonPropertyName("begin_time")]
        [JsonConverter(typeof(HwcTimeJsonConverter))]
        public DateTimeOffset? BeginTime { get; set; }

        [JsonPropertyName("end_time")]
        [JsonConverter(typeof(HwcTimeJsonConverter))]
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Its size in KB, once the service knows it.</summary>
        [JsonPropertyName("size")]
        public double? SizeInKBs { get; set; }

        /// <summary>The databases of a partial backup (SQL Server, PostgreSQL); empty for the whole instance.</summary>
        [JsonIgnore]
        public string[] Databases => DatabaseList?.Select(d => d.Name ?? string.Empty).ToArray() ?? Array.Empty<string>();

        /// <summary>The engine: <c>MySQL</c>, <c>PostgreSQL</c>, <c>SQLServer</c>.</summary>
        [JsonIgnore]
        public string? DatastoreType => Datastore?.Type;

        [JsonIgnore]
        public string? DatastoreVersion => Datastore?.Version;

        [JsonIgnore]
        public string? Region { get; set; }

        [JsonInclude]
        [JsonPropertyName("databases")]
        internal List<RdsDatabaseName>? DatabaseList { get; set; }

        [JsonInclude]
        [JsonPropertyName("datastore")]
        internal RdsDatastore? Datastore { get; set; }

        string? ILifecycleResource.CompartmentId => InstanceId;

        string? ILifecycleResource.DisplayName => Name;

        string? ILifecycleResource.LifecycleState => Status;

        DateTimeOffset? ILifecycleResource.TimeCreated => BeginTime;

        DateTimeOffset? ILifecycleResource.TimeRequested => BeginTime;

        public override string ToString() => Id;
    }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>The body of <c>POST /v3/{project_id}/backups</c>, its fields in the order the SDK writes them (the body's hash is signed).</summary>
    internal sealed class RdsCreateBackupDetails
    {
        public RdsCreateBackupDetails(string instanceId, string name)
        {
            InstanceId = instanceId;
            Name = name;
        }

        [JsonPropertyName("instance_id")]
        public string InstanceId { get; }

        [JsonPropertyName("name")]
        public string Name { get; }

        [JsonPropertyName("description")]
        public string? Description { get; set; }

        /// <summary>A partial backup of these databases (SQL Server; PostgreSQL on newer versions).</summary>
        [JsonPropertyName("databases")]
        public List<RdsDatabaseName>? Databases { get; set; }

        [JsonPropertyName("backup_database_individually")]
        public bool? BackupDatabaseIndividually { get; set; }
    }
}

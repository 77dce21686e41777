using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>An RDS create's answer: <c>{"backup": {...}}</c>, BUILDING.</summary>
    internal sealed class RdsBackupEnvelope
    {
        [JsonPropertyName("backup")]
        public HwcRdsBackup? Backup { get; set; }
    }
}

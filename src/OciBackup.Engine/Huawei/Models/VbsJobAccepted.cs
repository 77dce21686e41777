using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>A VBS create's answer: <c>{"job_id": "..."}</c>.</summary>
    internal sealed class VbsJobAccepted
    {
        [JsonPropertyName("job_id")]
        public string? JobId { get; set; }
    }
}

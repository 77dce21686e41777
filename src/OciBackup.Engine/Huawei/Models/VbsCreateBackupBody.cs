using System.Text.Json.Serialization;

namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>The body of a VBS create: <c>{"backup": {...}}</c>.</summary>
    internal sealed class VbsCreateBackupBody
    {
        public VbsCreateBackupBody(VbsCreateBackupDetails backup)
        {
            Backup = backup;
        }

        [JsonPropertyName("backup")]
        public VbsCreateBackupDetails Backup { get; }
    }
}

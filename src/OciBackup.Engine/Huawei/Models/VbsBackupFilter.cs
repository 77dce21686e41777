namespace OciBackup.Engine.Huawei.Models
{
    /// <summary>The filters of <c>GET /v2/{project_id}/backups/detail</c>; null ones are not sent.</summary>
    internal sealed class VbsBackupFilter
    {
        public string? Name { get; set; }

        /// <summary><c>available</c>, <c>creating</c>, ... (lower case, as the service spells them).</summary>
        public string? Status { get; set; }

        public string? VolumeId { get; set; }

        public string? SortKey { get; set; }

        /// <summary><c>asc</c> or <c>desc</c>.</summary>
        public string? SortDir { get; set; }
    }
}

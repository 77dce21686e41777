namespace OciBackup.Engine.Models
{
    /// <summary>The body of CreateVolumeGroup as a restore sends it (source: a volume group backup).</summary>
    internal sealed class CreateVolumeGroupDetails : CreateFromBackupDetails<VolumeGroupSourceDetails>
    {
        public CreateVolumeGroupDetails(string availabilityDomain, string compartmentId, VolumeGroupSourceDetails sourceDetails)
            : base(availabilityDomain, compartmentId, sourceDetails)
        {
        }
    }
}

using System.Management.Automation;
using System.Threading.Tasks;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// Get-OciVolumeBackup and Get-OciVolumeGroupBackup: backups by their id, by what they are backups of (a volume or
    /// volume group id, or one piped in), or by compartment.
    /// </summary>
    public abstract class GetBackupCommand : FindCommand
    {
        /// <summary>
        /// <para type="description">The compartment (or tenancy) to list; with ids of volumes or volume groups, where their backups are (by default each one's own compartment).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Parameter(Mandatory = true, ParameterSetName = ByCompartmentSet)]
        [ValidateNotNullOrEmpty]
        public string? CompartmentId { get; set; }

        internal abstract BackupKind BackupKind { get; }

        internal override ResourceKind Kind => BackupKind;

        internal override string? ListedCompartmentId => CompartmentId;

        /// <summary>A backup's OCID, or its source's (with, when bound, the compartment to look in).</summary>
        internal override InputProblem? CheckId(string id) =>
            InputRules.CheckOcid(BackupKind.IdField, id, BackupKind.OcidType, BackupKind.Source.OcidType)
            ?? (BackupKind.Source.Owns(id) && CompartmentId != null ? InputRules.CheckOcid("compartmentId", CompartmentId.Trim(), "compartment", "tenancy") : null);

        internal override Task ListAsync(string compartmentId, bool subtree, string? region) =>
            Finder.ListBackupsAsync(BackupKind, compartmentId, subtree, region, Conditions, Found, StopToken);

        /// <summary>An id of a volume (or volume group) stands for its backups.</summary>
        internal override (Task Work, string ErrorNoun) FindByIdAsync(string id, string? region)
        {
            if (!BackupKind.Source.Owns(id))
            {
                return base.FindByIdAsync(id, region);
            }

            var compartment = CompartmentId?.Trim();
            WriteVerbose($"Listing the {BackupKind.Noun}s of {BackupKind.Source.Noun} {id}" + (compartment == null ? " in its compartment." : $" in compartment {compartment}."));
            return (ListBackupsOfAsync(id, compartment, region), BackupKind.Source.ErrorNoun);
        }

        private async Task ListBackupsOfAsync(string sourceId, string? compartmentId, string? region) =>
            Found(await Finder.ListBackupsOfAsync(BackupKind, sourceId, compartmentId, region, Conditions, StopToken).ConfigureAwait(false));
    }
}

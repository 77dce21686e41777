using System;
using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets volume groups by id, or those of a compartment (and the compartments below it), filtered by name, availability domain, state and freeform tags.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciVolumeGroup", DefaultParameterSetName = ByCompartmentSet)]
    [OutputType(typeof(VolumeGroup))]
    public sealed class GetOciVolumeGroupCommand : GetSourceCommand
    {
        /// <summary><para type="description">Volume group OCIDs (ocid1.volumegroup.…), from the pipeline or from objects with a VolumeGroupId or Id property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] VolumeGroupId { get; set; } = Array.Empty<string>();

        internal override SourceKind SourceKind => Engine.Kinds.SourceKind.VolumeGroup;

        internal override string[] Ids => VolumeGroupId;
    }
}

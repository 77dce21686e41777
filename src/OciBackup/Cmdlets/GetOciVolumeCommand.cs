using System;
using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets block volumes by id, or those of a compartment (and the compartments below it), filtered by name, availability domain, state and freeform tags.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciVolume", DefaultParameterSetName = ByCompartmentSet)]
    [OutputType(typeof(Volume))]
    public sealed class GetOciVolumeCommand : GetSourceCommand
    {
        /// <summary><para type="description">Volume OCIDs (ocid1.volume.…), from the pipeline or from objects with a VolumeId or Id property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] VolumeId { get; set; } = Array.Empty<string>();

        internal override SourceKind SourceKind => Engine.Kinds.SourceKind.Volume;

        internal override string[] Ids => VolumeId;
    }
}

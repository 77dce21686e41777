using System.Collections.Generic;
using System.Linq;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Bulk
{
    /// <summary>What every disk of a New-HwcVolumeBackup run is backed up with: name, description, tags and whether to force a full backup.</summary>
    internal sealed class VbsBackupRequest
    {
        public VbsBackupRequest(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public string? Description { get; set; }

        public List<HwcTag>? Tags { get; set; }

        /// <summary>True forces a full backup; false or null leaves it to the service (incremental after a disk's first).</summary>
        public bool Full { get; set; }

        /// <summary>Every problem with what was given, before anything is sent.</summary>
        public IEnumerable<InputProblem> Problems()
        {
            var name = HwcInputRules.CheckVbsName(Name);
            var description = HwcInputRules.CheckVbsDescription(Description);
            return new[] { name, description }.Where(p => p != null).Select(p => p!).Concat(HwcInputRules.CheckVbsTags(Tags));
        }

        /// <summary><c>a full backup 'nightly'</c>.</summary>
        public string Describe() => (Full ? "a full backup" : "a backup") + $" '{Name}'";

        /// <summary>The create's body for one disk.</summary>
        public VbsCreateBackupDetails For(string volumeId) =>
            new VbsCreateBackupDetails(volumeId, Name)
            {
                Description = Description,
                Tags = Tags,
                ExtendParam = Full ? new Dictionary<string, object> { [VbsCreateBackupDetails.FullBackupParameter] = true } : null,
            };
    }
}

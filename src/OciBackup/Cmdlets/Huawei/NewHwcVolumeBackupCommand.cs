using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Huawei.Bulk;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Models;
using OciBackup.Huawei;

namespace OciBackup.Cmdlets.Huawei
{
    /// <summary>
    /// <para type="synopsis">Backs up each Huawei Cloud EVS disk piped in through the Volume Backup Service (VBS), optionally waiting through its job until the backup is available.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "HwcVolumeBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HwcVolumeBackupJob), typeof(HwcVolumeBackup))]
    public sealed class NewHwcVolumeBackupCommand : NewHwcBackupCommand
    {
        /// <summary><para type="description">The id of the EVS disk to back up (a UUID). Takes strings from the pipeline, and objects with an Id or VolumeId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string VolumeId { get; set; } = string.Empty;

        /// <summary><para type="description">Tags of the backup: @{ key = 'value' } (keys 1 to 36 characters, values up to 43).</para></summary>
        [Parameter]
        [Alias("Tags")]
        public IDictionary? Tag { get; set; }

        /// <summary><para type="description">Full forces a full backup; Incremental (the default) leaves it to VBS, which backs up a disk fully the first time and incrementally after.</para></summary>
        [Parameter]
        [ValidateSet("Full", "Incremental", IgnoreCase = true)]
        [ArgumentCompleter(typeof(Completion.BackupTypeCompleter))]
        public string? Type { get; set; }

        /// <summary>
        /// <para type="description">How long, after a create whose answer was lost, to keep looking for its backup before sending the create again (VBS records a backup only when its job starts), as a TimeSpan or a number of seconds (default 30).</para>
        /// </summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan SettleTime { get; set; } = LostAnswerPolicy.DefaultSettleTime;

        internal override string ItemId => VolumeId.Trim();

        internal override string DoneState => "available";

        internal override LostAnswerPolicy LostAnswers() => new LostAnswerPolicy { SettleTime = SettleTime };

        internal override BulkOperation CreateOperation(LostAnswerPolicy lostAnswers, List<InputProblem> problems)
        {
            var request = new VbsBackupRequest(Name)
            {
                Description = Description,
                Tags = Tags(problems),
                Full = string.Equals(Type, "Full", StringComparison.OrdinalIgnoreCase),
            };
            problems.AddRange(request.Problems());
            return new CreateVbsBackupOperation(request, lostAnswers);
        }

        private List<HwcTag>? Tags(List<InputProblem> problems)
        {
            if (Tag == null)
            {
                return null;
            }

            var tags = new List<HwcTag>();
            foreach (DictionaryEntry entry in Tag)
            {
                var key = PowerShellValues.ToPlain(entry.Key)?.ToString() ?? string.Empty;
                var value = PowerShellValues.ToPlain(entry.Value);
                if (value != null && !(value is string) && !value.GetType().IsPrimitive)
                {
                    problems.Add(new InputProblem("tag", key, $"The value of tag '{key}' must be text, not {value.GetType().Name}."));
                    continue;
                }

                tags.Add(new HwcTag(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
            }

            return tags;
        }
    }
}

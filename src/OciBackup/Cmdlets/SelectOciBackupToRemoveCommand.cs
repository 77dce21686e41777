using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OciBackup.Engine.Models;
using OciBackup.Engine.Retention;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Selects, from the backups piped in, those a retention rule removes (keep the newest N of each volume or volume group, remove those older than an age), and writes them with the rule that chose each.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Select, "OciBackupToRemove")]
    [OutputType(typeof(VolumeBackup), typeof(VolumeGroupBackup))]
    public sealed class SelectOciBackupToRemoveCommand : PSCmdlet
    {
        /// <summary>The note property naming the rules that chose a backup: <c>KeepLast, OlderThan</c>.</summary>
        public const string RuleProperty = "RetentionRule";

        /// <summary>The note property saying why, which Remove-OciVolumeBackup's -WhatIf and -Confirm show.</summary>
        public const string ReasonProperty = "RetentionReason";

        private readonly List<KeyValuePair<PSObject, BackupResource>> _backups = new List<KeyValuePair<PSObject, BackupResource>>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private RetentionPolicy? _policy;

        /// <summary>
        /// <para type="description">Backups of either kind, from Get-OciVolumeBackup, Get-OciVolumeGroupBackup, Oracle's OCI.PSModules or Invoke-OciRestMethod.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

        /// <summary><para type="description">Keep the newest N AVAILABLE backups of each volume or volume group (in each region); select the others.</para></summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int KeepLast { get; set; }

        /// <summary>
        /// <para type="description">Select backups created longer ago than this: days as a number (30), a number with a unit ('30d', '36h', '2w') or a TimeSpan. With -KeepLast, only backups both rules select.</para>
        /// </summary>
        [Parameter]
        [AgeToTimeSpan]
        public TimeSpan OlderThan { get; set; }

        /// <summary>
        /// <para type="description">OCIDs or exact display names of backups to select whatever the rules say, even the newest AVAILABLE backup of its source.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void BeginProcessing()
        {
            var keepLast = MyInvocation.BoundParameters.ContainsKey(nameof(KeepLast)) ? KeepLast : (int?)null;
            var olderThan = MyInvocation.BoundParameters.ContainsKey(nameof(OlderThan)) ? OlderThan : (TimeSpan?)null;
            if (keepLast == null && olderThan == null && (Name == null || Name.Length == 0))
            {
                const string message = "Say what to select: -KeepLast, -OlderThan, -Name, or a combination.";
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "OciBackup.RetentionRuleMissing", ErrorCategory.InvalidArgument, null)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Add -KeepLast 7, -OlderThan 30d, or both; nothing was selected." },
                });
            }

            if (olderThan <= TimeSpan.Zero)
            {
                ThrowTerminatingError(InputErrors.Record(new InputProblem("olderThan", OlderThan.ToString(), $"-OlderThan must be a positive age; {OlderThan} is not."), OlderThan));
            }

            _policy = new RetentionPolicy(keepLast, olderThan, Name);
        }

        protected override void ProcessRecord()
        {
            foreach (var input in InputObject)
            {
                var backup = BackupProperties.Read(input, out var problem);
                if (backup == null)
                {
                    WriteError(InputErrors.Record(problem!, input));
                    continue;
                }

                // The same backup piped twice is one backup: counted twice, it would push another out of the newest N.
                if (_seen.Add(backup.Region + "|" + backup.Id))
                {
                    _backups.Add(new KeyValuePair<PSObject, BackupResource>(input, backup));
                }
            }
        }

        protected override void EndProcessing()
        {
            var decisions = RetentionSelection.Decide(_backups.Select(b => b.Value), _policy!, DateTimeOffset.UtcNow);
            var selected = 0;
            for (var i = 0; i < decisions.Count; i++)
            {
                var decision = decisions[i];
                var backup = decision.Backup;
                var named = string.IsNullOrEmpty(backup.DisplayName) ? backup.Id : $"'{backup.DisplayName}' ({backup.Id})";
                if (!decision.Selected)
                {
                    WriteVerbose($"Keep {decision.Kind.Noun} {named}: {decision.Reason}.");
                    continue;
                }

                var rule = decision.Rule.ToString();
                var output = _backups[i].Key;
                Note(output, RuleProperty, rule);
                Note(output, ReasonProperty, $"{rule}: {decision.Reason}");
                WriteVerbose($"Remove {decision.Kind.Noun} {named}: {rule}: {decision.Reason}.");
                WriteObject(output);
                selected++;
            }

            var sources = decisions.Select(d => (d.Kind, d.Backup.Region, d.SourceId)).Distinct().Count();
            WriteVerbose($"{selected} of {decisions.Count} backups selected to remove, {decisions.Count - selected} kept, over {sources} source(s).");
        }

        private static void Note(PSObject target, string name, string value)
        {
            target.Properties.Remove(name);
            target.Properties.Add(new PSNoteProperty(name, value));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Huawei.Bulk;
using OciBackup.Engine.Models;

namespace OciBackup.Huawei
{
    /// <summary>
    /// The parameters and binding the two Huawei create cmdlets share. The work is the engine's <see cref="BulkRun"/> of
    /// a Huawei create operation (which makes each create safe to repeat without a retry token): this validates what
    /// every item shares once and each item before anything is sent, asks ShouldProcess, feeds the run and writes what
    /// it reports on the pipeline thread.
    /// </summary>
    public abstract class NewHwcBackupCommand : RetryingHwcCmdlet
    {
        private PipelineBulkRun? _run;

        /// <summary><para type="description">The backup's name: what a create whose answer was lost is found by.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary><para type="description">A description of the backup.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">Wait until each backup is done before writing it.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">With -Wait: how long each backup may take, as a TimeSpan or a number of seconds.</para></summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

        /// <summary><para type="description">How many creates run at once (halved while the service answers 429, grown back as calls succeed).</para></summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = 16;

        /// <summary><para type="description">Do not ask for confirmation (-WhatIf still only shows what would happen).</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The id of the item being processed, as bound.</summary>
        internal abstract string ItemId { get; }

        /// <summary>The state a person is told the results are waited for in: <c>available</c>, <c>COMPLETED</c>.</summary>
        internal abstract string DoneState { get; }

        /// <summary>The operation for this run, built from the shared parameters, with every problem in them.</summary>
        internal abstract BulkOperation CreateOperation(LostAnswerPolicy lostAnswers, List<InputProblem> problems);

        /// <summary>How lost answers are looked for; VBS sets its settle time.</summary>
        internal virtual LostAnswerPolicy LostAnswers() => new LostAnswerPolicy();

        protected override void BeginProcessing()
        {
            var problems = new List<InputProblem>();
            var operation = CreateOperation(LostAnswers(), problems);
            if (problems.Count > 0)
            {
                ThrowTerminatingError(InputErrors.Record(problems[0], problems[0].Value ?? problems[0].Field));
            }

            _run = new PipelineBulkRun(this, ActiveSession, operation, new BulkRunOptions
            {
                ThrottleLimit = ThrottleLimit,
                Wait = Wait,
                WaitTimeout = Timeout,
                Call = PacedCallOptions,
            }, errors: HwcErrorRecords.From, waitCommand: "Wait-HwcBackup", waitState: DoneState);
        }

        protected override void ProcessRecord()
        {
            var id = ItemId;
            _run!.Offer(new BulkItem(id), _run.Run.Operation.ItemKind.CheckId(id), Force);
        }

        protected override void EndProcessing() => _run!.Finish();

        /// <summary>Ctrl+C: every call and wait stops at once, then what had been sent is said.</summary>
        protected override void StopProcessing()
        {
            base.StopProcessing();
            _run?.Stop();
        }

        /// <summary>The items of a string array, trimmed, with the empty ones left out.</summary>
        internal static List<string>? Trimmed(string[]? values) => values?.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
    }
}

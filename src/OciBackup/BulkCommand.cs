using System;
using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// What every cmdlet that runs one operation over items piped in shares (backing up, copying, restoring,
    /// deleting): the parameters of the run, and its course. The work is the engine's <see cref="BulkRun"/>: this checks what applies
    /// to every item before anything is sent, checks each item as it comes, asks ShouldProcess, feeds the run, writes
    /// what it reports on the pipeline thread and, on Ctrl+C, says what had been sent.
    /// </summary>
    public abstract class BulkCommand : RetryingOciCmdlet
    {
        private PipelineBulkRun? _run;

        /// <summary><para type="description">Wait until each result is done: AVAILABLE for what is made, TERMINATED for what is deleted.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">With -Wait: how long each result may take, as a TimeSpan or a number of seconds.</para></summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

        /// <summary><para type="description">How many calls run at once.</para></summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = 16;

        /// <summary>
        /// <para type="description">The region the item is in, when it is not the session's own: piped objects of this module say theirs. Without it, the region in the item's OCID when the session serves it, else the session's.</para>
        /// </summary>
        // No [ValidateNotNullOrEmpty]: a piped object whose Region is empty (one read through a session given an
        // endpoint and no region) must still bind; empty means "not known".
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary><para type="description">Do not ask for confirmation (-WhatIf still only shows what would happen).</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The id of the item being processed, as bound.</summary>
        internal abstract string ItemId { get; }

        /// <summary>The compartment the item is in, when the piped object says it (bound by property name, so checked per item).</summary>
        internal virtual string? ItemCompartmentId => null;

        /// <summary>The operation the parameters ask for, with every problem found in them (nothing is run when there is one).</summary>
        internal abstract BulkOperation CreateOperation(List<InputProblem> problems);

        /// <summary>What is wrong with this item that the service need not be asked about, beyond its id; null when nothing is.</summary>
        internal virtual InputProblem? CheckItem(BulkItem item) => null;

        /// <summary>The key retry tokens are derived from (-RunKey), for commands whose calls make something.</summary>
        internal virtual string? RunKeyValue => null;

        /// <summary>False for a command that writes nothing (a deletion): each result is told in -Verbose only.</summary>
        internal virtual bool WritesResults => true;

        /// <summary>Why this item is acted on, when the piped object says so (a retention rule): told by ShouldProcess and -Verbose.</summary>
        internal virtual string? ItemReason => null;

        protected override void BeginProcessing()
        {
            var problems = new List<InputProblem>();
            var operation = CreateOperation(problems);
            if (problems.Count > 0)
            {
                ThrowTerminatingError(InputErrors.Record(problems[0], problems[0].Value ?? problems[0].Field));
            }

            _run = new PipelineBulkRun(this, ActiveSession, operation, new BulkRunOptions
            {
                ThrottleLimit = ThrottleLimit,
                RunKey = RunKeyValue,
                Wait = Wait,
                WaitTimeout = Timeout,
                Call = PacedCallOptions,
            }, WritesResults);
        }

        protected override void ProcessRecord()
        {
            var run = _run!;
            var id = ItemId;
            var item = new BulkItem(id, Blank(Region) ?? ActiveSession.Clients.Endpoints.RegionOf(id), Blank(ItemCompartmentId));
            var problem = run.Run.Operation.ItemKind.CheckId(id)
                ?? (item.CompartmentId == null ? null : InputRules.CheckOcid("compartmentId", item.CompartmentId, "compartment", "tenancy"))
                ?? CheckItem(item);
            run.Offer(item, problem, Force, Blank(ItemReason));
        }

        protected override void EndProcessing() => _run!.Finish();

        /// <summary>Ctrl+C: every call and wait stops at once, then what had been sent is said.</summary>
        protected override void StopProcessing()
        {
            base.StopProcessing();
            _run?.Stop();
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}

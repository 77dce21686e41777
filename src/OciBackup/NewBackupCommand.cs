using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// The parameters and binding the two create cmdlets share. The work is the engine's <see cref="BulkRun"/> of a
    /// <see cref="CreateBackupOperation"/>: this validates each piped item before anything is sent, asks
    /// ShouldProcess, feeds the run and writes what it reports on the pipeline thread.
    /// </summary>
    public abstract class NewBackupCommand : RetryingOciCmdlet
    {
        private BulkRun? _run;
        private BulkReporter? _reporter;

        /// <summary><para type="description">A name for the backup (1 to 255 characters). The service picks one when omitted.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        /// <summary><para type="description">Full or Incremental. The service's default is Incremental.</para></summary>
        // A string, not the engine's enum: an enum-typed field would make PowerShell load the engine while it
        // scans the cmdlets, before the engine's private load context is in place.
        [Parameter]
        [ValidateSet("Full", "Incremental", IgnoreCase = true)]
        [ArgumentCompleter(typeof(Completion.BackupTypeCompleter))]
        public string? Type { get; set; }

        /// <summary>The -Type as the engine's enum, or null for the service's default.</summary>
        internal BackupType? BackupTypeValue => Type == null ? (BackupType?)null : string.Equals(Type, "Full", StringComparison.OrdinalIgnoreCase) ? BackupType.Full : BackupType.Incremental;

        /// <summary><para type="description">Freeform tags: @{ key = 'value' }.</para></summary>
        [Parameter]
        [Alias("FreeformTags")]
        public IDictionary? FreeformTag { get; set; }

        /// <summary><para type="description">Defined tags: @{ Namespace = @{ key = 'value' } }.</para></summary>
        [Parameter]
        [Alias("DefinedTags")]
        public IDictionary? DefinedTag { get; set; }

        /// <summary><para type="description">Wait until each backup is AVAILABLE before writing it.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">With -Wait: how long each backup may take, as a TimeSpan or a number of seconds.</para></summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

        /// <summary><para type="description">How many creates run at once.</para></summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = 16;

        /// <summary>
        /// <para type="description">Derive each item's retry token from this key and the item, so that re-running the same job within 24 hours never makes a second backup of an item already done.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 512)]
        public string? RunKey { get; set; }

        /// <summary>
        /// <para type="description">The region the item is in, when it is not the session's own: piped volumes and volume groups say theirs. Without it, the region in the item's OCID when the session serves it, else the session's.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary><para type="description">Do not ask for confirmation (-WhatIf still only shows what would happen).</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The kind of backup this cmdlet makes; everything else about the kind is the engine's.</summary>
        internal abstract BackupKind Kind { get; }

        /// <summary>The id of the item being processed, as bound.</summary>
        internal abstract string ItemId { get; }

        protected override void BeginProcessing()
        {
            var details = new BackupDetails { DisplayName = DisplayName, Type = BackupTypeValue };
            var problems = new List<InputProblem>();
            var name = InputRules.CheckName("displayName", DisplayName);
            if (name != null)
            {
                problems.Add(name);
            }

            details.FreeformTags = TagConversion.Freeform(FreeformTag, problems);
            details.DefinedTags = TagConversion.Defined(DefinedTag, problems);
            problems.AddRange(InputRules.CheckFreeformTags(details.FreeformTags));
            problems.AddRange(InputRules.CheckDefinedTags(details.DefinedTags));
            problems.AddRange(CompleteDetails(details));
            if (problems.Count > 0)
            {
                ThrowTerminatingError(InputErrors.Record(problems[0], problems[0].Value ?? problems[0].Field));
            }

            var session = ActiveSession;
            var operation = new CreateBackupOperation(Kind, details);
            _reporter = new BulkReporter(Queue, operation, id => _run?.Written(id));
            _run = new BulkRun(session, operation, new BulkRunOptions
            {
                ThrottleLimit = ThrottleLimit,
                RunKey = RunKey,
                Wait = Wait,
                WaitTimeout = Timeout,
                Call = CallOptions,
                CancellationToken = StopToken,
            }, _reporter);
        }

        protected override void ProcessRecord()
        {
            var run = _run!;
            var id = ItemId;
            var problem = run.Operation.ItemKind.CheckId(id);
            if (problem != null)
            {
                WriteError(InputErrors.Record(problem, id));
                Queue.RunPosted(this);
                return;
            }

            // -Force skips a confirmation prompt, never -WhatIf.
            if (!(Force && !WhatIfRequested()) && !ShouldProcess($"{run.Operation.ItemKind.TypeName} {id}", run.Operation.Action))
            {
                return;
            }

            var item = new BulkItem(id, Region ?? ActiveSession.Clients.Endpoints.RegionOf(id));
            var token = run.Submit(item);
            WriteVerbose(run.Operation.DescribeStart(item, token));
            Queue.RunPosted(this);
        }

        protected override void EndProcessing()
        {
            var run = _run!;
            try
            {
                Queue.RunUntil(run.CompleteAsync(), this, StopToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _reporter!.Complete(this, run.Waits);
            var progress = run.Progress;
            WriteVerbose($"{progress.Succeeded} of {progress.Submitted} backups created, {progress.Failed} failed.");
        }

        /// <summary>Ctrl+C: the run cancels every call and wait at once, then this says what had been sent, so none is silently lost.</summary>
        protected override void StopProcessing()
        {
            base.StopProcessing();
            var report = _run?.Stop(TimeSpan.FromMilliseconds(500));
            if (report == null || report.IsEmpty)
            {
                return;
            }

            try
            {
                Host.UI.WriteWarningLine(report.Message);
            }
            catch (Exception ex) when (ex is PipelineStoppedException || ex is InvalidOperationException || ex is NotImplementedException)
            {
                // A host that cannot write any more.
            }
        }

        /// <summary>Adds what only this kind of backup takes (a key, a compartment) to the details, with any problem in it.</summary>
        internal virtual IEnumerable<InputProblem> CompleteDetails(BackupDetails details) => Array.Empty<InputProblem>();

        private bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) && whatIf is SwitchParameter on)
            {
                return on.IsPresent;
            }

            return GetVariableValue("WhatIfPreference") is SwitchParameter preference ? preference.IsPresent : GetVariableValue("WhatIfPreference") is bool flag && flag;
        }
    }
}

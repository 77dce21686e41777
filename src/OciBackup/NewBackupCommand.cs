using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;

namespace OciBackup
{
    /// <summary>
    /// The shared body of the create cmdlets: validate each piped item before anything is sent, ask
    /// ShouldProcess on the pipeline thread, create many items concurrently (up to -ThrottleLimit) with
    /// one retry token per item, optionally wait for each to become AVAILABLE, and write every
    /// result, error and progress record on the pipeline thread. A failed item never stops the rest.
    /// </summary>
    public abstract class NewBackupCommand : RetryingOciCmdlet
    {
        private const int CreateActivityId = 70;
        private readonly List<Task> _work = new List<Task>();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _inFlight = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _unwritten = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly List<InputProblem> _commonProblems = new List<InputProblem>();
        private AdaptiveConcurrencyLimiter? _limiter;
        private OciCallOptions? _createCall;
        private BackupWaiter? _waiter;
        private WaitReporter? _waitReporter;
        private Task? _waiting;
        private int _submitted;
        private int _created;
        private int _failed;

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

        /// <summary><para type="description">Do not ask for confirmation (-WhatIf still only shows what would happen).</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Volume or VolumeGroup: the resource kind, for messages and ErrorIds.</summary>
        internal abstract string ResourceKind { get; }

        internal abstract string Operation { get; }

        /// <summary>The id of the item being processed, as bound.</summary>
        internal abstract string ItemId { get; }

        internal abstract BackupKind BackupKind { get; }

        protected override void BeginProcessing()
        {
            _commonProblems.AddRange(CheckCommonParameters());
            if (_commonProblems.Count > 0)
            {
                var problem = _commonProblems[0];
                ThrowTerminatingError(InputErrors.Record(problem, problem.Value ?? problem.Field));
            }

            _ = ActiveSession;
            // Starts at -ThrottleLimit; halves when the service answers 429 and grows back as calls succeed.
            _limiter = new AdaptiveConcurrencyLimiter(1, ThrottleLimit, ThrottleLimit);
            _createCall = new OciCallOptions
            {
                Trace = CallOptions.Trace,
                RetryPolicy = CallOptions.RetryPolicy,
                RetryObserver = new ThrottleFeedbackObserver(_limiter, CallOptions.RetryObserver),
            };
            if (Wait)
            {
                _waitReporter = new WaitReporter(Queue, BackupLifecycleState.Available, Accounted);
                _waiter = new BackupWaiter(ActiveSession.Blockstorage, new BackupWaiterOptions { TargetState = BackupLifecycleState.Available, Timeout = Timeout, Call = CallOptions }, _waitReporter);
                _waiting = _waiter.RunAsync(StopToken);
            }
        }

        protected override void ProcessRecord()
        {
            var id = ItemId;
            var problems = CheckItem(id);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    WriteError(InputErrors.Record(problem, id));
                }

                Queue.RunPosted(this);
                return;
            }

            // -Force skips a confirmation prompt, never -WhatIf.
            if (!(Force && !WhatIfRequested()) && !ShouldProcess(DescribeTarget(id), "Create " + DescribeAction()))
            {
                return;
            }

            var token = RunKey == null ? RetryTokens.New() : RetryTokens.Derive(RunKey, Operation, id);
            _submitted++;
            WriteVerbose($"Creating {DescribeAction()} for {ResourceKind.ToLowerInvariant()} {id} (retry token {token}).");
            lock (_work)
            {
                _work.Add(CreateOneAsync(id, token));
            }
            Queue.RunPosted(this);
        }

        protected override void EndProcessing()
        {
            Task creates;
            lock (_work)
            {
                creates = Task.WhenAll(_work);
            }

            Task all = creates;
            if (_waiter != null && _waiting != null)
            {
                var waiter = _waiter;
                var waiting = _waiting;
                all = creates.ContinueWith(_ => waiter.Complete(), TaskScheduler.Default).ContinueWith(_ => waiting, TaskScheduler.Default).Unwrap();
            }

            try
            {
                Queue.RunUntil(all, this, StopToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            WriteProgress(new ProgressRecord(CreateActivityId, $"Creating {ResourceKind.ToLowerInvariant()} backups", "Done") { RecordType = ProgressRecordType.Completed });
            _waitReporter?.Complete(this);
            WriteVerbose($"{_created} of {_submitted} backups created, {_failed} failed.");
        }

        /// <summary>Problems with parameters that apply to every item (name, tags): these stop the command before anything is sent.</summary>
        internal virtual IEnumerable<InputProblem> CheckCommonParameters()
        {
            var problems = new List<InputProblem>();
            var name = InputRules.CheckName("displayName", DisplayName);
            if (name != null)
            {
                problems.Add(name);
            }

            var freeform = TagConversion.Freeform(FreeformTag, problems);
            var defined = TagConversion.Defined(DefinedTag, problems);
            problems.AddRange(InputRules.CheckFreeformTags(freeform));
            problems.AddRange(InputRules.CheckDefinedTags(defined));
            FreeformTags = freeform;
            DefinedTags = defined;
            return problems;
        }

        internal Dictionary<string, string>? FreeformTags { get; private set; }

        internal Dictionary<string, Dictionary<string, object>>? DefinedTags { get; private set; }

        /// <summary>The service's name of the id field (<c>volumeId</c>) and the OCID type it must have (<c>volume</c>).</summary>
        internal abstract string IdField { get; }

        internal abstract string IdType { get; }

        internal List<InputProblem> CheckItem(string id)
        {
            var problems = new List<InputProblem>();
            var problem = InputRules.CheckOcid(IdField, id, IdType);
            if (problem != null)
            {
                problems.Add(problem);
            }

            return problems;
        }

        internal abstract Task<OciResult<BackupResource>> CreateAsync(string id, string retryToken, OciCallOptions call, CancellationToken cancellationToken);

        private string DescribeAction() =>
            (BackupTypeValue == null ? "a" : BackupTypeValue == BackupType.Full ? "a full" : "an incremental") + " backup" + (DisplayName == null ? string.Empty : $" '{DisplayName}'");

        private string DescribeTarget(string id) => $"{ResourceKind} {id}";

        private bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) && whatIf is SwitchParameter on)
            {
                return on.IsPresent;
            }

            return GetVariableValue("WhatIfPreference") is SwitchParameter preference ? preference.IsPresent : GetVariableValue("WhatIfPreference") is bool flag && flag;
        }

        private async Task CreateOneAsync(string id, string token)
        {
            IDisposable lease;
            try
            {
                lease = await _limiter!.AcquireAsync(StopToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            _inFlight[id] = true;
            try
            {
                var result = await CreateAsync(id, token, _createCall!, StopToken).ConfigureAwait(false);
                _limiter.OnSuccess();
                var backup = result.Value;
                _unwritten[backup.Id] = id;
                _inFlight.TryRemove(id, out _);
                Interlocked.Increment(ref _created);
                var message = $"Created backup {backup.Id} of {id} ({backup.LifecycleState}) in {clock.ElapsedMilliseconds} ms; opc-request-id {result.Response.OpcRequestId}.";
                if (_waiter != null)
                {
                    _waiter.Add(new WaitTarget(backup.Id, BackupKind, backup.CompartmentId, backup.TimeRequestReceived ?? backup.TimeCreated, id));
                    Queue.Post(cmdlet => cmdlet.WriteVerbose(message));
                }
                else
                {
                    Queue.Post(cmdlet =>
                    {
                        cmdlet.WriteVerbose(message);
                        cmdlet.WriteObject(backup);
                        _unwritten.TryRemove(backup.Id, out _);
                    });
                }
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                // Ctrl+C: the pipeline is stopping and nothing more can be written.
            }
            catch (Exception ex)
            {
                _inFlight.TryRemove(id, out _);
                Interlocked.Increment(ref _failed);
                var record = ServiceErrorRecords.From(ex, id, ResourceKind);
                Queue.Post(cmdlet => cmdlet.WriteError(record));
            }
            finally
            {
                lease.Dispose();
                PostProgress();
            }
        }

        /// <summary>The backup a wait wrote (or failed): it is accounted for.</summary>
        internal void Accounted(string backupId) => _unwritten.TryRemove(backupId, out _);

        /// <summary>
        /// Ctrl+C: cancel every create and wait at once, then say which creates had been sent, so none is
        /// silently lost (their backups may exist; the same -RunKey picks them up again without duplicates).
        /// </summary>
        protected override void StopProcessing()
        {
            base.StopProcessing();
            Task[] work;
            lock (_work)
            {
                work = _work.ToArray();
            }

            try
            {
                Task.WaitAll(work, TimeSpan.FromMilliseconds(500));
            }
            catch (AggregateException)
            {
                // Cancelled creates: expected.
            }

            var created = _unwritten.ToArray();
            var pending = _inFlight.Keys.ToArray();
            if (created.Length == 0 && pending.Length == 0)
            {
                return;
            }

            var text = new System.Text.StringBuilder("Stopped.");
            if (created.Length > 0)
            {
                text.Append($" {created.Length} backup(s) were created but not written: ").Append(List(created.Select(c => $"{c.Key} (of {c.Value})"))).Append('.');
            }

            if (pending.Length > 0)
            {
                text.Append($" {pending.Length} create(s) had been sent without an answer and may have made a backup: ").Append(List(pending)).Append('.');
            }

            text.Append(RunKey == null
                ? " Find them with Invoke-OciRestMethod /20160918/volumeBackups, or use -RunKey next time so a re-run picks them up without duplicates."
                : $" Re-run with -RunKey '{RunKey}' within 24 hours to get them without duplicates.");
            try
            {
                Host.UI.WriteWarningLine(text.ToString());
            }
            catch (Exception ex) when (ex is PipelineStoppedException || ex is InvalidOperationException || ex is NotImplementedException)
            {
                // A host that cannot write any more.
            }
        }

        private static string List(IEnumerable<string> items)
        {
            var all = items.ToList();
            return all.Count <= 50 ? string.Join(", ", all) : string.Join(", ", all.Take(50)) + $", … ({all.Count - 50} more)";
        }

        private void PostProgress()
        {
            var created = Volatile.Read(ref _created);
            var failed = Volatile.Read(ref _failed);
            var submitted = _submitted;
            var record = new ProgressRecord(CreateActivityId, $"Creating {ResourceKind.ToLowerInvariant()} backups", $"{created} created, {failed} failed, {submitted} requested")
            {
                PercentComplete = submitted == 0 ? 0 : Math.Min(100, (created + failed) * 100 / submitted),
            };
            Queue.Post(cmdlet => cmdlet.WriteProgress(record));
        }
    }
}

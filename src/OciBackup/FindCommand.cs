using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Listing;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// What the four Get- cmdlets share: two ways to find (ids from the pipeline, or a compartment and, with -Recurse,
    /// those below it), the conditions every find applies (-DisplayName as a wildcard pattern, -LifecycleState), the
    /// region, and the engine's <see cref="ResourceFinder"/> doing the work while this writes what it finds on the
    /// pipeline thread. Only the by-id parameters take pipeline input, so an object piped in never lists a compartment.
    /// </summary>
    public abstract class FindCommand : OciCmdlet
    {
        internal const string ByIdSet = "ById";
        internal const string ByCompartmentSet = "ByCompartment";

        private readonly List<Task> _work = new List<Task>();
        private ResourceFinder? _finder;
        private ResourceConditions? _conditions;

        /// <summary><para type="description">Also the compartments below -CompartmentId, at every depth (ACTIVE ones).</para></summary>
        [Parameter(ParameterSetName = ByCompartmentSet)]
        [Alias("CompartmentIdInSubtree")]
        public SwitchParameter Recurse { get; set; }

        /// <summary><para type="description">Only those whose display name matches this wildcard pattern (case-insensitive).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? DisplayName { get; set; }

        /// <summary><para type="description">Only those in this lifecycle state.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.LifecycleStateCompleter))]
        public string? LifecycleState { get; set; }

        /// <summary>
        /// <para type="description">The region to look in, when not the session's own. Piped objects say theirs; a piped id is looked for in the region its OCID names when the session serves it.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = ByCompartmentSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>What this cmdlet finds, or finds the backups of.</summary>
        internal abstract ResourceKind Kind { get; }

        /// <summary>The ids piped in or given, as bound.</summary>
        internal abstract string[] Ids { get; }

        /// <summary>The compartment to list, in the by-compartment parameter set.</summary>
        internal abstract string? ListedCompartmentId { get; }

        internal ResourceConditions Conditions => _conditions!;

        internal ResourceFinder Finder => _finder!;

        protected override void BeginProcessing()
        {
            var conditions = new ResourceConditions();
            if (DisplayName != null)
            {
                var pattern = WildcardPattern.Get(DisplayName, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                conditions.DisplayName = name => pattern.IsMatch(name ?? string.Empty);
                conditions.DisplayNameDescription = $"name like '{DisplayName}'";
            }

            if (LifecycleState != null)
            {
                conditions.LifecycleState = ServiceState(LifecycleState);
            }

            var problems = new List<InputProblem>();
            AddConditions(conditions, problems);
            if (ParameterSetName == ByCompartmentSet)
            {
                var compartment = InputRules.CheckOcid("compartmentId", ListedCompartmentId, "compartment", "tenancy");
                if (compartment != null)
                {
                    problems.Add(compartment);
                }
            }

            if (problems.Count > 0)
            {
                ThrowTerminatingError(InputErrors.Record(problems[0], problems[0].Value ?? problems[0].Field));
            }

            if (ParameterSetName == ByCompartmentSet)
            {
                // One region for the whole listing: one the session has no endpoint for stops it before anything is sent.
                try
                {
                    ActiveSession.Clients.Blockstorage(Region);
                }
                catch (OciConfigException ex)
                {
                    ThrowTerminatingError(ConfigErrorRecords.From(ex, Region));
                }
            }

            _conditions = conditions;
            _finder = new ResourceFinder(ActiveSession, ActiveSession.TenancyId, PacedCallOptions, Explain);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByCompartmentSet)
            {
                var compartmentId = ListedCompartmentId!.Trim();
                var what = $"the {Noun}s of compartment {compartmentId}" + (Recurse ? " and the compartments below it" : string.Empty);
                WriteVerbose($"Listing {what} in {ActiveSession.Clients.Endpoints.Normalize(Region) ?? "the session's region"}" + Described(Conditions) + ".");
                Track(ListAsync(compartmentId, Recurse, Region), compartmentId, "Compartment");
            }
            else
            {
                foreach (var raw in Ids)
                {
                    var id = raw.Trim();
                    var problem = CheckId(id);
                    if (problem != null)
                    {
                        WriteError(InputErrors.Record(problem, raw));
                        continue;
                    }

                    var region = Region ?? ActiveSession.Clients.Endpoints.RegionOf(id);
                    try
                    {
                        ActiveSession.Clients.Blockstorage(region);
                    }
                    catch (OciConfigException ex)
                    {
                        WriteError(ConfigErrorRecords.From(ex, raw));
                        continue;
                    }

                    var (task, errorNoun) = FindByIdAsync(id, region);
                    Track(task, raw, errorNoun);
                }
            }

            Queue.RunPosted(this);
        }

        protected override void EndProcessing()
        {
            Task[] work;
            lock (_work)
            {
                work = _work.ToArray();
            }

            try
            {
                Queue.RunUntil(Task.WhenAll(work), this, StopToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                _finder?.Dispose();
            }
        }

        /// <summary>What the nouns of messages call what is written: <c>volume</c>, <c>volume backup</c>.</summary>
        internal virtual string Noun => Kind.Noun;

        /// <summary>Adds this cmdlet's own conditions (tags, a domain) and any problem in them.</summary>
        internal virtual void AddConditions(ResourceConditions conditions, List<InputProblem> problems)
        {
        }

        /// <summary>Null when <paramref name="id"/> is something this cmdlet looks up.</summary>
        internal virtual InputProblem? CheckId(string id) => Kind.CheckId(id);

        /// <summary>Lists the compartment (and those below it), handing each compartment's finds to <see cref="Found"/>.</summary>
        internal abstract Task ListAsync(string compartmentId, bool subtree, string? region);

        /// <summary>Looks up one id; what it finds goes to <see cref="Found"/>. The noun names a 404 in its ErrorId.</summary>
        internal virtual (Task Work, string ErrorNoun) FindByIdAsync(string id, string? region) => (GetAsync(id, region), Kind.ErrorNoun);

        /// <summary>Writes what was found (from any thread: it is queued for the pipeline thread).</summary>
        internal void Found(IReadOnlyList<ILifecycleResource> resources)
        {
            if (resources.Count == 0)
            {
                return;
            }

            Queue.Post(cmdlet =>
            {
                foreach (var resource in resources)
                {
                    cmdlet.WriteObject(resource);
                }
            });
        }

        /// <summary>A lifecycle state as the service spells it, however the user wrote it (Available, update_pending, UPDATE_PENDING).</summary>
        private string ServiceState(string typed)
        {
            var key = typed.Trim().Replace("_", string.Empty);
            var state = Kind.Lifecycle.All.FirstOrDefault(s => Same(s, key));
            if (state == null)
            {
                var problem = new InputProblem("lifecycleState", typed, $"'{typed}' is not a lifecycle state of a {Noun}; use {string.Join(", ", Kind.Lifecycle.All)}.");
                ThrowTerminatingError(InputErrors.Record(problem, typed));
            }

            return state!;
        }

        private static bool Same(string state, string typedWithoutUnderscores) =>
            string.Equals(state.Replace("_", string.Empty), typedWithoutUnderscores, StringComparison.OrdinalIgnoreCase);

        private static string Described(ResourceConditions conditions)
        {
            var described = conditions.Describe();
            return described.Length == 0 ? string.Empty : ", " + described;
        }

        private void Explain(string text) => Queue.Post(cmdlet => cmdlet.WriteVerbose(text));

        private async Task GetAsync(string id, string? region)
        {
            var found = await Finder.GetAsync(Kind, id, region, Conditions, StopToken).ConfigureAwait(false);
            if (found != null)
            {
                Found(new[] { found });
            }
        }

        /// <summary>Keeps the work for EndProcessing, and reports its failure against <paramref name="target"/>.</summary>
        private void Track(Task work, object target, string errorNoun)
        {
            var reported = work.ContinueWith(done =>
            {
                if (done.IsFaulted)
                {
                    var record = ServiceErrorRecords.From(done.Exception!.GetBaseException(), target, errorNoun);
                    Queue.Post(cmdlet => cmdlet.WriteError(record));
                }
            }, System.Threading.CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            lock (_work)
            {
                _work.Add(reported);
            }
        }
    }
}

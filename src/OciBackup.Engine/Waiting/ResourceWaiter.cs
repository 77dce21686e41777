using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Waiting
{
    /// <summary>
    /// Waits for many resources (backups, volumes, of any kind and region) to reach a lifecycle state, fed one target
    /// at a time while it runs. Each resource is polled at most once per its poll interval, and where several pending
    /// resources share a kind, region and compartment one list sweep answers them all when that takes fewer requests
    /// than a get each. <see cref="Add"/> and <see cref="Complete"/> may be called from any thread while
    /// <see cref="RunAsync"/> runs.
    /// </summary>
    internal sealed class ResourceWaiter
    {
        // Below this a timer's resolution turns a sleep into a spin.
        private static readonly TimeSpan ShortestSleep = TimeSpan.FromMilliseconds(1);

        private readonly IServiceClients _clients;
        private readonly IWaitObserver _observer;
        private readonly string _targetState;
        private readonly TimeSpan? _timeout;
        private readonly IClock _clock;
        private readonly IDelay _delay;
        private readonly PollIntervals _intervals;
        private readonly TimeSpan? _expectedDuration;
        private readonly int _maxConcurrentRequests;
        private readonly bool _useLists;
        private readonly int _listPageSize;
        private readonly TimeSpan _listCutoffMargin;
        private readonly OciCallOptions? _call;

        private readonly object _gate = new object();
        private readonly Dictionary<string, TrackedResource> _tracked = new Dictionary<string, TrackedResource>(StringComparer.Ordinal);
        private readonly List<TrackedResource> _pending = new List<TrackedResource>();
        private readonly Dictionary<string, CompartmentListing> _listings = new Dictionary<string, CompartmentListing>(StringComparer.Ordinal);
        private readonly Dictionary<ResourceKind, ObservedDurations> _durations = new Dictionary<ResourceKind, ObservedDurations>();
        private readonly Dictionary<string, Dictionary<string, int>> _compartmentsSeen = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        private TaskCompletionSource<bool> _wake = NewWake();
        private int _total;
        private int _done;
        private bool _completed;
        private bool _started;

        public ResourceWaiter(IServiceClients clients, ResourceWaiterOptions options, IWaitObserver observer)
        {
            _clients = clients ?? throw new ArgumentNullException(nameof(clients));
            _observer = observer ?? throw new ArgumentNullException(nameof(observer));
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (string.IsNullOrEmpty(options.TargetState))
            {
                throw new ArgumentException("Wait for a lifecycle state.", nameof(options));
            }

            if (options.Timeout <= TimeSpan.Zero && options.Timeout != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentException("The timeout must be positive (or infinite).", nameof(options));
            }

            if (options.MaxConcurrentRequests < 1)
            {
                throw new ArgumentException("At least one request must be allowed at a time.", nameof(options));
            }

            if (options.ListPageSize < 1 || options.ListPageSize > 1000)
            {
                throw new ArgumentException("A list page holds 1 to 1000 items.", nameof(options));
            }

            if (options.ListCutoffMargin < TimeSpan.Zero)
            {
                throw new ArgumentException("The list cutoff margin must not be negative.", nameof(options));
            }

            if (options.ExpectedDuration is TimeSpan expected && expected <= TimeSpan.Zero)
            {
                throw new ArgumentException("The expected duration must be positive.", nameof(options));
            }

            _targetState = options.TargetState.ToUpperInvariant();
            _timeout = options.Timeout == Timeout.InfiniteTimeSpan ? (TimeSpan?)null : options.Timeout;
            _clock = options.Clock ?? throw new ArgumentException("A clock is required.", nameof(options));
            _delay = options.Delay ?? throw new ArgumentException("A delay is required.", nameof(options));
            _intervals = new PollIntervals(options.MinPollInterval, options.MaxPollInterval);
            _expectedDuration = options.ExpectedDuration;
            _maxConcurrentRequests = options.MaxConcurrentRequests;
            _useLists = options.UseListOperations;
            _listPageSize = options.ListPageSize;
            _listCutoffMargin = options.ListCutoffMargin;
            // A poll is retried by the next round, which honours Retry-After itself: retrying inside the
            // client as well would hold a whole round up behind one slow call.
            _call = new OciCallOptions
            {
                Trace = options.Call?.Trace,
                RetryObserver = options.Call?.RetryObserver,
                RetryPolicy = RetryPolicy.None,
                Pacer = options.Call?.Pacer,
            };
        }

        /// <summary>The targets with no outcome yet, in the order they were added: after a cancelled run, the ones to report as not waited for.</summary>
        public IReadOnlyList<WaitTarget> PendingTargets
        {
            get
            {
                lock (_gate)
                {
                    return _pending.OrderBy(t => t.AddedAt).SelectMany(t => t.Targets).ToList();
                }
            }
        }

        /// <summary>Starts watching a resource (thread-safe; any time before <see cref="Complete"/>). One added twice is polled once and reported to both targets.</summary>
        public void Add(WaitTarget target)
        {
            if (target == null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            var wanted = target.State ?? _targetState;
            if (!target.Kind.Lifecycle.Knows(wanted))
            {
                throw new ArgumentException($"A {target.Kind.Noun} never is {wanted}; it is one of {string.Join(", ", target.Kind.Lifecycle.All)}.", nameof(target));
            }

            TargetOutcome? known = null;
            TaskCompletionSource<bool> wake;
            lock (_gate)
            {
                if (_completed)
                {
                    throw new InvalidOperationException("Complete() was called: no more targets can be added.");
                }

                var now = _clock.UtcNow;
                _total++;
                var key = Key(target.Kind, target.Region, target.Id);
                if (_tracked.TryGetValue(key, out var tracked))
                {
                    if (tracked.IsFinished)
                    {
                        _done++;
                        known = TargetOutcome.Of(target, tracked);
                    }
                    else
                    {
                        tracked.Targets.Add(target);
                    }
                }
                else
                {
                    tracked = new TrackedResource(target, now, DeadlineFrom(now), agedFromRequest: !target.Kind.Lifecycle.IsDeletion(_targetState));
                    if (target.CompartmentId != null)
                    {
                        SeenIn(target.Kind, target.Region, target.CompartmentId);
                    }

                    // A resource just requested cannot be done yet; one of unknown age may have been done for hours.
                    if ((target.TimeRequestReceived.HasValue || target.RequestedJustNow) && tracked.Start + _intervals.Min > now)
                    {
                        tracked.NextPollAt = Earliest(tracked.Start + _intervals.Min, tracked.Deadline);
                    }

                    _tracked.Add(key, tracked);
                    _pending.Add(tracked);
                }

                wake = _wake;
            }

            known?.TellTo(_observer);
            wake.TrySetResult(true);
        }

        /// <summary>No more targets will come: <see cref="RunAsync"/> ends when the ones added are done.</summary>
        public void Complete()
        {
            TaskCompletionSource<bool> wake;
            lock (_gate)
            {
                _completed = true;
                // Lists held back while targets were coming go when their resources are due again.
                foreach (var held in _pending.Where(t => t.DueBeforeHold.HasValue))
                {
                    held.NextPollAt = held.DueBeforeHold!.Value;
                    held.DueBeforeHold = null;
                }

                wake = _wake;
            }

            wake.TrySetResult(true);
        }

        /// <summary>
        /// Polls until <see cref="Complete"/> was called and every target reached the state or failed.
        /// Cancelling stops every request and delay and throws <see cref="OperationCanceledException"/>;
        /// nothing is left running once the task has ended.
        /// </summary>
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_started)
                {
                    throw new InvalidOperationException("A waiter runs once.");
                }

                _started = true;
            }

            using var requestSlots = new SemaphoreSlim(_maxConcurrentRequests, _maxConcurrentRequests);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Task wake;
                PollRound? round;
                TimeSpan? sleep = null;
                lock (_gate)
                {
                    // A fresh signal before looking: an Add from now on wakes the sleep below.
                    _wake = NewWake();
                    wake = _wake.Task;
                    if (_completed && _pending.Count == 0)
                    {
                        return;
                    }

                    var now = _clock.UtcNow;
                    round = PlanRound(now);
                    if (round == null && _pending.Count > 0)
                    {
                        var next = _pending.Min(t => t.NextPollAt) - now;
                        sleep = next < ShortestSleep ? ShortestSleep : next;
                    }
                }

                if (round != null)
                {
                    await PollAsync(round, requestSlots, cancellationToken).ConfigureAwait(false);
                    if (!round.HeldBack)
                    {
                        // A round that held resources back for a probe's answer goes on at once: the next is the same round.
                        EndRound();
                    }
                }
                else
                {
                    await SleepAsync(sleep, wake, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private static TaskCompletionSource<bool> NewWake() =>
            new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static string Key(ResourceKind kind, string? region, string id) => kind.OcidType + "|" + region + "|" + id;

        private static DateTimeOffset Earliest(DateTimeOffset time, DateTimeOffset? deadline) =>
            deadline is DateTimeOffset end && end < time ? end : time;

        private static bool PastCutoff(IReadOnlyList<ILifecycleResource> page, DateTimeOffset? cutoff)
        {
            if (cutoff == null || page.Count == 0)
            {
                return false;
            }

            var last = page[page.Count - 1];
            var created = last.TimeCreated ?? last.TimeRequested;
            return created.HasValue && created.Value < cutoff.Value;
        }

        private static string Duration(TimeSpan span) =>
            span.TotalHours >= 1
                ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
                : span.TotalMinutes >= 1
                    ? span.ToString(@"m\:ss", CultureInfo.InvariantCulture) + " min"
                    : span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

        private DateTimeOffset? DeadlineFrom(DateTimeOffset now)
        {
            if (_timeout is TimeSpan timeout && DateTimeOffset.MaxValue - now > timeout)
            {
                return now + timeout;
            }

            return null;
        }

        /// <summary>
        /// Decides which due resources a list sweep answers and which get a get. Null when nothing is due. Under the lock.
        /// Resources known by id alone (no compartment yet) are listed with their kind's most common compartment in
        /// their region, where ids fed in together usually live; while no compartment of theirs is known, one of them
        /// is got first to find one, and the rest wait for the round after (<see cref="PollRound.HeldBack"/>).
        /// </summary>
        private PollRound? PlanRound(DateTimeOffset now)
        {
            var due = new HashSet<TrackedResource>(_pending.Where(t => t.NextPollAt <= now));
            if (due.Count == 0)
            {
                return null;
            }

            var round = new PollRound();
            if (_useLists)
            {
                var groups = new Dictionary<string, SweepGroup>(StringComparer.Ordinal);
                foreach (var member in _pending.Where(t => t.CompartmentId != null && !t.MissedByList && t.Kind.CanList))
                {
                    GroupFor(groups, member.Kind, member.Region, member.CompartmentId!).Members.Add(member);
                }

                // Strangers, due or not, join the list of the compartment their kind most likely lives in (a list pays off
                // only for two or more: a lone resource is one get either way). Kinds read one by one are never listed.
                foreach (var strangers in _pending.Where(t => t.CompartmentId == null && !t.MissedByList && t.Kind.CanList).GroupBy(t => Key(t.Kind, t.Region, string.Empty)).ToList())
                {
                    var first = strangers.First();
                    var host = LikeliestCompartment(first.Kind, first.Region);
                    if (host == null)
                    {
                        var dueStrangers = strangers.Where(due.Contains).ToList();
                        if (dueStrangers.Count > 1)
                        {
                            var probe = dueStrangers.OrderBy(t => t.AddedAt).First();
                            foreach (var stranger in dueStrangers.Where(t => t != probe))
                            {
                                due.Remove(stranger);
                                round.HeldBack = true;
                            }
                        }

                        continue;
                    }

                    GroupFor(groups, first.Kind, first.Region, host).Guests.AddRange(strangers);
                }

                foreach (var group in groups.Values)
                {
                    var pending = group.Members.Concat(group.Guests).ToList();
                    var dueHere = pending.Where(due.Contains).ToList();
                    if (pending.Count < 2 || dueHere.Count == 0)
                    {
                        continue;
                    }

                    if (!_listings.TryGetValue(group.Key, out var history))
                    {
                        history = new CompartmentListing();
                        _listings.Add(group.Key, history);
                    }

                    if (history.Disabled)
                    {
                        continue;
                    }

                    // While targets are still coming (a bulk run still sending), a list of many pages comes at most once
                    // per its pages' worth of poll intervals, and what falls due in between waits for it rather than
                    // going as gets: either would take the place of the run's own calls under the service's rate limit,
                    // and nothing waits for these results before the run is done. Once no more are coming, the list goes
                    // as soon as one is due, so the last are seen at once.
                    var nextSweep = history.LastSwept + TimeSpan.FromTicks(_intervals.Min.Ticks * history.EstimatedPages);
                    if (!_completed && nextSweep > now && dueHere.All(t => t.Deadline == null || t.Deadline > nextSweep))
                    {
                        foreach (var resource in dueHere)
                        {
                            resource.DueBeforeHold ??= resource.NextPollAt;
                            resource.NextPollAt = nextSweep.Value;
                            due.Remove(resource);
                        }

                        continue;
                    }

                    // Never more pages than the gets they replace.
                    if (history.EstimatedPages > dueHere.Count)
                    {
                        continue;
                    }

                    history.LastSwept = now;

                    DateTimeOffset? cutoff = null;
                    if (group.Kind.ListsNewestFirst && pending.All(t => t.CreatedAt.HasValue))
                    {
                        cutoff = pending.Min(t => t.CreatedAt!.Value) - _listCutoffMargin;
                    }

                    round.Sweeps.Add(new ListingSweep(history, group.Kind, group.Region, group.CompartmentId, pending, dueHere, cutoff));
                    due.ExceptWith(dueHere);
                }
            }

            round.Gets.AddRange(due);
            return round.Sweeps.Count == 0 && round.Gets.Count == 0 && !round.HeldBack ? null : round;
        }

        private static SweepGroup GroupFor(Dictionary<string, SweepGroup> groups, ResourceKind kind, string? region, string compartmentId)
        {
            var key = Key(kind, region, compartmentId);
            if (!groups.TryGetValue(key, out var group))
            {
                group = new SweepGroup(key, kind, region, compartmentId);
                groups.Add(key, group);
            }

            return group;
        }

        /// <summary>Under the lock: the compartment most resources of this kind and region were seen in, or null.</summary>
        private string? LikeliestCompartment(ResourceKind kind, string? region) =>
            _compartmentsSeen.TryGetValue(Key(kind, region, string.Empty), out var counts)
                ? counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).First().Key
                : null;

        /// <summary>Under the lock: one more resource of this kind and region lives in this compartment.</summary>
        private void SeenIn(ResourceKind kind, string? region, string compartmentId)
        {
            var key = Key(kind, region, string.Empty);
            if (!_compartmentsSeen.TryGetValue(key, out var counts))
            {
                counts = new Dictionary<string, int>(StringComparer.Ordinal);
                _compartmentsSeen.Add(key, counts);
            }

            counts.TryGetValue(compartmentId, out var count);
            counts[compartmentId] = count + 1;
        }

        private Task PollAsync(PollRound round, SemaphoreSlim requestSlots, CancellationToken cancellationToken)
        {
            var requests = new List<Task>(round.Sweeps.Count + round.Gets.Count);
            requests.AddRange(round.Sweeps.Select(sweep => SweepAsync(sweep, requestSlots, cancellationToken)));
            requests.AddRange(round.Gets.Select(resource => GetAsync(resource, requestSlots, cancellationToken)));
            return Task.WhenAll(requests);
        }

        private async Task GetAsync(TrackedResource resource, SemaphoreSlim requestSlots, CancellationToken cancellationToken)
        {
            await requestSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            ILifecycleResource answer;
            try
            {
                answer = (await resource.Kind.GetAsync(_clients, resource.Region, resource.Id, resource.CompartmentId, cancellationToken, _call).ConfigureAwait(false)).Value;
            }
            catch (Exception error) when (error is OciServiceException || error is OciTransportException)
            {
                Tell(Failed(resource, error));
                return;
            }
            finally
            {
                requestSlots.Release();
            }

            Tell(Observed(resource, answer));
        }

        private async Task SweepAsync(ListingSweep sweep, SemaphoreSlim requestSlots, CancellationToken cancellationToken)
        {
            string? page = null;
            var pages = 0;
            var complete = false;
            Exception? failure = null;
            while (true)
            {
                IReadOnlyList<ILifecycleResource> items;
                string? nextPage;
                await requestSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var result = await sweep.Kind.ListNewestFirstAsync(_clients, sweep.Region, sweep.CompartmentId, _listPageSize, page, cancellationToken, _call).ConfigureAwait(false);
                    items = result.Value;
                    nextPage = result.Response.NextPage;
                }
                catch (Exception error) when (error is OciServiceException || error is OciTransportException)
                {
                    failure = error;
                    break;
                }
                finally
                {
                    requestSlots.Release();
                }

                pages++;
                var outcomes = new List<TargetOutcome>();
                foreach (var item in items)
                {
                    if (item?.Id != null && sweep.Unseen.TryGetValue(item.Id, out var resource))
                    {
                        sweep.Unseen.Remove(item.Id);
                        sweep.DueUnseen.Remove(item.Id);
                        outcomes.AddRange(Observed(resource, item));
                    }
                }

                Tell(outcomes);
                if (sweep.Unseen.Count == 0 || nextPage == null || PastCutoff(items, sweep.Cutoff))
                {
                    complete = true;
                    break;
                }

                if (pages >= sweep.PageBudget)
                {
                    break;
                }

                page = nextPage;
            }

            var transient = failure != null && PollErrors.IsTransient(failure);
            lock (_gate)
            {
                if (failure == null)
                {
                    sweep.History.ConsecutiveFailures = 0;
                    sweep.History.EstimatedPages = complete ? pages : pages + 1;
                    if (complete)
                    {
                        foreach (var missed in sweep.DueUnseen.Values)
                        {
                            missed.MissedByList = true;
                        }
                    }
                }
                else if (PollErrors.IsThrottled(failure))
                {
                    // The due ones wait for the next round, after the Retry-After. Gets instead would only be more
                    // requests against the same limit, so being throttled never counts as the list failing.
                }
                else if (transient)
                {
                    // The due ones wait for the next round like any failed poll; a list that keeps failing gives way to gets.
                    sweep.History.ConsecutiveFailures++;
                    sweep.History.Disabled = sweep.History.ConsecutiveFailures >= CompartmentListing.FailuresBeforeGetsOnly;
                }
                else
                {
                    sweep.History.Disabled = true;
                }
            }

            if (transient)
            {
                foreach (var resource in sweep.DueUnseen.Values)
                {
                    Tell(Failed(resource, failure!));
                }

                return;
            }

            await Task.WhenAll(sweep.DueUnseen.Values.Select(resource => GetAsync(resource, requestSlots, cancellationToken))).ConfigureAwait(false);
        }

        /// <summary>Judges an answer: reached, failed for good, or polled again later.</summary>
        private List<TargetOutcome> Observed(TrackedResource resource, ILifecycleResource answer)
        {
            lock (_gate)
            {
                if (resource.IsFinished)
                {
                    return new List<TargetOutcome>();
                }

                var now = _clock.UtcNow;
                var knownIn = resource.CompartmentId;
                resource.See(answer);
                if (resource.CompartmentId != null && resource.CompartmentId != knownIn)
                {
                    SeenIn(resource.Kind, resource.Region, resource.CompartmentId);
                }

                var wanted = WantedBy(resource);
                switch (resource.Kind.Lifecycle.Judge(wanted, answer.LifecycleState))
                {
                    case StateVerdict.Reached:
                        if (resource.SeenPending)
                        {
                            DurationsOf(resource.Kind).Record(now - resource.Start);
                        }

                        resource.Reach(resource.Kind.Delivered(answer));
                        return Finished(resource);
                    case StateVerdict.Faulty:
                        var reason = resource.Kind.FailureReason(answer);
                        return Fail(resource, new WaitFailure(WaitFailureKind.Faulty,
                            $"{resource.Description} is {answer.LifecycleState}: it will never become {wanted}." + (string.IsNullOrEmpty(reason) ? string.Empty : $" The service says: {reason}"), answer));
                    case StateVerdict.Terminated:
                        return Fail(resource, new WaitFailure(WaitFailureKind.Terminated,
                            $"{resource.Description} is {answer.LifecycleState}: it will never become {wanted}.", answer));
                    default:
                        resource.SeenPending = true;
                        Reschedule(resource, now, null);
                        return new List<TargetOutcome>();
                }
            }
        }

        /// <summary>
        /// A poll that failed: a missing resource (unless deletion is what is waited for) or a refusal ends the
        /// target; a transient failure is tried again next round.
        /// </summary>
        private List<TargetOutcome> Failed(TrackedResource resource, Exception error)
        {
            lock (_gate)
            {
                if (resource.IsFinished)
                {
                    return new List<TargetOutcome>();
                }

                if (PollErrors.IsNotFound(error))
                {
                    // Deleted resources leave the service's lists and answer 404 after a while: as good as TERMINATED.
                    if (resource.Kind.Lifecycle.HasDeletion && string.Equals(WantedBy(resource), resource.Kind.Lifecycle.Deleted, StringComparison.OrdinalIgnoreCase))
                    {
                        resource.Reach(resource.Kind.Gone(resource.Id, resource.Region, resource.LastSeen));
                        return Finished(resource);
                    }

                    return Fail(resource, new WaitFailure(WaitFailureKind.NotFound,
                        $"{resource.Description} was not found: it does not exist, or this user may not read it. {error.Message}", resource.LastSeen, error));
                }

                if (PollErrors.IsTransient(error))
                {
                    resource.LastError = error;
                    Reschedule(resource, _clock.UtcNow, PollErrors.RetryAfter(error));
                    return new List<TargetOutcome>();
                }

                return Fail(resource, new WaitFailure(WaitFailureKind.Error,
                    $"Polling {resource.Description} failed: {error.Message}", resource.LastSeen, error));
            }
        }

        /// <summary>Fails the targets whose time is up, then reports progress.</summary>
        private void EndRound()
        {
            var outcomes = new List<TargetOutcome>();
            WaitProgress progress;
            lock (_gate)
            {
                var now = _clock.UtcNow;
                foreach (var resource in _pending.Where(t => t.Deadline <= now).ToList())
                {
                    outcomes.AddRange(Fail(resource, new WaitFailure(WaitFailureKind.TimedOut, TimedOutMessage(resource), resource.LastSeen, resource.LastError)));
                }

                var slowest = _pending.OrderBy(t => t.AddedAt).FirstOrDefault();
                progress = slowest == null
                    ? new WaitProgress(_done, _total, null, TimeSpan.Zero, null)
                    : new WaitProgress(_done, _total, slowest.Targets[0], now - slowest.AddedAt, slowest.LastSeen?.LifecycleState);
            }

            Tell(outcomes);
            _observer.OnProgress(progress);
        }

        private string TimedOutMessage(TrackedResource resource)
        {
            var limit = Duration(_timeout ?? TimeSpan.Zero);
            var where = resource.LastSeen != null
                ? $"it was still {resource.LastSeen.LifecycleState}"
                : "it was never seen";
            var error = resource.LastError != null ? $" (last poll failed: {resource.LastError.Message})" : string.Empty;
            return $"{resource.Description} did not become {WantedBy(resource)} within {limit}: {where}{error}.";
        }

        /// <summary>The state a resource is waited for in: its targets', else the waiter's.</summary>
        private string WantedBy(TrackedResource resource) => resource.WantedState ?? _targetState;

        private void Reschedule(TrackedResource resource, DateTimeOffset now, TimeSpan? atLeast)
        {
            var interval = _intervals.Next(now - resource.Start, DurationsOf(resource.Kind).Median ?? _expectedDuration);
            if (atLeast is TimeSpan retryAfter && retryAfter > interval)
            {
                interval = retryAfter;
            }

            resource.NextPollAt = Earliest(now + interval, resource.Deadline);
            resource.DueBeforeHold = null;
        }

        /// <summary>Under the lock.</summary>
        private ObservedDurations DurationsOf(ResourceKind kind)
        {
            if (!_durations.TryGetValue(kind, out var durations))
            {
                durations = new ObservedDurations();
                _durations.Add(kind, durations);
            }

            return durations;
        }

        private List<TargetOutcome> Fail(TrackedResource resource, WaitFailure failure)
        {
            resource.Fail(failure);
            return Finished(resource);
        }

        /// <summary>Under the lock: the resource leaves the pending set, every target naming it gets its one outcome.</summary>
        private List<TargetOutcome> Finished(TrackedResource resource)
        {
            _pending.Remove(resource);
            _done += resource.Targets.Count;
            return resource.Targets.Select(target => TargetOutcome.Of(target, resource)).ToList();
        }

        private void Tell(List<TargetOutcome> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                outcome.TellTo(_observer);
            }
        }

        private async Task SleepAsync(TimeSpan? delay, Task wake, CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = stop.Token.Register(() => stopped.TrySetCanceled());
            var sleeping = delay.HasValue ? _delay.DelayAsync(delay.Value, stop.Token) : stopped.Task;
            await Task.WhenAny(sleeping, wake, stopped.Task).ConfigureAwait(false);
            stop.Cancel();
            try
            {
                await sleeping.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Woken early, or cancelled: the check below tells which.
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Waiting;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// One bulk run of one operation over items fed in while it runs: calls at once up to a limit that halves on
    /// 429 and grows back (pacing), a retry token per item (fresh, or derived from a run key), the calls in flight
    /// and the results not yet written (so Ctrl+C can say what may have been done), and an optional wait for every
    /// result. Everything it has to say goes to an <see cref="IBulkObserver"/>; it never writes anything itself.
    /// <see cref="Submit"/>, <see cref="Written"/> and <see cref="Stop"/> may be called from any thread.
    /// </summary>
    internal sealed class BulkRun
    {
        private readonly IServiceClients _clients;
        private readonly BulkOperation _operation;
        private readonly IBulkObserver _observer;
        private readonly IClock _clock;
        private readonly CancellationTokenSource _stop;
        private readonly CancellationToken _token;
        private readonly AdaptiveConcurrencyLimiter _limiter;
        private readonly OciCallOptions _call;
        private readonly ResourceWaiter? _waiter;
        private readonly Task? _waiting;
        private readonly List<Task> _work = new List<Task>();
        private readonly ConcurrentDictionary<long, BulkItem> _inFlight = new ConcurrentDictionary<long, BulkItem>();
        private readonly ConcurrentDictionary<string, string> _unwritten = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private long _calls;
        private int _submitted;
        private int _succeeded;
        private int _failed;
        private bool _completed;

        public BulkRun(IServiceClients clients, BulkOperation operation, BulkRunOptions options, IBulkObserver observer)
        {
            _clients = clients ?? throw new ArgumentNullException(nameof(clients));
            _operation = operation ?? throw new ArgumentNullException(nameof(operation));
            _observer = observer ?? throw new ArgumentNullException(nameof(observer));
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (options.ThrottleLimit < 1)
            {
                throw new ArgumentException("At least one call must be allowed at a time.", nameof(options));
            }

            RunKey = options.RunKey;
            _clock = options.Clock;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
            _token = _stop.Token;
            _limiter = new AdaptiveConcurrencyLimiter(1, options.ThrottleLimit, options.ThrottleLimit, options.Clock, AdaptiveConcurrencyLimiter.DefaultDecreaseCooldown);
            _call = new OciCallOptions
            {
                Trace = options.Call.Trace,
                RetryPolicy = options.Call.RetryPolicy,
                RetryObserver = new ThrottleFeedbackObserver(_limiter, options.Call.RetryObserver, ratePaced: options.Call.Pacer != null),
                Pacer = options.Call.Pacer,
            };
            if (options.Wait)
            {
                var wait = options.WaitOptions.Copy();
                wait.TargetState = operation.WaitState;
                wait.Timeout = options.WaitTimeout;
                wait.Call = options.Call;
                _waiter = new ResourceWaiter(clients, wait, observer);
                _waiting = _waiter.RunAsync(_token);
            }
        }

        public BulkOperation Operation => _operation;

        public string? RunKey { get; }

        public bool Waits => _waiter != null;

        public BulkProgress Progress => new BulkProgress(Volatile.Read(ref _submitted), Volatile.Read(ref _succeeded), Volatile.Read(ref _failed));

        /// <summary>Calls allowed at once right now (lowered by 429s).</summary>
        public int ConcurrencyLimit => _limiter.CurrentLimit;

        /// <summary>Starts the operation for one more item and returns its retry token (null when the operation takes none).</summary>
        public string? Submit(BulkItem item)
        {
            if (item == null)
            {
                throw new ArgumentNullException(nameof(item));
            }

            var token = !_operation.TakesRetryToken ? null
                : RunKey == null ? RetryTokens.New()
                : RetryTokens.Derive(RunKey, _operation.RetryTokenScope, item.Id);
            lock (_work)
            {
                if (_completed)
                {
                    throw new InvalidOperationException("CompleteAsync() was called: no more items can be submitted.");
                }

                _submitted++;
                _work.Add(RunOneAsync(item, token));
            }

            return token;
        }

        /// <summary>No more items will come: completes when every call has been answered and every result waited for.</summary>
        public async Task CompleteAsync()
        {
            Task[] work;
            lock (_work)
            {
                _completed = true;
                work = _work.ToArray();
            }

            try
            {
                await Task.WhenAll(work).ConfigureAwait(false);
            }
            finally
            {
                _waiter?.Complete();
            }

            if (_waiting != null)
            {
                await _waiting.ConfigureAwait(false);
            }
        }

        /// <summary>The caller wrote this result (or its failure): Ctrl+C need not mention it any more.</summary>
        public void Written(string resultId) => _unwritten.TryRemove(resultId, out _);

        /// <summary>
        /// Ctrl+C: cancels every call and the wait at once, gives them <paramref name="grace"/> to wind down, and
        /// says what was done but never written and which calls went out without an answer.
        /// </summary>
        public BulkStopReport Stop(TimeSpan grace)
        {
            _stop.Cancel();
            Task[] running;
            lock (_work)
            {
                running = _waiting == null ? _work.ToArray() : _work.Concat(new[] { _waiting }).ToArray();
            }

            try
            {
                Task.WaitAll(running, grace);
            }
            catch (AggregateException)
            {
                // Cancelled calls and a cancelled wait: expected.
            }

            var doneNotWritten = _unwritten.OrderBy(pair => pair.Value, StringComparer.Ordinal).ThenBy(pair => pair.Key, StringComparer.Ordinal).ToList();
            var unanswered = _inFlight.OrderBy(pair => pair.Key).Select(pair => pair.Value.Id).ToList();
            return new BulkStopReport(_operation, RunKey, doneNotWritten, unanswered);
        }

        private async Task RunOneAsync(BulkItem item, string? retryToken)
        {
            IDisposable lease;
            try
            {
                lease = await _limiter.AcquireAsync(_token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var call = Interlocked.Increment(ref _calls);
            var started = _clock.UtcNow;
            _inFlight[call] = item;
            try
            {
                var result = await _operation.RunAsync(_clients, item, retryToken, _token, _call).ConfigureAwait(false);
                _limiter.OnSuccess();
                result.Elapsed = _clock.UtcNow - started;
                // A result already there (a replayed create, a backup already gone) needs no wait.
                var waitKind = result.WaitKind ?? _operation.ResultKind;
                var waitState = result.WaitState ?? _operation.WaitState;
                result.WaitFollows = _waiter != null
                    && !(result.Resource != null && waitKind.Lifecycle.Judge(waitState, result.Resource.LifecycleState) == StateVerdict.Reached);
                _unwritten[result.ResultId] = item.Id;
                _inFlight.TryRemove(call, out _);
                Interlocked.Increment(ref _succeeded);
                if (result.WaitFollows)
                {
                    _waiter!.Add(new WaitTarget(result.ResultId, waitKind, result.Resource?.CompartmentId ?? item.CompartmentId,
                        result.Resource?.TimeRequested, item.Id, _operation.ResultRegion(item), result.WaitState, requestedJustNow: true));
                }

                _observer.OnItemDone(result);
            }
            catch (OperationCanceledException) when (_token.IsCancellationRequested)
            {
                // Stopping: the call stays in flight for Stop's report, since it may have reached the service.
            }
            catch (Exception error)
            {
                _inFlight.TryRemove(call, out _);
                Interlocked.Increment(ref _failed);
                _observer.OnItemFailed(item, error);
            }
            finally
            {
                lease.Dispose();
                _observer.OnRunProgress(Progress);
            }
        }
    }
}

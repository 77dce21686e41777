using System;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// Keeps a token-based provider's credentials current: hands out the current ones until their renewal time,
    /// then renews them, once, however many requests ask at the same moment; and renews once more when the service
    /// rejects the current ones (a 401), unless another request already has. Renewal failures reach every waiting
    /// request; the next request tries again. While a token has not actually expired, a failed early renewal
    /// leaves it in use.
    /// </summary>
    internal sealed class CredentialRenewal : IDisposable
    {
        private readonly Func<CancellationToken, Task<IssuedCredentials>> _issue;
        private readonly IClock _clock;
        private readonly object _gate = new object();
        private readonly CancellationTokenSource _lifetime = new CancellationTokenSource();
        private IssuedCredentials? _current;
        private Task<IssuedCredentials>? _renewing;
        private int _renewals;

        /// <param name="issue">Obtains new credentials (reads files, calls the federation endpoint); called by one caller at a time.</param>
        public CredentialRenewal(Func<CancellationToken, Task<IssuedCredentials>> issue, IClock clock)
        {
            _issue = issue ?? throw new ArgumentNullException(nameof(issue));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        }

        /// <summary>How many times new credentials were asked for (the first included).</summary>
        public int Renewals => Volatile.Read(ref _renewals);

        /// <summary>The credentials in use, or null before the first were issued.</summary>
        public IssuedCredentials? Current => Volatile.Read(ref _current);

        public async Task<RequestCredentials> GetAsync(CancellationToken cancellationToken)
        {
            var current = Current;
            if (current != null && _clock.UtcNow < current.RenewAt)
            {
                return current.Credentials;
            }

            try
            {
                return (await RenewAsync(current, cancellationToken).ConfigureAwait(false)).Credentials;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && current != null && !current.IsExpiredAt(_clock.UtcNow))
            {
                // An early renewal failed: the token still works for a while, and the next request tries again.
                return current.Credentials;
            }
        }

        /// <summary>After a 401 to <paramref name="rejected"/>: true once newer credentials are current.</summary>
        public async Task<bool> RenewAfterRejectionAsync(RequestCredentials rejected, CancellationToken cancellationToken)
        {
            var current = Current;
            if (current != null && !ReferenceEquals(current.Credentials, rejected))
            {
                return true;
            }

            await RenewAsync(current, cancellationToken).ConfigureAwait(false);
            return true;
        }

        public void Dispose()
        {
            _lifetime.Cancel();
            _lifetime.Dispose();
        }

        private Task<IssuedCredentials> RenewAsync(IssuedCredentials? seen, CancellationToken cancellationToken)
        {
            TaskCompletionSource<IssuedCredentials>? started = null;
            Task<IssuedCredentials> renewal;
            lock (_gate)
            {
                if (_current != null && !ReferenceEquals(_current, seen) && _clock.UtcNow < _current.RenewAt)
                {
                    // Renewed by another request since this one looked.
                    return Task.FromResult(_current);
                }

                if (_renewing == null)
                {
                    started = new TaskCompletionSource<IssuedCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _renewing = started.Task;
                    _renewals++;
                }

                renewal = _renewing;
            }

            if (started != null)
            {
                _ = IssueAsync(started);
            }

            return WaitAsync(renewal, cancellationToken);
        }

        // Runs apart from any one caller's cancellation: other requests may be waiting for the same renewal.
        private async Task IssueAsync(TaskCompletionSource<IssuedCredentials> completion)
        {
            try
            {
                var issued = await _issue(_lifetime.Token).ConfigureAwait(false);
                lock (_gate)
                {
                    _current = issued;
                    _renewing = null;
                }

                completion.TrySetResult(issued);
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    _renewing = null;
                }

                completion.TrySetException(ex);
            }
        }

        private static async Task<IssuedCredentials> WaitAsync(Task<IssuedCredentials> renewal, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || renewal.IsCompleted)
            {
                return await renewal.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(renewal, cancelled.Task).ConfigureAwait(false) != renewal)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await renewal.ConfigureAwait(false);
        }

        public override string ToString() => $"credential renewal ({Renewals} renewals)";
    }
}

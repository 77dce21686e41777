using System;

namespace OciBackup.Engine.Auth
{
    /// <summary>Credentials built around a token that expires, with the time to renew them.</summary>
    internal sealed class IssuedCredentials
    {
        /// <summary>Renew at most this long before the token expires (Oracle's Python SDK renews a minute early).</summary>
        public static readonly TimeSpan MaxRenewalMargin = TimeSpan.FromSeconds(60);

        /// <summary>Never renew sooner than this after a token was issued, however short-lived or skewed it looks.</summary>
        public static readonly TimeSpan MinUse = TimeSpan.FromSeconds(1);

        /// <param name="issuedAt">When the token was obtained, by the client's clock.</param>
        /// <param name="expiresAt">The token's <c>exp</c> claim; null when it has none (then it is renewed only after a 401).</param>
        public IssuedCredentials(RequestCredentials credentials, DateTimeOffset issuedAt, DateTimeOffset? expiresAt)
        {
            Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            IssuedAt = issuedAt;
            ExpiresAt = expiresAt;
            RenewAt = RenewalTime(issuedAt, expiresAt);
        }

        public RequestCredentials Credentials { get; }

        public DateTimeOffset IssuedAt { get; }

        public DateTimeOffset? ExpiresAt { get; }

        /// <summary>When to renew: a tenth of the token's life before it ends, at most a minute, at least <see cref="MinUse"/> after issue.</summary>
        public DateTimeOffset RenewAt { get; }

        public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is DateTimeOffset expires && now >= expires;

        /// <remarks>
        /// A fixed margin suits OCI's 20-minute tokens but would renew a token that lives a few seconds on every
        /// request (and so would one that looks already expired because the clocks disagree), hence the share of
        /// the life and the floor: renewals stay bounded by the run's length over the token's life.
        /// </remarks>
        private static DateTimeOffset RenewalTime(DateTimeOffset issuedAt, DateTimeOffset? expiresAt)
        {
            if (!(expiresAt is DateTimeOffset expires))
            {
                return DateTimeOffset.MaxValue;
            }

            var life = expires - issuedAt;
            var margin = TimeSpan.FromTicks(Math.Min(MaxRenewalMargin.Ticks, Math.Max(0, life.Ticks / 10)));
            var renewAt = expires - margin;
            var earliest = issuedAt + MinUse;
            return renewAt > earliest ? renewAt : earliest;
        }

        public override string ToString() => ExpiresAt is DateTimeOffset expires ? $"credentials expiring {expires:u}" : "credentials without expiry";
    }
}

using System;

namespace OciBackup.Engine.Http
{
    /// <summary>One request's turn from a <see cref="RequestPacer"/>: how it got it, and when it could go.</summary>
    internal readonly struct PacedTurn
    {
        public PacedTurn(PacedTurnKind kind, DateTimeOffset grantedAt)
        {
            Kind = kind;
            GrantedAt = grantedAt;
        }

        public PacedTurnKind Kind { get; }

        /// <summary>When the request could go: a 429 to a request let go before the pace was last lowered says nothing of the new pace.</summary>
        public DateTimeOffset GrantedAt { get; }
    }
}

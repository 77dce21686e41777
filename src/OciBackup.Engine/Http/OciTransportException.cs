using System;

namespace OciBackup.Engine.Http
{
    /// <summary>No response came back: a timeout or a failed or dropped connection. A create may or may not have happened.</summary>
    public sealed class OciTransportException : Exception
    {
        internal OciTransportException(OciTransportErrorKind kind, string message)
            : base(message)
        {
            Kind = kind;
        }

        public OciTransportErrorKind Kind { get; }

        /// <summary>How many attempts the call made before this failure ended it (1 when it was not retried).</summary>
        public int Attempts { get; internal set; } = 1;

        public override string Message => Attempts > 1 ? $"{base.Message} (gave up after {Attempts} attempts)" : base.Message;

        public override string ToString() => $"{GetType().FullName} ({Kind}): {Message}";
    }
}

using System;

namespace OciBackup.Engine.Http
{
    /// <summary>No response came back: a timeout or a failed or dropped connection. A create may or may not have happened.</summary>
    public sealed class OciTransportException : Exception
    {
        public OciTransportException(OciTransportErrorKind kind, string message)
            : base(message)
        {
            Kind = kind;
        }

        public OciTransportErrorKind Kind { get; }

        public override string ToString() => $"{GetType().FullName} ({Kind}): {Message}";
    }
}

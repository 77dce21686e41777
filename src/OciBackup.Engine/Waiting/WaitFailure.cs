using System;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Waiting
{
    /// <summary>Why a target will not reach the state: the kind, a sentence a person can act on, the last state seen and the error, if any.</summary>
    internal sealed class WaitFailure
    {
        public WaitFailure(WaitFailureKind kind, string message, ILifecycleResource? lastSeen = null, Exception? error = null)
        {
            Kind = kind;
            Message = message;
            LastSeen = lastSeen;
            Error = error;
        }

        public WaitFailureKind Kind { get; }

        public string Message { get; }

        public ILifecycleResource? LastSeen { get; }

        public Exception? Error { get; }

        public override string ToString() => $"{Kind}: {Message}";
    }
}

using System;

namespace OciBackup.Engine.Emulator
{
    /// <summary>A problem starting, reaching or stopping the local emulator, with what the user can do about it.</summary>
    public sealed class OciEmulatorException : Exception
    {
        internal OciEmulatorException(OciEmulatorErrorKind kind, string message, string recommendedAction, string? target = null, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            RecommendedAction = recommendedAction;
            Target = target;
        }

        public OciEmulatorErrorKind Kind { get; }

        /// <summary>What the user can do about it, in one or two sentences.</summary>
        public string RecommendedAction { get; }

        /// <summary>What the problem is about: a dotnet host path, the emulator's URL, a file.</summary>
        public string? Target { get; }

        public override string ToString() => $"{GetType().FullName} ({Kind}): {Message}";
    }
}

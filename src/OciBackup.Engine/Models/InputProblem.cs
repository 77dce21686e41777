namespace OciBackup.Engine.Models
{
    /// <summary>One reason an input cannot be sent: which field, the offending value (never a secret), and what is expected.</summary>
    internal sealed class InputProblem
    {
        public InputProblem(string field, string? value, string message)
        {
            Field = field;
            Value = value;
            Message = message;
        }

        /// <summary>The service's field name (volumeId, displayName, freeformTags, ...).</summary>
        public string Field { get; }

        public string? Value { get; }

        public string Message { get; }

        public override string ToString() => Message;
    }
}

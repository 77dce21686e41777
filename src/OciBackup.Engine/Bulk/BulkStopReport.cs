using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// What a stopped bulk run leaves behind, so none of it is silently lost: results made but never reported, and
    /// calls sent without an answer that may have taken effect, with what to do about them.
    /// </summary>
    internal sealed class BulkStopReport
    {
        private const int ListedAtMost = 50;

        public BulkStopReport(BulkOperation operation, string? runKey, IReadOnlyList<KeyValuePair<string, string>> doneNotWritten, IReadOnlyList<string> sentWithoutAnswer)
        {
            Operation = operation;
            RunKey = runKey;
            DoneNotWritten = doneNotWritten;
            SentWithoutAnswer = sentWithoutAnswer;
        }

        public BulkOperation Operation { get; }

        public string? RunKey { get; }

        /// <summary>Result id → the item it is of, for each result made but not written.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> DoneNotWritten { get; }

        /// <summary>The items whose call was sent and never answered.</summary>
        public IReadOnlyList<string> SentWithoutAnswer { get; }

        public bool IsEmpty => DoneNotWritten.Count == 0 && SentWithoutAnswer.Count == 0;

        /// <summary>The warning a person reads after Ctrl+C; empty when nothing was left behind.</summary>
        public string Message
        {
            get
            {
                if (IsEmpty)
                {
                    return string.Empty;
                }

                var text = new StringBuilder("Stopped.");
                if (DoneNotWritten.Count > 0)
                {
                    text.Append($" {DoneNotWritten.Count} {Operation.ResultNoun}(s) were {Operation.DoneVerb} but not written: ")
                        .Append(List(DoneNotWritten.Select(pair => pair.Key == pair.Value ? pair.Key : $"{pair.Key} (of {pair.Value})")))
                        .Append('.');
                }

                if (SentWithoutAnswer.Count > 0)
                {
                    text.Append($" {SentWithoutAnswer.Count} {Operation.CallNoun}(s) had been sent without an answer and {Operation.UnansweredEffect}: ")
                        .Append(List(SentWithoutAnswer))
                        .Append('.');
                }

                return text.Append(' ').Append(Operation.RecoveryHint(RunKey)).ToString();
            }
        }

        public override string ToString() => Message;

        private static string List(IEnumerable<string> items)
        {
            var all = items.ToList();
            return all.Count <= ListedAtMost
                ? string.Join(", ", all)
                : string.Join(", ", all.Take(ListedAtMost)) + $", … ({all.Count - ListedAtMost} more)";
        }
    }
}

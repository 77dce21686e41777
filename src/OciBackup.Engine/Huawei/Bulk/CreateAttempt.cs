using System;
using OciBackup.Engine.Bulk;

namespace OciBackup.Engine.Huawei.Bulk
{
    /// <summary>Where one item's create stands: which attempt, when the first and this one were sent, and the answer last lost.</summary>
    internal sealed class CreateAttempt
    {
        public CreateAttempt(BulkItem item, DateTimeOffset firstSent)
        {
            Item = item;
            FirstSent = firstSent;
            Sent = firstSent;
        }

        public BulkItem Item { get; }

        /// <summary>1 for the first.</summary>
        public int Number { get; set; }

        /// <summary>When the first attempt was sent, by this machine's clock: what "made since the first attempt" is judged from.</summary>
        public DateTimeOffset FirstSent { get; }

        /// <summary>When this attempt was sent.</summary>
        public DateTimeOffset Sent { get; set; }

        /// <summary>Why the last attempt's outcome is unknown; null while no answer was lost.</summary>
        public Exception? Lost { get; set; }
    }
}

using System;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Bulk
{
    /// <summary>What one item's call gave: the resource it made or acted on (null when the service sends none, as for deletes), and how the call went.</summary>
    internal sealed class BulkItemResult
    {
        public BulkItemResult(BulkItem item, string resultId, ILifecycleResource? resource, string? opcRequestId)
        {
            Item = item ?? throw new ArgumentNullException(nameof(item));
            ResultId = resultId ?? throw new ArgumentNullException(nameof(resultId));
            Resource = resource;
            OpcRequestId = opcRequestId;
        }

        public BulkItem Item { get; }

        /// <summary>The OCID of what the call made (a backup, a copy, a volume), or of the item itself when it made nothing.</summary>
        public string ResultId { get; }

        public ILifecycleResource? Resource { get; }

        public string? OpcRequestId { get; }

        /// <summary>How long the call took, retries included.</summary>
        public TimeSpan Elapsed { get; set; }

        /// <summary>The result was there before the call (a copy made earlier): found, not made.</summary>
        public bool Existing { get; set; }

        /// <summary>The run waits for the result to reach its state before it is written.</summary>
        public bool WaitFollows { get; set; }
    }
}

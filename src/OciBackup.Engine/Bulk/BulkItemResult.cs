using System;
using System.Collections.Generic;
using OciBackup.Engine.Kinds;
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

        /// <summary>
        /// What the result is when it is not the operation's result kind, and the state to wait for then: a Huawei VBS
        /// create whose answer was lost is found as its backup, not as the job that made it.
        /// </summary>
        public ResourceKind? WaitKind { get; set; }

        public string? WaitState { get; set; }

        /// <summary>What a person may want to know about how the call went (an answer lost and what was found instead), for -Verbose.</summary>
        public List<string> Notes { get; } = new List<string>();

        /// <summary>What a person must know (a second backup that could not be avoided).</summary>
        public List<string> Warnings { get; } = new List<string>();
    }
}

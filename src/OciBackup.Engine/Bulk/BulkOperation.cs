using System;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Kinds;

namespace OciBackup.Engine.Bulk
{
    /// <summary>
    /// What a bulk run does to each item, and how to tell a person about it: one class per operation (create a
    /// backup, copy one, delete one, restore one), each over the kinds that describe the resources involved.
    /// </summary>
    internal abstract class BulkOperation
    {
        /// <summary>The service call (<c>CreateVolumeBackup</c>).</summary>
        public abstract string Name { get; }

        /// <summary>What the items are (volumes for a create; backups for a copy).</summary>
        public abstract ResourceKind ItemKind { get; }

        /// <summary>What the calls make or act on, and what a wait waits for.</summary>
        public abstract ResourceKind ResultKind { get; }

        /// <summary>Whether each call carries an opc-retry-token (creates, copies and restores do; deletes need none).</summary>
        public virtual bool TakesRetryToken => true;

        /// <summary>
        /// What a run key's tokens are derived from besides the key and the item: two operations that must never
        /// share a token (a copy to Phoenix and one to Frankfurt) must differ here.
        /// </summary>
        public virtual string RetryTokenScope => Name;

        /// <summary>What a result is called in messages: <c>backup</c>.</summary>
        public virtual string ResultNoun => ResultKind.Noun;

        /// <summary>More than one result: <c>backups</c>.</summary>
        public virtual string ResultNounPlural => ResultNoun + "s";

        /// <summary>What ShouldProcess asks about each item: <c>Create a full backup 'nightly'</c>.</summary>
        public abstract string Action { get; }

        /// <summary>The progress bar's activity: <c>Creating volume backups</c>.</summary>
        public abstract string Activity { get; }

        /// <summary>What the call did, in the past tense: <c>created</c>.</summary>
        public abstract string DoneVerb { get; }

        /// <summary>The call as a noun: <c>create</c>.</summary>
        public abstract string CallNoun { get; }

        /// <summary>What a call sent without an answer may still have done: <c>may have made a backup</c>.</summary>
        public abstract string UnansweredEffect { get; }

        /// <summary>The verbose line as an item's call goes out: <c>Creating a full backup for volume ocid1.volume.… (retry token …).</c></summary>
        public abstract string DescribeStart(BulkItem item, string? retryToken);

        /// <summary>What a wait for the results waits for, in the plural (the progress bar's <c>Waiting for backups to be …</c>): the results themselves unless a result is waited as another kind.</summary>
        public virtual string WaitNounPlural => ResultNounPlural;

        /// <summary>The state a wait for the results waits for.</summary>
        public virtual string WaitState => ResultKind.Lifecycle.Ready;

        /// <summary>The region a result lives in, given its item's (a copy's is the destination).</summary>
        public virtual string? ResultRegion(BulkItem item) => item.Region;

        /// <summary>What a person can do after Ctrl+C about calls that may have taken effect.</summary>
        public virtual string RecoveryHint(string? runKey) =>
            runKey == null
                ? $"Find them with Invoke-OciRestMethod {ResultKind.ListPath}, or use -RunKey next time so a re-run picks them up without duplicates."
                : $"Re-run with -RunKey '{runKey}' within 24 hours to get them without duplicates.";

        /// <summary>The response header whose value a done call reports: <c>opc-request-id</c>.</summary>
        public virtual string RequestIdName => "opc-request-id";

        /// <summary>Makes the call for one item, in the item's region, with its retry token (null when the operation takes none).</summary>
        public virtual Task<BulkItemResult> RunAsync(IRegionalClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call) =>
            throw new NotSupportedException($"{Name} is not an OCI operation.");

        /// <summary>Makes the call through the session's clients, whichever cloud: OCI's operations through <see cref="IRegionalClients"/>, another cloud's through its own.</summary>
        public virtual Task<BulkItemResult> RunAsync(IServiceClients clients, BulkItem item, string? retryToken, CancellationToken cancellationToken, OciCallOptions call) =>
            clients is IRegionalClients oci
                ? RunAsync(oci, item, retryToken, cancellationToken, call)
                : throw new ArgumentException($"{Name} runs through an OCI session's clients.", nameof(clients));
    }
}

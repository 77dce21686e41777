using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Kinds
{
    /// <summary>
    /// One kind of OCI resource, described once: what a person calls it, its OCID type and id field, its lifecycle,
    /// and how to read one or a page of them. Everything that lists, waits on or reports resources asks the kind,
    /// never "which kind is this?".
    /// </summary>
    internal abstract class ResourceKind
    {
        protected ResourceKind(string typeName, string noun, string ocidType, string idField, string errorNoun, string listPath, bool listsNewestFirst, LifecycleStates lifecycle)
        {
            TypeName = typeName;
            Noun = noun;
            OcidType = ocidType;
            IdField = idField;
            ErrorNoun = errorNoun;
            ListPath = listPath;
            ListsNewestFirst = listsNewestFirst;
            Lifecycle = lifecycle;
        }

        /// <summary>The API's name of the resource type: <c>VolumeBackup</c>.</summary>
        public string TypeName { get; }

        /// <summary>What a person calls one, in lower case: <c>volume backup</c>.</summary>
        public string Noun { get; }

        /// <summary>The type part of its OCIDs: <c>volumebackup</c> in <c>ocid1.volumebackup.oc1.…</c>.</summary>
        public string OcidType { get; }

        /// <summary>The service's name of a field that holds its id: <c>volumeBackupId</c>.</summary>
        public string IdField { get; }

        /// <summary>Its word in ErrorIds: <c>OciBackup.{ErrorNoun}NotFound</c>.</summary>
        public string ErrorNoun { get; }

        /// <summary>Where its list lives, for a person told to look there: <c>/20160918/volumeBackups</c>.</summary>
        public string ListPath { get; }

        /// <summary>
        /// Whether a list sorted by time created really is newest first across the compartment, so paging can stop
        /// once past a time. Volume lists are grouped by availability domain first, so they are not.
        /// </summary>
        public bool ListsNewestFirst { get; }

        public LifecycleStates Lifecycle { get; }

        /// <summary>How a message names one: <c>Volume backup ocid1.volumebackup.…</c>.</summary>
        public string Describe(string id) => char.ToUpperInvariant(Noun[0]) + Noun.Substring(1) + " " + id;

        /// <summary>Null when <paramref name="id"/> is an OCID of this kind.</summary>
        public InputProblem? CheckId(string? id) => InputRules.CheckOcid(IdField, id, OcidType);

        public bool Owns(string? id) => InputRules.OcidType(id) == OcidType;

        public abstract Task<OciResult<ILifecycleResource>> GetAsync(BlockstorageClient client, string id, CancellationToken cancellationToken, OciCallOptions? call = null);

        /// <summary>One page of a compartment's resources of this kind, sorted by time created, newest first.</summary>
        public abstract Task<OciResult<IReadOnlyList<ILifecycleResource>>> ListNewestFirstAsync(BlockstorageClient client, string compartmentId, int limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null);

        /// <summary>What is known of one that is gone (404 while waiting for its deletion): its id and region, in the deleted state.</summary>
        public abstract ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen);

        public override string ToString() => Noun;

        protected static OciResult<ILifecycleResource> Widen<T>(OciResult<T> result)
            where T : class, ILifecycleResource =>
            new OciResult<ILifecycleResource>(result.Value, result.Response);

        protected static OciResult<IReadOnlyList<ILifecycleResource>> Widen<T>(OciResult<List<T>> result)
            where T : class, ILifecycleResource =>
            new OciResult<IReadOnlyList<ILifecycleResource>>(result.Value, result.Response);
    }
}

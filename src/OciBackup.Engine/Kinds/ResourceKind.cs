using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Kinds
{
    /// <summary>
    /// One kind of resource, described once: what a person calls it, its OCID type and id field, its lifecycle,
    /// and how to read one or a page of them. Everything that lists, waits on or reports resources asks the kind,
    /// never "which kind is this?".
    /// </summary>
    /// <remarks>
    /// Bulk runs and waits read every kind through <see cref="GetAsync(IServiceClients, string, string, string, CancellationToken, OciCallOptions)"/>
    /// and <see cref="ListNewestFirstAsync(IServiceClients, string, string, int, string, CancellationToken, OciCallOptions)"/>, which OCI's
    /// kinds answer with their block storage client and another cloud's kinds override with their own. The OCID-shaped
    /// members (<see cref="OcidType"/>, <see cref="CheckId"/>) are OCI's, used by another cloud as its type name and id rule.
    /// </remarks>
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

        /// <summary>What a person calls its id in advice: <c>OCID</c>.</summary>
        public virtual string IdName => "OCID";

        /// <summary>Whether a page of them can be listed, so that a wait may answer many with one list; false for jobs read one by one.</summary>
        public virtual bool CanList => true;

        /// <summary>Null when <paramref name="id"/> is an OCID of this kind.</summary>
        public virtual InputProblem? CheckId(string? id) => InputRules.CheckOcid(IdField, id, OcidType);

        public virtual bool Owns(string? id) => InputRules.OcidType(id) == OcidType;

        /// <summary>Reads one through OCI's block storage client of its region.</summary>
        public virtual Task<OciResult<ILifecycleResource>> GetAsync(BlockstorageClient client, string id, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            throw new NotSupportedException($"A {Noun} is not read through OCI's block storage.");

        /// <summary>One page of a compartment's resources of this kind, sorted by time created, newest first.</summary>
        public virtual Task<OciResult<IReadOnlyList<ILifecycleResource>>> ListNewestFirstAsync(BlockstorageClient client, string compartmentId, int limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            throw new NotSupportedException($"A {Noun} is not listed through OCI's block storage.");

        /// <summary>
        /// Reads one through the session's clients, in <paramref name="region"/> (null for the session's own).
        /// <paramref name="scopeId"/> is its list scope when known (OCI reads by id alone; an RDS backup is read through its instance).
        /// </summary>
        public virtual Task<OciResult<ILifecycleResource>> GetAsync(IServiceClients clients, string? region, string id, string? scopeId, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            GetAsync(Blockstorage(clients, region), id, cancellationToken, call);

        /// <summary>
        /// One page of the resources of this kind in one list scope (an OCI compartment; for another cloud, whatever its
        /// list is scoped by), newest first where <see cref="ListsNewestFirst"/>.
        /// </summary>
        public virtual Task<OciResult<IReadOnlyList<ILifecycleResource>>> ListNewestFirstAsync(IServiceClients clients, string? region, string scopeId, int limit, string? page, CancellationToken cancellationToken, OciCallOptions? call = null) =>
            ListNewestFirstAsync(Blockstorage(clients, region), scopeId, limit, page, cancellationToken, call);

        /// <summary>What a wait hands over once one has reached its state: itself, or, for a job, what the job made.</summary>
        public virtual ILifecycleResource Delivered(ILifecycleResource reached) => reached;

        /// <summary>Why one failed, when the service says (a job's fail reason), for the error that reports it.</summary>
        public virtual string? FailureReason(ILifecycleResource failed) => null;

        /// <summary>What is known of one that is gone (404 while waiting for its deletion): its id and region, in the deleted state.</summary>
        public abstract ILifecycleResource Gone(string id, string? region, ILifecycleResource? lastSeen);

        public override string ToString() => Noun;

        private static BlockstorageClient Blockstorage(IServiceClients clients, string? region) =>
            clients is IRegionalClients oci ? oci.Blockstorage(region) : throw new ArgumentException("An OCI kind is read through an OCI session's clients.", nameof(clients));

        protected static OciResult<ILifecycleResource> Widen<T>(OciResult<T> result)
            where T : class, ILifecycleResource =>
            new OciResult<ILifecycleResource>(result.Value, result.Response);

        protected static OciResult<IReadOnlyList<ILifecycleResource>> Widen<T>(OciResult<List<T>> result)
            where T : class, ILifecycleResource =>
            new OciResult<IReadOnlyList<ILifecycleResource>>(result.Value, result.Response);
    }
}

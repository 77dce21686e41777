using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Kinds
{
    /// <summary>
    /// A kind of thing backups are made of (volumes, volume groups): listed by compartment with the service's filters,
    /// and read for what the service cannot filter by (freeform tags).
    /// </summary>
    internal abstract class SourceKind : ResourceKind
    {
        protected SourceKind(string typeName, string noun, string ocidType, string idField, string listPath, LifecycleStates lifecycle)
            : base(typeName, noun, ocidType, idField, typeName, listPath, listsNewestFirst: false, lifecycle)
        {
        }

        /// <summary>Block volumes.</summary>
        public static SourceKind Volume => VolumeKind.Instance;

        /// <summary>Volume groups.</summary>
        public static SourceKind VolumeGroup => VolumeGroupKind.Instance;

        /// <summary>Every one of this kind the filter selects in its compartment, all pages read.</summary>
        public abstract Task<IReadOnlyList<ILifecycleResource>> ListAsync(BlockstorageClient client, VolumeFilter filter, CancellationToken cancellationToken, OciCallOptions? call = null);

        /// <summary>The availability domain it is in.</summary>
        public abstract string? AvailabilityDomainOf(ILifecycleResource resource);

        /// <summary>Its freeform tags (case-insensitive keys), or null.</summary>
        public abstract Hashtable? FreeformTagsOf(ILifecycleResource resource);
    }
}

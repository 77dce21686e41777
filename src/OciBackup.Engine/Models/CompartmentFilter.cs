namespace OciBackup.Engine.Models
{
    /// <summary>Which compartments ListCompartments returns.</summary>
    internal sealed class CompartmentFilter
    {
        public CompartmentFilter(string parentId)
        {
            ParentId = parentId;
        }

        /// <summary>The compartment whose children are listed (the tenancy OCID for the top level).</summary>
        public string ParentId { get; }

        /// <summary>The whole tree below instead of the first level; the service allows it only when the parent is the tenancy.</summary>
        public bool WholeSubtree { get; set; }

        /// <summary><c>ANY</c> (the service's default) or <c>ACCESSIBLE</c> (only where the caller may inspect).</summary>
        public string? AccessLevel { get; set; }

        /// <summary>Exact name.</summary>
        public string? Name { get; set; }

        /// <summary>ACTIVE to leave out deleted and deleting ones.</summary>
        public string? LifecycleState { get; set; }
    }
}

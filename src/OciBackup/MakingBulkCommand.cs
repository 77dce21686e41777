using System.Management.Automation;

namespace OciBackup
{
    /// <summary>
    /// A bulk command whose calls make something (a backup, a copy, a restored volume): each call carries a retry
    /// token, which -RunKey derives from the item, so a re-run within 24 hours makes nothing twice. Deletions take none.
    /// </summary>
    public abstract class MakingBulkCommand : BulkCommand
    {
        /// <summary>
        /// <para type="description">Derive each item's retry token from this key and the item, so that re-running the same job within 24 hours never does an item's work twice.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 512)]
        public string? RunKey { get; set; }

        internal override string? RunKeyValue => RunKey;
    }
}

using System.Collections.Generic;

namespace OciBackup.Completion
{
    /// <summary>Completes a backup type (-Type of the create cmdlets): Full or Incremental.</summary>
    public sealed class BackupTypeCompleter : FixedValueCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> ValuesWithToolTips { get; } = new[]
        {
            new KeyValuePair<string, string>("Full", "A complete copy of the volume."),
            new KeyValuePair<string, string>("Incremental", "Only what changed since the last backup (OCI's default)."),
        };
    }
}

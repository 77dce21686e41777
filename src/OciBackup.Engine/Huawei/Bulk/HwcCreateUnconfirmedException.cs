using System;

namespace OciBackup.Engine.Huawei.Bulk
{
    /// <summary>
    /// A Huawei create got no usable answer on any attempt, and the backup it may have made was not found in the time
    /// looked: most likely nothing was made, but a backup that shows up later is possible. Its message says what to look for.
    /// </summary>
    public sealed class HwcCreateUnconfirmedException : Exception
    {
        internal HwcCreateUnconfirmedException(string itemId, string backupName, int attempts, string message, Exception lastError)
            : base(message, lastError)
        {
            ItemId = itemId;
            BackupName = backupName;
            Attempts = attempts;
        }

        /// <summary>The disk or instance backed up.</summary>
        public string ItemId { get; }

        /// <summary>The name the backup was asked for: what to look for.</summary>
        public string BackupName { get; }

        public int Attempts { get; }
    }
}

namespace OciBackup.Engine.Bulk
{
    /// <summary>How a bulk run's calls are going: items submitted, and how many of them succeeded or failed so far.</summary>
    internal sealed class BulkProgress
    {
        public BulkProgress(int submitted, int succeeded, int failed)
        {
            Submitted = submitted;
            Succeeded = succeeded;
            Failed = failed;
        }

        public int Submitted { get; }

        public int Succeeded { get; }

        public int Failed { get; }

        /// <summary>Share of the submitted items that have an answer, 0 to 100.</summary>
        public int PercentComplete => Submitted == 0 ? 0 : System.Math.Min(100, (Succeeded + Failed) * 100 / Submitted);
    }
}

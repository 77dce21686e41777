namespace OciBackup.Engine.Waiting
{
    /// <summary>What one observed state means for a target waiting for another state.</summary>
    internal enum StateVerdict
    {
        Pending,
        Reached,
        Faulty,
        Terminated,
    }
}

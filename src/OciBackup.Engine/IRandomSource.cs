namespace OciBackup.Engine
{
    /// <summary>Random numbers for jitter, injected so retry delays can be tested exactly.</summary>
    internal interface IRandomSource
    {
        /// <summary>A number in [0, 1).</summary>
        double NextDouble();
    }
}

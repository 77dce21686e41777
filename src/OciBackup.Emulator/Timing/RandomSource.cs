namespace OciBackup.Emulator.Timing;

/// <summary>A seeded random source shared across request threads (System.Random is not thread-safe, hence the lock).</summary>
internal sealed class RandomSource
{
    private readonly Random _random;
    private readonly object _gate = new();

    public RandomSource(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>True with probability <paramref name="share"/>; draws nothing when the share is 0 or 1, so an unused fault does not shift the sequence.</summary>
    public bool Chance(double share)
    {
        if (share <= 0)
        {
            return false;
        }

        if (share >= 1)
        {
            return true;
        }

        lock (_gate)
        {
            return _random.NextDouble() < share;
        }
    }

    public double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }

    public void NextBytes(Span<byte> buffer)
    {
        lock (_gate)
        {
            _random.NextBytes(buffer);
        }
    }
}

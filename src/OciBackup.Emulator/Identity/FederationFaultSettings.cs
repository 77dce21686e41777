namespace OciBackup.Emulator.Identity;

/// <summary>
/// Faults of the emulated federation endpoint, drawn per token request from the seeded random source.
/// Immutable: replaced whole, from the command line, <see cref="EmulatorIdentity.FederationFaults"/> or <c>PUT /admin/identity</c>.
/// </summary>
public sealed record FederationFaultSettings
{
    /// <summary>Share of token requests answered 500 InternalServerError.</summary>
    public double ServerErrorShare { get; init; }

    /// <summary>Share of token requests whose connection is cut with no response.</summary>
    public double DropShare { get; init; }

    /// <summary>Share of token requests answered only after <see cref="SlowSeconds"/>.</summary>
    public double SlowShare { get; init; }

    public double SlowSeconds { get; init; } = 30;

    public FederationFaultSettings Validated()
    {
        foreach ((double value, string name) in new[] { (ServerErrorShare, "serverErrorShare"), (DropShare, "dropShare"), (SlowShare, "slowShare") })
        {
            if (!(value >= 0 && value <= 1))
            {
                throw new ArgumentException($"{name} must be between 0 and 1");
            }
        }

        if (ServerErrorShare + DropShare + SlowShare > 1)
        {
            throw new ArgumentException("serverErrorShare + dropShare + slowShare must not exceed 1");
        }

        if (!(SlowSeconds >= 0) || double.IsInfinity(SlowSeconds))
        {
            throw new ArgumentException("slowSeconds must be a finite number of at least 0");
        }

        return this;
    }
}

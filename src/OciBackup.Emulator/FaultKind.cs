namespace OciBackup.Emulator;

/// <summary>The faults the emulator counts, one counter each.</summary>
public enum FaultKind
{
    RateLimited,
    InternalServerError,
    ServiceUnavailable,
    IncorrectState,
    Latency,
    DroppedResponse,
    SlowResponse,
    ClockSkewRejection,
    FaultyBackup,
    ErrorAfterWrite,
}

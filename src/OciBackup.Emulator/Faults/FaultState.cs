namespace OciBackup.Emulator;

/// <summary>Holds the fault settings in force; swapped whole so each request reads one consistent set.</summary>
internal sealed class FaultState
{
    private FaultSettings _current;

    public FaultState(FaultSettings initial)
    {
        _current = initial.Validated();
    }

    public FaultSettings Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value.Validated());
    }
}

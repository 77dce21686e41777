namespace OciBackup.Emulator.CommandLine;

/// <summary>One command-line option: its name, argument placeholder (null for a switch), help text and effect.</summary>
internal sealed record CommandLineOption(string Name, string? Argument, string Help, Action<EmulatorCommandLine, string> Apply)
{
    public bool IsSwitch => Argument is null;
}

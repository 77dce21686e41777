namespace OciBackup.Emulator.Inventory;

/// <summary>The inventory an emulator starts with: the JSON seed file's root object.</summary>
public sealed class EmulatorSeed
{
    public List<SeedCompartment> Compartments { get; set; } = new();
}

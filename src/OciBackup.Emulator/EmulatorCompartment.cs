namespace OciBackup.Emulator;

/// <summary>A compartment of the running emulator's inventory, with the OCIDs scripts and tests need.</summary>
public sealed record EmulatorCompartment(string Name, string Id, IReadOnlyList<string> VolumeIds, IReadOnlyList<string> VolumeGroupIds);

namespace OciBackup.Emulator.Inventory;

/// <summary>A compartment of the tenancy. Compartments are global: every region sees the same tree.</summary>
internal sealed class Compartment
{
    public Compartment(string id, string name, string? parentId, string description, string lifecycleState, DateTimeOffset timeCreated, Tags tags)
    {
        Id = id;
        Name = name;
        ParentId = parentId;
        Description = description;
        LifecycleState = lifecycleState;
        TimeCreated = timeCreated;
        Tags = tags;
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The parent compartment's OCID; null for a compartment directly under the tenancy.</summary>
    public string? ParentId { get; }

    public string Description { get; }

    public string LifecycleState { get; }

    public DateTimeOffset TimeCreated { get; }

    public Tags Tags { get; }
}

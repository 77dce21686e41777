namespace OciBackup.Emulator.Inventory;

/// <summary>
/// A volume created by the API (restored from a backup, or blank): PROVISIONING until <see cref="AvailableAt"/>, then
/// AVAILABLE; a restored volume's data keeps copying in (isHydrated false) until <see cref="HydratedAt"/>.
/// </summary>
internal sealed class ProvisioningTimeline
{
    public ProvisioningTimeline(DateTimeOffset requested, TimeSpan provisioning, TimeSpan hydration)
    {
        Requested = requested;
        AvailableAt = requested + (provisioning < TimeSpan.Zero ? TimeSpan.Zero : provisioning);
        HydratedAt = AvailableAt + (hydration < TimeSpan.Zero ? TimeSpan.Zero : hydration);
    }

    public DateTimeOffset Requested { get; }

    public DateTimeOffset AvailableAt { get; }

    public DateTimeOffset HydratedAt { get; }

    public string State(DateTimeOffset now) => now < AvailableAt ? "PROVISIONING" : "AVAILABLE";

    public bool IsHydrated(DateTimeOffset now) => now >= HydratedAt;
}

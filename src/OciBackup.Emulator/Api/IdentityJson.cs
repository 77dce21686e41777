using System.Text.Json;
using OciBackup.Emulator.Inventory;

namespace OciBackup.Emulator.Api;

/// <summary>Writes the Identity resources in the service's JSON shape: Compartment and AvailabilityDomain.</summary>
internal static class IdentityJson
{
    /// <summary>A compartment; <paramref name="tenancyId"/> is the parent written for a compartment directly under the tenancy.</summary>
    public static Action<Utf8JsonWriter, Compartment, DateTimeOffset> Compartment(string tenancyId) => (w, c, now) =>
    {
        w.WriteStartObject();
        w.WriteString("compartmentId", c.ParentId ?? tenancyId);
        ResourceJson.WriteDefinedTags(w, c.Tags);
        w.WriteString("description", c.Description);
        ResourceJson.WriteFreeformTags(w, c.Tags);
        w.WriteString("id", c.Id);
        w.WriteNull("inactiveStatus");
        w.WriteBoolean("isAccessible", true);
        w.WriteString("lifecycleState", c.LifecycleState);
        w.WriteString("name", c.Name);
        w.WriteString("timeCreated", ResourceJson.Time(c.TimeCreated));
        w.WriteEndObject();
    };

    public static void AvailabilityDomain(Utf8JsonWriter w, (string Name, string Id, string CompartmentId) domain, DateTimeOffset now)
    {
        w.WriteStartObject();
        w.WriteString("compartmentId", domain.CompartmentId);
        w.WriteString("id", domain.Id);
        w.WriteString("name", domain.Name);
        w.WriteEndObject();
    }
}

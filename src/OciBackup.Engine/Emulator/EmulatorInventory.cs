using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace OciBackup.Engine.Emulator
{
    /// <summary>What an emulator serves, as its <c>GET /admin/inventory</c> lists it: compartments with their volumes and volume groups.</summary>
    internal sealed class EmulatorInventory
    {
        private EmulatorInventory(string region, IReadOnlyList<Compartment> compartments)
        {
            Region = region;
            Compartments = compartments;
        }

        public string Region { get; }

        public IReadOnlyList<Compartment> Compartments { get; }

        public static EmulatorInventory Parse(string json)
        {
            using (var document = JsonDocument.Parse(json))
            {
                var root = document.RootElement;
                var region = root.TryGetProperty("region", out var r) ? r.GetString() ?? string.Empty : string.Empty;
                if (!root.TryGetProperty("compartments", out var compartments) || compartments.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidDataException("The emulator's inventory has no compartments.");
                }

                return new EmulatorInventory(region, compartments.EnumerateArray().Select(c => new Compartment(
                    Text(c, "name"),
                    Text(c, "id"),
                    Array(c, "volumes").Select(v => new Volume(Text(v, "id"), v.TryGetProperty("volumeGroupId", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null)).ToList(),
                    Array(c, "volumeGroups").Select(g => new VolumeGroup(Text(g, "id"), Array(g, "volumeIds").Select(i => i.GetString() ?? string.Empty).ToList())).ToList())).ToList());
            }
        }

        private static string Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

        private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : Enumerable.Empty<JsonElement>();

        internal sealed class Compartment
        {
            public Compartment(string name, string id, IReadOnlyList<Volume> volumes, IReadOnlyList<VolumeGroup> volumeGroups)
            {
                Name = name;
                Id = id;
                Volumes = volumes;
                VolumeGroups = volumeGroups;
            }

            public string Name { get; }

            public string Id { get; }

            public IReadOnlyList<Volume> Volumes { get; }

            public IReadOnlyList<VolumeGroup> VolumeGroups { get; }
        }

        internal sealed class Volume
        {
            public Volume(string id, string? volumeGroupId)
            {
                Id = id;
                VolumeGroupId = volumeGroupId;
            }

            public string Id { get; }

            public string? VolumeGroupId { get; }
        }

        internal sealed class VolumeGroup
        {
            public VolumeGroup(string id, IReadOnlyList<string> volumeIds)
            {
                Id = id;
                VolumeIds = volumeIds;
            }

            public string Id { get; }

            public IReadOnlyList<string> VolumeIds { get; }
        }
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// What an emulator serves, as its <c>GET /admin/inventory</c> lists it: compartments with their volumes and volume
    /// groups, each in its region (<see cref="Region"/> is the home region).
    /// </summary>
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
                    Array(c, "volumes").Select(v => new Volume(Text(v, "id"), v.TryGetProperty("volumeGroupId", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null,
                        RegionOf(v, region))).ToList(),
                    Array(c, "volumeGroups").Select(g => new VolumeGroup(Text(g, "id"), Array(g, "volumeIds").Select(i => i.GetString() ?? string.Empty).ToList(), RegionOf(g, region))).ToList())).ToList());
            }
        }

        /// <summary>Where a volume or group lives; an emulator from before several regions names none, so its one region.</summary>
        private static string RegionOf(JsonElement element, string region) => Text(element, "region") is var own && own.Length > 0 ? own : region;

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
            public Volume(string id, string? volumeGroupId, string region)
            {
                Id = id;
                VolumeGroupId = volumeGroupId;
                Region = region;
            }

            public string Id { get; }

            public string? VolumeGroupId { get; }

            public string Region { get; }
        }

        internal sealed class VolumeGroup
        {
            public VolumeGroup(string id, IReadOnlyList<string> volumeIds, string region)
            {
                Id = id;
                VolumeIds = volumeIds;
                Region = region;
            }

            public string Id { get; }

            public IReadOnlyList<string> VolumeIds { get; }

            public string Region { get; }
        }
    }
}

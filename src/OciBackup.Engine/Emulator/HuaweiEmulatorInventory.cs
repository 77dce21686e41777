using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace OciBackup.Engine.Emulator
{
    /// <summary>The Huawei side's inventory, from <c>GET /admin/huawei/inventory</c>: its EVS disks and RDS instances.</summary>
    internal sealed class HuaweiEmulatorInventory
    {
        private HuaweiEmulatorInventory(IReadOnlyList<string> volumeIds, IReadOnlyList<string> instanceIds)
        {
            VolumeIds = volumeIds;
            InstanceIds = instanceIds;
        }

        public IReadOnlyList<string> VolumeIds { get; }

        public IReadOnlyList<string> InstanceIds { get; }

        public static HuaweiEmulatorInventory Parse(string json)
        {
            using (var document = JsonDocument.Parse(json))
            {
                IReadOnlyList<string> Ids(string name) =>
                    document.RootElement.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
                        ? items.EnumerateArray().Select(i => i.TryGetProperty("id", out var id) ? id.GetString() : null).Where(id => id != null).Select(id => id!).ToList()
                        : new List<string>();
                return new HuaweiEmulatorInventory(Ids("volumes"), Ids("instances"));
            }
        }
    }
}

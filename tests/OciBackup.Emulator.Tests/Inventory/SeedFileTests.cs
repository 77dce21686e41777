using System.Text.Json;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Inventory;

/// <summary>The JSON seed file gives the inventory: named compartments, volumes with tags, groups with their volumes.</summary>
public sealed class SeedFileTests
{
    [Fact]
    public async Task Seed_file_inventory_is_served_with_its_ids_names_and_tags()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, """
            {
              // comments and trailing commas are allowed
              "compartments": [
                {
                  "name": "finance",
                  "volumes": [
                    { "id": "ocid1.volume.oc1.iad.ledger", "displayName": "ledger", "sizeInGBs": 1024,
                      "freeformTags": { "Department": "Finance" }, "definedTags": { "Ops": { "Tier": "gold" } } },
                  ],
                  "volumeGroups": [
                    { "displayName": "erp", "volumes": [ { "displayName": "erp-data" }, { "displayName": "erp-logs", "sizeInGBs": 20 } ] }
                  ]
                },
                { "name": "empty", "id": "ocid1.compartment.oc1..empty" }
              ]
            }
            """);
        try
        {
            await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.SeedFile = path);

            EmulatorCompartment finance = emulator.Host.Compartments.Single(c => c.Name == "finance");
            JsonElement ledger = await emulator.GetJsonAsync("/volumes/ocid1.volume.oc1.iad.ledger");
            JsonElement groups = await emulator.GetJsonAsync("/volumeGroups?compartmentId=" + finance.Id);
            JsonElement none = await emulator.GetJsonAsync("/volumes?compartmentId=ocid1.compartment.oc1..empty");

            Assert.Equal(3, finance.VolumeIds.Count);
            Assert.Equal(finance.Id, ledger.GetProperty("compartmentId").GetString());
            Assert.Equal(1024, ledger.GetProperty("sizeInGBs").GetInt64());
            Assert.Equal("Finance", ledger.GetProperty("freeformTags").GetProperty("Department").GetString());
            Assert.Equal("gold", ledger.GetProperty("definedTags").GetProperty("Ops").GetProperty("Tier").GetString());
            JsonElement erp = Assert.Single(groups.EnumerateArray());
            Assert.Equal("erp", erp.GetProperty("displayName").GetString());
            Assert.Equal(2, erp.GetProperty("volumeIds").GetArrayLength());
            Assert.Equal(70, erp.GetProperty("sizeInGBs").GetInt64());
            Assert.Equal(0, none.GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Seed_file_places_sub_compartments_regions_and_backdated_backups()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, """
            {
              "compartments": [
                {
                  "name": "prod",
                  "compartments": [
                    {
                      "name": "db",
                      "volumes": [
                        { "displayName": "ledger", "region": "us-phoenix-1", "freeformTags": { "backup": "nightly" },
                          "backups": [ { "displayName": "old", "ageDays": 40, "lifecycleState": "AVAILABLE" } ] }
                      ],
                      "volumeGroups": [
                        { "displayName": "erp", "region": "us-phoenix-1", "volumes": [ { "displayName": "erp-1" } ],
                          "backups": [ { "timeCreated": "2026-11-01T00:00:00Z" } ] }
                      ]
                    }
                  ]
                }
              ]
            }
            """);
        try
        {
            await using TestEmulator emulator = await TestEmulator.StartAsync(o =>
            {
                o.SeedFile = path;
                o.AdditionalRegions.Add("us-phoenix-1");
            });

            EmulatorCompartment prod = emulator.Host.Compartments.Single(c => c.Name == "prod");
            EmulatorCompartment db = emulator.Host.CompartmentsIn("us-phoenix-1").Single(c => c.Name == "db");
            JsonElement backups = await emulator.GetJsonAsync("/volumeBackups?compartmentId=" + db.Id + "&displayName=old", "us-phoenix-1");
            JsonElement groupBackups = await emulator.GetJsonAsync("/volumeGroupBackups?compartmentId=" + db.Id, "us-phoenix-1");

            Assert.Null(prod.ParentId);
            Assert.Equal(prod.Id, db.ParentId);
            Assert.Equal(OciBackup.Emulator.Inventory.OcidGenerator.CompartmentIdFor("prod/db"), db.Id);
            Assert.Equal(2, db.VolumeIds.Count);
            Assert.Empty(emulator.Host.Compartments.Single(c => c.Name == "db").VolumeIds);
            Assert.Equal("2026-10-14T09:05:07.000Z", Assert.Single(backups.EnumerateArray()).GetProperty("timeCreated").GetString());
            Assert.Equal("2026-11-01T00:00:00.000Z", Assert.Single(groupBackups.EnumerateArray()).GetProperty("timeCreated").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Generated_sub_compartments_follow_their_path_and_odd_volumes_are_tagged_for_the_nightly_backup()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o =>
        {
            o.CompartmentNames.Clear();
            o.CompartmentNames.Add("prod/db");
            o.VolumesPerCompartment = 3;
        });

        EmulatorCompartment prod = emulator.Host.Compartments.Single(c => c.Name == "prod");
        EmulatorCompartment db = emulator.Host.Compartments.Single(c => c.Name == "db");
        var tags = new List<string?>();
        foreach (string volume in db.VolumeIds.Except(emulator.Host.VolumeIdsOfGroup(db.VolumeGroupIds[0])))
        {
            JsonElement v = await emulator.GetJsonAsync("/volumes/" + volume);
            tags.Add(v.GetProperty("freeformTags").TryGetProperty("backup", out JsonElement tag) ? tag.GetString() : null);
        }

        Assert.Empty(prod.VolumeIds);
        Assert.Equal(prod.Id, db.ParentId);
        Assert.Equal(new[] { "nightly", null, "nightly" }, tags);
        JsonElement group = await emulator.GetJsonAsync("/volumeGroups/" + db.VolumeGroupIds[0]);
        Assert.Equal("nightly", group.GetProperty("freeformTags").GetProperty("backup").GetString());
    }

    [Fact]
    public async Task Generated_inventory_follows_the_counts_and_keeps_compartment_ids_stable()
    {
        await using TestEmulator first = await TestEmulator.StartAsync(o =>
        {
            o.CompartmentNames.Add("second");
            o.VolumesPerCompartment = 1;
            o.VolumeGroupsPerCompartment = 2;
            o.VolumesPerGroup = 3;
        });
        await using TestEmulator again = await TestEmulator.StartAsync(o => o.CompartmentNames.Add("second"));

        Assert.Equal(new[] { "test", "second" }, first.Host.Compartments.Select(c => c.Name));
        Assert.All(first.Host.Compartments, c => Assert.Equal(1 + 2 * 3, c.VolumeIds.Count));
        Assert.All(first.Host.Compartments, c => Assert.Equal(2, c.VolumeGroupIds.Count));
        Assert.Equal(first.Host.Compartments.Select(c => c.Id), again.Host.Compartments.Select(c => c.Id));
    }
}

using System.Text.Json;

namespace OciBackup.Emulator.Inventory;

/// <summary>Fills the store from a seed (given in code or as a JSON file), or generates one from the counts in the options.</summary>
internal static class InventoryBuilder
{
    private static readonly JsonSerializerOptions SeedJson = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static EmulatorSeed LoadSeedFile(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<EmulatorSeed>(File.ReadAllText(path), SeedJson)
                ?? throw new InvalidDataException($"Seed file {path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Seed file {path} is not valid: {e.Message}", e);
        }
    }

    public static EmulatorSeed Generate(EmulatorOptions options)
    {
        var seed = new EmulatorSeed();
        IEnumerable<string> names = options.CompartmentNames.Count > 0 ? options.CompartmentNames : new[] { "emulator" };
        foreach (string name in names)
        {
            var compartment = new SeedCompartment { Name = name };
            for (int g = 1; g <= options.VolumeGroupsPerCompartment; g++)
            {
                var group = new SeedVolumeGroup
                {
                    DisplayName = $"{name}-group-{g}",
                    FreeformTags = new() { ["Environment"] = "emulator", ["Group"] = g.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                };
                for (int v = 1; v <= options.VolumesPerGroup; v++)
                {
                    group.Volumes.Add(NewVolume($"{name}-group-{g}-volume-{v}", 50 * v));
                }

                compartment.VolumeGroups.Add(group);
            }

            for (int v = 1; v <= options.VolumesPerCompartment; v++)
            {
                compartment.Volumes.Add(NewVolume($"{name}-volume-{v}", 100));
            }

            seed.Compartments.Add(compartment);
        }

        return seed;
    }

    public static void Populate(BackupStore store, EmulatorSeed seed, string region, DateTimeOffset now)
    {
        string defaultDomain = "EMU:" + region.ToUpperInvariant() + "-AD-1";
        int count = seed.Compartments.Sum(c => c.Volumes.Count + c.VolumeGroups.Sum(g => 1 + g.Volumes.Count));
        DateTimeOffset time = now.AddMinutes(-count - 1);
        foreach (SeedCompartment compartment in seed.Compartments)
        {
            if (string.IsNullOrWhiteSpace(compartment.Name) && string.IsNullOrWhiteSpace(compartment.Id))
            {
                throw new InvalidDataException("Every seed compartment needs a name or an id.");
            }

            string compartmentId = compartment.Id ?? OcidGenerator.CompartmentIdFor(compartment.Name);
            store.AddCompartment(string.IsNullOrWhiteSpace(compartment.Name) ? compartmentId : compartment.Name, compartmentId);
            foreach (SeedVolumeGroup seedGroup in compartment.VolumeGroups)
            {
                var members = new List<Volume>();
                foreach (SeedVolume seedVolume in seedGroup.Volumes)
                {
                    Volume volume = ToVolume(store, seedVolume, compartmentId, defaultDomain, time = time.AddMinutes(1));
                    members.Add(volume);
                    store.AddVolume(volume);
                }

                var group = new VolumeGroup(seedGroup.Id ?? store.Ids.New("volumegroup"), compartmentId,
                    Named(seedGroup.DisplayName, "volume-group"), seedGroup.AvailabilityDomain ?? defaultDomain, members,
                    time = time.AddMinutes(1), Tags.From(seedGroup.FreeformTags, seedGroup.DefinedTags));
                foreach (Volume member in members)
                {
                    member.VolumeGroupId = group.Id;
                }

                store.AddVolumeGroup(group);
            }

            foreach (SeedVolume seedVolume in compartment.Volumes)
            {
                store.AddVolume(ToVolume(store, seedVolume, compartmentId, defaultDomain, time = time.AddMinutes(1)));
            }
        }
    }

    private static SeedVolume NewVolume(string name, long size) => new()
    {
        DisplayName = name,
        SizeInGBs = size,
        FreeformTags = new() { ["Environment"] = "emulator" },
    };

    private static Volume ToVolume(BackupStore store, SeedVolume seed, string compartmentId, string defaultDomain, DateTimeOffset time)
    {
        if (seed.SizeInGBs < 1)
        {
            throw new InvalidDataException($"Volume '{seed.DisplayName}' needs sizeInGBs of at least 1.");
        }

        return new Volume(seed.Id ?? store.Ids.New("volume"), compartmentId, Named(seed.DisplayName, "volume"),
            seed.AvailabilityDomain ?? defaultDomain, seed.SizeInGBs, seed.LifecycleState, time,
            Tags.From(seed.FreeformTags, seed.DefinedTags));
    }

    private static string Named(string name, string fallback) => string.IsNullOrWhiteSpace(name) ? fallback : name;
}

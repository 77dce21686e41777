using System.Globalization;
using System.Text.Json;

namespace OciBackup.Emulator.Inventory;

/// <summary>Fills the store from a seed (given in code or as a JSON file), or generates one from the counts in the options.</summary>
internal static class InventoryBuilder
{
    private static readonly string[] CompartmentStates = { "CREATING", "ACTIVE", "INACTIVE", "DELETING", "DELETED" };

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

    /// <summary>Reads a JSON body of the admin endpoint with the seed file's rules (case-insensitive names, comments).</summary>
    public static T? ReadSeedJson<T>(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<T>(json, SeedJson);

    /// <summary>
    /// The same compartments and counts in every region: <c>--compartment prod/db</c> makes <c>db</c> a sub-compartment of
    /// <c>prod</c> (which gets volumes only if it is named too). Odd-numbered stand-alone volumes and volume groups carry
    /// the freeform tag <c>backup=nightly</c>, so a job that selects by tag has something to leave out.
    /// </summary>
    public static EmulatorSeed Generate(EmulatorOptions options)
    {
        var seed = new EmulatorSeed();
        var byPath = new Dictionary<string, SeedCompartment>(StringComparer.Ordinal);
        IEnumerable<string> paths = options.CompartmentNames.Count > 0 ? options.CompartmentNames : new[] { "emulator" };
        foreach (string path in paths)
        {
            SeedCompartment compartment = CompartmentAt(seed, byPath, path);
            foreach (string region in options.AllRegions)
            {
                AddGeneratedVolumes(compartment, region, options);
            }
        }

        return seed;
    }

    public static void Populate(BackupStore store, EmulatorSeed seed, DateTimeOffset now)
    {
        int count = CountItems(seed.Compartments);
        DateTimeOffset time = now.AddMinutes(-count - 1);
        foreach (SeedCompartment compartment in seed.Compartments)
        {
            AddCompartment(store, compartment, parentId: null, parentPath: null, ref time);
        }
    }

    private static void AddCompartment(BackupStore store, SeedCompartment compartment, string? parentId, string? parentPath, ref DateTimeOffset time)
    {
        if (string.IsNullOrWhiteSpace(compartment.Name) && string.IsNullOrWhiteSpace(compartment.Id))
        {
            throw new InvalidDataException("Every seed compartment needs a name or an id.");
        }

        if (!CompartmentStates.Contains(compartment.LifecycleState, StringComparer.Ordinal))
        {
            throw new InvalidDataException(
                $"Compartment '{compartment.Name}': lifecycleState '{compartment.LifecycleState}' is not one of {string.Join(", ", CompartmentStates)}.");
        }

        string path = parentPath is null ? compartment.Name : parentPath + "/" + compartment.Name;
        string compartmentId = compartment.Id ?? OcidGenerator.CompartmentIdFor(path);
        string name = string.IsNullOrWhiteSpace(compartment.Name) ? compartmentId : compartment.Name;
        store.AddCompartment(new Compartment(compartmentId, name, parentId, compartment.Description ?? name, compartment.LifecycleState,
            time = time.AddMinutes(1), Tags.From(compartment.FreeformTags, compartment.DefinedTags)));
        foreach (SeedVolumeGroup seedGroup in compartment.VolumeGroups)
        {
            string region = seedGroup.Region ?? store.HomeRegion;
            var members = new List<Volume>();
            foreach (SeedVolume seedVolume in seedGroup.Volumes)
            {
                if (seedVolume.Region is not null && seedVolume.Region != region)
                {
                    throw new InvalidDataException($"Volume '{seedVolume.DisplayName}' is in {seedVolume.Region}, its group '{seedGroup.DisplayName}' in {region}.");
                }

                members.Add(AddVolume(store, seedVolume, compartmentId, region, seedGroup.AvailabilityDomain, time = time.AddMinutes(1)));
            }

            var group = new VolumeGroup(seedGroup.Id ?? store.Ids.New("volumegroup", region), region, compartmentId,
                Named(seedGroup.DisplayName, "volume-group"), seedGroup.AvailabilityDomain ?? FirstDomain(store, region), members,
                time = time.AddMinutes(1), Tags.From(seedGroup.FreeformTags, seedGroup.DefinedTags));
            foreach (Volume member in members)
            {
                member.VolumeGroupId = group.Id;
            }

            store.AddVolumeGroup(group);
            foreach (SeedVolumeGroupBackup backup in seedGroup.Backups)
            {
                Seeded(() => store.AddSeededVolumeGroupBackup(group, backup), $"A backup of volume group '{group.DisplayName}'");
            }
        }

        foreach (SeedVolume seedVolume in compartment.Volumes)
        {
            AddVolume(store, seedVolume, compartmentId, seedVolume.Region ?? store.HomeRegion, null, time = time.AddMinutes(1));
        }

        foreach (SeedCompartment child in compartment.Compartments)
        {
            AddCompartment(store, child, compartmentId, path, ref time);
        }
    }

    private static Volume AddVolume(BackupStore store, SeedVolume seed, string compartmentId, string region, string? groupDomain, DateTimeOffset time)
    {
        if (seed.SizeInGBs < 1)
        {
            throw new InvalidDataException($"Volume '{seed.DisplayName}' needs sizeInGBs of at least 1.");
        }

        if (!store.Serves(region))
        {
            throw new InvalidDataException($"Volume '{seed.DisplayName}': region '{region}' is not one the emulator serves ({string.Join(", ", store.Regions)}).");
        }

        var volume = new Volume(seed.Id ?? store.Ids.New("volume", region), region, compartmentId, Named(seed.DisplayName, "volume"),
            seed.AvailabilityDomain ?? groupDomain ?? FirstDomain(store, region), seed.SizeInGBs, seed.LifecycleState, time,
            Tags.From(seed.FreeformTags, seed.DefinedTags));
        store.AddVolume(volume);
        foreach (SeedVolumeBackup backup in seed.Backups)
        {
            Seeded(() => store.AddSeededVolumeBackup(volume, backup), $"A backup of volume '{volume.DisplayName}'");
        }

        return volume;
    }

    private static void Seeded(Action add, string what)
    {
        try
        {
            add();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{what}: {e.Message}", e);
        }
    }

    private static string FirstDomain(BackupStore store, string region) => store.AvailabilityDomains(region)[0];

    private static int CountItems(IEnumerable<SeedCompartment> compartments) =>
        compartments.Sum(c => 1 + c.Volumes.Count + c.VolumeGroups.Sum(g => 1 + g.Volumes.Count) + CountItems(c.Compartments));

    private static SeedCompartment CompartmentAt(EmulatorSeed seed, Dictionary<string, SeedCompartment> byPath, string path)
    {
        string[] names = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new InvalidDataException($"'{path}' is not a compartment name.");
        }

        SeedCompartment? parent = null;
        string current = "";
        foreach (string name in names)
        {
            current = current.Length == 0 ? name : current + "/" + name;
            if (!byPath.TryGetValue(current, out SeedCompartment? compartment))
            {
                compartment = new SeedCompartment { Name = name };
                byPath[current] = compartment;
                (parent is null ? seed.Compartments : parent.Compartments).Add(compartment);
            }

            parent = compartment;
        }

        return parent!;
    }

    private static void AddGeneratedVolumes(SeedCompartment compartment, string region, EmulatorOptions options)
    {
        string name = compartment.Name;
        for (int g = 1; g <= options.VolumeGroupsPerCompartment; g++)
        {
            var group = new SeedVolumeGroup
            {
                DisplayName = $"{name}-group-{g}",
                Region = region,
                FreeformTags = Nightly(g, new() { ["Environment"] = "emulator", ["Group"] = g.ToString(CultureInfo.InvariantCulture) }),
            };
            for (int v = 1; v <= options.VolumesPerGroup; v++)
            {
                group.Volumes.Add(NewVolume($"{name}-group-{g}-volume-{v}", 50 * v, region, new() { ["Environment"] = "emulator" }));
            }

            compartment.VolumeGroups.Add(group);
        }

        for (int v = 1; v <= options.VolumesPerCompartment; v++)
        {
            compartment.Volumes.Add(NewVolume($"{name}-volume-{v}", 100, region, Nightly(v, new() { ["Environment"] = "emulator" })));
        }
    }

    private static Dictionary<string, string> Nightly(int number, Dictionary<string, string> tags)
    {
        if (number % 2 == 1)
        {
            tags["backup"] = "nightly";
        }

        return tags;
    }

    private static SeedVolume NewVolume(string name, long size, string region, Dictionary<string, string> tags) => new()
    {
        DisplayName = name,
        SizeInGBs = size,
        Region = region,
        FreeformTags = tags,
    };

    private static string Named(string name, string fallback) => string.IsNullOrWhiteSpace(name) ? fallback : name;
}

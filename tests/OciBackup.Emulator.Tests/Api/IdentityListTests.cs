using System.Text.Json;
using OciBackup.Emulator.Inventory;
using OciBackup.Emulator.Tests.Regions;
using OciBackup.Emulator.Tests.TestSupport;

namespace OciBackup.Emulator.Tests.Api;

/// <summary>ListCompartments over the seeded tree and ListAvailabilityDomains per region, signed like every other call.</summary>
public sealed class IdentityListTests
{
    private const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaatest";

    private static Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null) => TestEmulator.StartAsync(o =>
    {
        o.TenancyId = Tenancy;
        o.Seed = new EmulatorSeed
        {
            Compartments =
            {
                new SeedCompartment
                {
                    Name = "prod",
                    Description = "production",
                    FreeformTags = { ["cost-center"] = "42" },
                    Compartments =
                    {
                        new SeedCompartment { Name = "db", Compartments = { new SeedCompartment { Name = "archive" } } },
                        new SeedCompartment { Name = "app" },
                    },
                },
                new SeedCompartment { Name = "test" },
                new SeedCompartment { Name = "old", LifecycleState = "DELETED" },
            },
        };
        configure?.Invoke(o);
    });

    private static async Task<string[]> NamesAsync(TestEmulator emulator, string query, string? region = null) =>
        (await emulator.GetJsonAsync(query, region)).EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task Tenancy_lists_its_first_level_compartments_deleted_ones_included()
    {
        await using TestEmulator emulator = await StartAsync();

        Assert.Equal(new[] { "old", "prod", "test" }, await NamesAsync(emulator, $"/compartments?compartmentId={Tenancy}&sortBy=NAME"));
        Assert.Equal(new[] { "prod", "test" }, await NamesAsync(emulator, $"/compartments?compartmentId={Tenancy}&sortBy=NAME&lifecycleState=ACTIVE"));
    }

    [Fact]
    public async Task Subtree_on_the_tenancy_lists_the_whole_tree_with_each_parent()
    {
        await using TestEmulator emulator = await StartAsync();
        string prod = emulator.Host.Compartments.Single(c => c.Name == "prod").Id;
        string db = emulator.Host.Compartments.Single(c => c.Name == "db").Id;

        JsonElement all = await emulator.GetJsonAsync($"/compartments?compartmentId={Tenancy}&compartmentIdInSubtree=true&accessLevel=ANY&sortBy=NAME");
        var parents = all.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("compartmentId").GetString()!);

        Assert.Equal(new[] { "app", "archive", "db", "old", "prod", "test" }, parents.Keys);
        Assert.Equal(Tenancy, parents["prod"]);
        Assert.Equal(prod, parents["db"]);
        Assert.Equal(db, parents["archive"]);
    }

    [Fact]
    public async Task A_compartment_lists_only_its_children_and_subtree_is_refused_there()
    {
        await using TestEmulator emulator = await StartAsync();
        string prod = emulator.Host.Compartments.Single(c => c.Name == "prod").Id;

        Assert.Equal(new[] { "app", "db" }, await NamesAsync(emulator, $"/compartments?compartmentId={prod}&sortBy=NAME"));
        Assert.Equal(new[] { "db" }, await NamesAsync(emulator, $"/compartments?compartmentId={prod}&name=db"));
        JsonElement error = await OperationsTests.AssertErrorAsync(
            await emulator.GetAsync($"/compartments?compartmentId={prod}&compartmentIdInSubtree=true"), 400, "InvalidParameter");
        Assert.StartsWith("compartmentIdInSubtree", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compartment_has_the_services_fields()
    {
        await using TestEmulator emulator = await StartAsync();

        JsonElement prod = (await emulator.GetJsonAsync($"/compartments?compartmentId={Tenancy}&name=prod"))[0];

        Assert.Equal(emulator.Host.Compartments.Single(c => c.Name == "prod").Id, prod.GetProperty("id").GetString());
        Assert.Equal("production", prod.GetProperty("description").GetString());
        Assert.Equal("ACTIVE", prod.GetProperty("lifecycleState").GetString());
        Assert.True(prod.GetProperty("isAccessible").GetBoolean());
        Assert.Equal("42", prod.GetProperty("freeformTags").GetProperty("cost-center").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", prod.GetProperty("timeCreated").GetString()!);
    }

    [Theory]
    [InlineData("&accessLevel=SOME", "accessLevel")]
    [InlineData("&compartmentIdInSubtree=yes", "compartmentIdInSubtree")]
    [InlineData("&sortBy=DISPLAYNAME", "sortBy")]
    [InlineData("&lifecycleState=GONE", "lifecycleState")]
    public async Task Invalid_list_compartments_parameter_is_400_naming_it(string query, string field)
    {
        await using TestEmulator emulator = await StartAsync();

        JsonElement error = await OperationsTests.AssertErrorAsync(await emulator.GetAsync($"/compartments?compartmentId={Tenancy}" + query), 400, "InvalidParameter");

        Assert.StartsWith(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_parent_compartment_is_404()
    {
        await using TestEmulator emulator = await StartAsync();

        await OperationsTests.AssertErrorAsync(await emulator.GetAsync("/compartments?compartmentId=ocid1.compartment.oc1..nosuch"), 404, "NotAuthorizedOrNotFound");
        await OperationsTests.AssertErrorAsync(await emulator.GetAsync("/availabilityDomains?compartmentId=ocid1.compartment.oc1..nosuch"), 404, "NotAuthorizedOrNotFound");
    }

    [Fact]
    public async Task Compartments_page_with_opc_next_page_and_are_the_same_in_every_region()
    {
        await using TestEmulator emulator = await StartAsync(o => o.AdditionalRegions.Add(MultiRegionTests.Phoenix));
        var seen = new List<string>();
        string? page = null;
        do
        {
            using HttpResponseMessage response = await emulator.GetAsync($"/compartments?compartmentId={Tenancy}&compartmentIdInSubtree=true&limit=4"
                + (page is null ? "" : "&page=" + Uri.EscapeDataString(page)), region: MultiRegionTests.Phoenix);
            seen.AddRange((await TestEmulator.JsonAsync(response)).EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
            page = TestEmulator.Header(response, "opc-next-page");
        }
        while (page is not null);

        Assert.Equal(new[] { "app", "archive", "db", "old", "prod", "test" }, seen.Order());
    }

    [Fact]
    public async Task Availability_domains_are_the_called_regions()
    {
        await using TestEmulator emulator = await StartAsync(o => o.AdditionalRegions.Add("ap-tokyo-1"));
        string prod = emulator.Host.Compartments.Single(c => c.Name == "prod").Id;

        JsonElement east = await emulator.GetJsonAsync("/availabilityDomains?compartmentId=" + Tenancy);
        JsonElement tokyo = await emulator.GetJsonAsync("/availabilityDomains?compartmentId=" + prod, "ap-tokyo-1");

        Assert.Equal(new[] { "Uocm:US-ASHBURN-AD-1", "Uocm:US-ASHBURN-AD-2", "Uocm:US-ASHBURN-AD-3" },
            east.EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        JsonElement only = Assert.Single(tokyo.EnumerateArray());
        Assert.Equal("Uocm:AP-TOKYO-1-AD-1", only.GetProperty("name").GetString());
        Assert.StartsWith("ocid1.availabilitydomain.oc1..", only.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(Tenancy, only.GetProperty("compartmentId").GetString());
    }

    [Fact]
    public async Task A_seeded_volumes_own_availability_domain_joins_the_regions_list()
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.Seed = new EmulatorSeed
        {
            Compartments = { new SeedCompartment { Name = "c", Volumes = { new SeedVolume { DisplayName = "v", AvailabilityDomain = "abCD:US-ASHBURN-AD-1" } } } },
        });

        JsonElement domains = await emulator.GetJsonAsync("/availabilityDomains?compartmentId=" + emulator.Host.TenancyId);

        Assert.Contains("abCD:US-ASHBURN-AD-1", domains.EnumerateArray().Select(d => d.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Identity_calls_need_a_valid_signature()
    {
        await using TestEmulator emulator = await StartAsync();

        using HttpResponseMessage unsigned = await emulator.Http.GetAsync(emulator.Api("/compartments?compartmentId=" + Tenancy));

        await OperationsTests.AssertErrorAsync(unsigned, 401, "NotAuthenticated");
        Assert.Equal(1, emulator.Host.Statistics.AuthenticationFailuresByReason["MissingAuthorization"]);
    }
}

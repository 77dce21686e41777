using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OciBackup.Emulator.Identity;

namespace OciBackup.Emulator.Admin;

/// <summary>
/// <c>/admin/identity</c>: the identity side's state and counters (GET), its token lifetime and federation faults
/// (PUT with any of <c>tokenLifetimeSeconds</c>, <c>serverErrorShare</c>, <c>dropShare</c>, <c>slowShare</c>,
/// <c>slowSeconds</c>), and actions: <c>POST /admin/identity/rotate-leaf</c>, <c>/renew-resource-principal</c>,
/// <c>/renew-delegation-token</c>, <c>/refresh-session-token</c>.
/// </summary>
internal static class IdentityAdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorIdentity? identity)
    {
        RouteGroupBuilder admin = app.MapGroup(AdminEndpoints.Prefix + "/identity");
        admin.MapGet("", () => identity is null ? NotEnabled() : Results.Json(identity.State(), AdminEndpoints.Json));
        admin.MapMethods("", new[] { "PUT", "POST", "PATCH" }, (HttpRequest request) => identity is null
            ? Task.FromResult(NotEnabled())
            : AdminEndpoints.ApplySettingsAsync(request, "identity settings", changes =>
            {
                Apply(identity, changes);
                return identity.State();
            }));
        admin.MapPost("/rotate-leaf", () => Act(identity, i => new { leafGeneration = i.RotateLeaf() }));
        admin.MapPost("/renew-resource-principal", () => Act(identity, i => { i.RenewResourcePrincipalToken(); return new { renewed = "resourcePrincipal" }; }));
        admin.MapPost("/renew-delegation-token", () => Act(identity, i => { i.RenewDelegationToken(); return new { renewed = "delegationToken" }; }));
        admin.MapPost("/refresh-session-token", () => Act(identity, i => { i.RefreshSessionToken(); return new { renewed = "sessionToken" }; }));
    }

    internal static void Apply(EmulatorIdentity identity, JsonObject changes)
    {
        FederationFaultSettings faults = identity.FederationFaults;
        TimeSpan? lifetime = null;
        foreach ((string name, JsonNode? value) in changes)
        {
            if (value is not JsonValue number || !number.TryGetValue(out double n))
            {
                throw new ArgumentException($"Identity setting '{name}' must be a number.");
            }

            switch (name.ToLowerInvariant())
            {
                case "tokenlifetimeseconds":
                    lifetime = n > 0 && double.IsFinite(n) ? TimeSpan.FromSeconds(n) : throw new ArgumentException("tokenLifetimeSeconds must be positive.");
                    break;
                case "servererrorshare":
                    faults = faults with { ServerErrorShare = n };
                    break;
                case "dropshare":
                    faults = faults with { DropShare = n };
                    break;
                case "slowshare":
                    faults = faults with { SlowShare = n };
                    break;
                case "slowseconds":
                    faults = faults with { SlowSeconds = n };
                    break;
                default:
                    throw new ArgumentException($"Unknown identity setting '{name}'. Known: tokenLifetimeSeconds, serverErrorShare, dropShare, slowShare, slowSeconds.");
            }
        }

        identity.FederationFaults = faults.Validated();
        if (lifetime is TimeSpan set)
        {
            identity.TokenLifetime = set;
        }
    }

    private static IResult Act(EmulatorIdentity? identity, Func<EmulatorIdentity, object> action)
    {
        if (identity is null)
        {
            return NotEnabled();
        }

        try
        {
            return Results.Json(action(identity), AdminEndpoints.Json);
        }
        catch (InvalidOperationException e)
        {
            return AdminEndpoints.Error(409, "NotEnabled", e.Message);
        }
    }

    private static IResult NotEnabled() =>
        AdminEndpoints.Error(404, "NotEnabled", "The emulator was started without an identity side (--instance-principal, --init-resource-principal, --init-cloud-shell or --init-session-token).");
}

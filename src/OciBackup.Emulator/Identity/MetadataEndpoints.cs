using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OciBackup.Emulator.Identity;

/// <summary>
/// The instance metadata service, v2, as the SDKs read it: GETs under <c>/opc/v2/</c> carrying
/// <c>Authorization: Bearer Oracle</c> (else 401), for the region, the instance and its identity certificates.
/// </summary>
internal static class MetadataEndpoints
{
    public const string Prefix = "/opc/v2";

    public static void Map(WebApplication app, EmulatorIdentity identity)
    {
        app.Run(async context =>
        {
            HttpRequest request = context.Request;
            HttpResponse response = context.Response;
            string path = request.Path.Value ?? "";
            if (!HttpMethods.IsGet(request.Method) || !path.StartsWith(Prefix + "/", StringComparison.Ordinal))
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            string resource = path[(Prefix.Length + 1)..];
            identity.Statistics.CountMetadata(resource);
            if (!string.Equals(request.Headers.Authorization.ToString(), "Bearer Oracle", StringComparison.Ordinal))
            {
                response.StatusCode = StatusCodes.Status401Unauthorized;
                await response.WriteAsync("Authorization: Bearer Oracle is required (IMDS v2).");
                return;
            }

            CertificateAuthority authority = identity.Authority!;
            CertificateAuthority.Leaf leaf = authority.CurrentLeaf;
            string? text = resource switch
            {
                "instance/region" => identity.Region,
                "instance/canonicalRegionName" => identity.Region,
                "instance/id" => identity.InstanceId,
                "instance/compartmentId" => identity.CompartmentId,
                "instance/regionInfo" => JsonSerializer.Serialize(new
                {
                    realmKey = "oc1",
                    realmDomainComponent = "oraclecloud.com",
                    regionKey = identity.Region.ToUpperInvariant(),
                    regionIdentifier = identity.Region,
                }),
                "identity/cert.pem" => leaf.CertificatePem,
                "identity/key.pem" => leaf.KeyPem,
                "identity/intermediate.pem" => authority.IntermediatePem,
                _ => null,
            };
            if (text is null)
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            response.ContentType = resource == "instance/regionInfo" ? "application/json" : "text/plain";
            await response.WriteAsync(text);
        });
    }
}

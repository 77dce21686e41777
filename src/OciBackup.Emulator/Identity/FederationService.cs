using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OciBackup.Emulator.Auth;

namespace OciBackup.Emulator.Identity;

/// <summary>
/// The federation endpoint, <c>POST /v1/x509</c>: checks that the request is signed with the key of the leaf
/// certificate in its body (keyId <c>tenancy/fed-x509/sha1</c> in either case, or Go's <c>fed-x509-sha256</c>; host
/// signed or not, as the SDKs differ), that the certificate is the instance's current one from the emulator's CA, and
/// answers <c>{"token": …}</c> bound to the session key the body carries. Injects the configured faults first.
/// </summary>
internal static class FederationService
{
    public const string TokenPath = "/v1/x509";

    public static void Map(WebApplication app, EmulatorIdentity identity)
    {
        app.Run(async context =>
        {
            HttpRequest request = context.Request;
            HttpResponse response = context.Response;
            response.Headers["opc-request-id"] = Guid.NewGuid().ToString("N").ToUpperInvariant();
            if (!HttpMethods.IsPost(request.Method) || request.Path.Value != TokenPath)
            {
                await Error(response, 404, "NotAuthorizedOrNotFound", "The emulated federation endpoint serves POST /v1/x509 only.");
                return;
            }

            identity.Statistics.CountFederationRequest();
            FederationFaultSettings faults = identity.FederationFaults;
            double draw = faults.ServerErrorShare + faults.DropShare + faults.SlowShare > 0 ? identity.Random.NextDouble() : 1;
            if (draw < faults.ServerErrorShare)
            {
                identity.Statistics.CountFault("serverError");
                await Error(response, 500, "InternalServerError", "Internal error (injected by the emulator).");
                return;
            }

            if (draw < faults.ServerErrorShare + faults.DropShare)
            {
                identity.Statistics.CountFault("drop");
                context.Abort();
                return;
            }

            if (draw < faults.ServerErrorShare + faults.DropShare + faults.SlowShare)
            {
                identity.Statistics.CountFault("slow");
                try
                {
                    await identity.Clock.Delay(TimeSpan.FromSeconds(faults.SlowSeconds), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            byte[] body = buffer.ToArray();
            string? refusal = Check(identity, context, body, out byte[]? sessionKey);
            if (refusal is not null)
            {
                identity.Statistics.CountRefusal(refusal.Split(':')[0]);
                await Error(response, 401, "NotAuthenticated", "The required information to complete authentication was not provided or was incorrect.");
                return;
            }

            string token = identity.IssueInstanceToken(sessionKey!);
            identity.Statistics.CountTokenIssued(identity.Authority!.CurrentLeaf.Generation);
            response.ContentType = "application/json";
            await response.WriteAsync(JsonSerializer.Serialize(new { token }));
        });
    }

    /// <summary>Null when the request earns a token; else the reason (counted, never sent).</summary>
    private static string? Check(EmulatorIdentity identity, HttpContext context, byte[] body, out byte[]? sessionKey)
    {
        sessionKey = null;
        X509Certificate2 certificate;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(root.GetProperty("certificate").GetString()!));
            sessionKey = Convert.FromBase64String(root.GetProperty("publicKey").GetString()!);
            using RSA check = RSA.Create();
            check.ImportSubjectPublicKeyInfo(sessionKey, out _);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or CryptographicException)
        {
            return "MalformedBody: certificate and publicKey must be base64 DER";
        }

        using (certificate)
        {
            string? problem = identity.Authority!.Problem(certificate);
            if (problem is not null)
            {
                return (problem.StartsWith("certificate superseded", StringComparison.Ordinal) ? "SupersededCertificate: " : "UntrustedCertificate: ") + problem;
            }

            var resolver = new CertificateKeyResolver(identity.TenancyId, certificate);
            var verifier = new SignatureVerifier(resolver, requireHost: false);
            string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? TokenPath;
            AuthenticationResult result = verifier.Verify(context.Request.Method, rawTarget, context.Request.Headers, body, identity.Clock.UtcNow);
            return result.Succeeded ? null : result.Failure + ": " + result.Detail;
        }
    }

    private static Task Error(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        return response.WriteAsync(JsonSerializer.Serialize(new { code, message }));
    }

    /// <summary>The one key a federation request may be signed with: its certificate's, under a keyId naming that certificate.</summary>
    private sealed class CertificateKeyResolver : IKeyResolver
    {
        private readonly string _tenancyId;
        private readonly X509Certificate2 _certificate;

        public CertificateKeyResolver(string tenancyId, X509Certificate2 certificate)
        {
            _tenancyId = tenancyId;
            _certificate = certificate;
        }

        public TrustedKey? Resolve(string keyId, out string detail)
        {
            string[] parts = keyId.Split('/');
            if (parts.Length != 3 || (parts[1] != "fed-x509" && parts[1] != "fed-x509-sha256"))
            {
                detail = "keyId is not tenancy/fed-x509/fingerprint";
                return null;
            }

            if (!string.Equals(parts[0], _tenancyId, StringComparison.Ordinal))
            {
                detail = "keyId names another tenancy than the certificate";
                return null;
            }

            byte[] hash = parts[1] == "fed-x509" ? SHA1.HashData(_certificate.RawData) : SHA256.HashData(_certificate.RawData);
            string expected = string.Join(':', hash.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            if (!string.Equals(parts[2], expected, StringComparison.OrdinalIgnoreCase))
            {
                detail = "keyId fingerprint is not the certificate's";
                return null;
            }

            detail = "";
            using RSA key = _certificate.GetRSAPublicKey()!;
            return new TrustedKey(new RsaPublicKey(key.ExportSubjectPublicKeyInfo()), null, null, "leaf certificate " + expected[..11]);
        }
    }
}

using System.Net.Http;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// One cloud's request-signing scheme: puts its date, the headers it signs and its Authorization on a request.
    /// OCI's draft-cavage RSA signature (<see cref="RequestSigner"/>) and Huawei's SDK-HMAC-SHA256 both implement it;
    /// the HTTP client signs every attempt afresh through a <see cref="ISigningStep"/> that pairs one with its credentials.
    /// </summary>
    /// <typeparam name="TCredentials">What the scheme signs with: an RSA key and key id, or an AK/SK pair.</typeparam>
    internal interface IRequestSigner<in TCredentials>
    {
        /// <summary>Signs <paramref name="request"/>, whose body is exactly <paramref name="body"/> (null for none).</summary>
        RequestSignature Sign(HttpRequestMessage request, byte[]? body, TCredentials credentials);
    }
}

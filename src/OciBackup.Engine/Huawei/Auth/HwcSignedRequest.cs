using System.Collections.Generic;

namespace OciBackup.Engine.Huawei.Auth
{
    /// <summary>
    /// What signing produced: every header the signer saw (the caller's and the ones it added, spelled as the SDK
    /// spells them) plus Authorization, and the intermediate texts. The Authorization and signature are secret-bearing:
    /// they are never traced.
    /// </summary>
    internal sealed class HwcSignedRequest
    {
        public HwcSignedRequest(IReadOnlyList<KeyValuePair<string, string>> headers, string canonicalRequest, string stringToSign, string signedHeaders, string signature, string authorization)
        {
            Headers = headers;
            CanonicalRequest = canonicalRequest;
            StringToSign = stringToSign;
            SignedHeaders = signedHeaders;
            Signature = signature;
            Authorization = authorization;
        }

        /// <summary>The signed headers and Authorization, to send as they are.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        public string CanonicalRequest { get; }

        public string StringToSign { get; }

        /// <summary><c>content-type;host;x-project-id;x-sdk-date</c>.</summary>
        public string SignedHeaders { get; }

        /// <summary>64 lower-case hex digits.</summary>
        public string Signature { get; }

        public string Authorization { get; }
    }
}

namespace OciBackup.Engine.Http
{
    /// <summary>What a signature covered: the header list and the exact signing string (neither is secret).</summary>
    internal sealed class RequestSignature
    {
        /// <param name="canonicalRequest">The canonical request the signing string hashes, for schemes that have one; null for draft-cavage.</param>
        public RequestSignature(string signedHeaders, string signingString, string? canonicalRequest = null)
        {
            SignedHeaders = signedHeaders;
            SigningString = signingString;
            CanonicalRequest = canonicalRequest;
        }

        public string SignedHeaders { get; }

        /// <summary>The exact text the signature is computed over (Huawei: the string to sign).</summary>
        public string SigningString { get; }

        public string? CanonicalRequest { get; }
    }
}

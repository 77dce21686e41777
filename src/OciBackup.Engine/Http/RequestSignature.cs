namespace OciBackup.Engine.Http
{
    /// <summary>What a signature covered: the header list and the exact signing string (neither is secret).</summary>
    internal sealed class RequestSignature
    {
        public RequestSignature(string signedHeaders, string signingString)
        {
            SignedHeaders = signedHeaders;
            SigningString = signingString;
        }

        public string SignedHeaders { get; }

        public string SigningString { get; }
    }
}

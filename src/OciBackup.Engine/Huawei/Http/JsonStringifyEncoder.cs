using OciBackup.Engine.Http;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>
    /// Escapes JSON strings exactly as JavaScript's <c>JSON.stringify</c> does (what Huawei's Node SDK sends and hashes):
    /// only quote, backslash and control characters, with short forms where JSON has them and lower-case hex otherwise;
    /// everything else, non-ASCII included, is written as it is. The body's hash is signed, so one differently escaped
    /// character would be a different request.
    /// </summary>
    internal sealed class JsonStringifyEncoder : ShortEscapeJavaScriptEncoder
    {
        public static JsonStringifyEncoder Instance { get; } = new JsonStringifyEncoder();

        private JsonStringifyEncoder()
        {
        }

        public override bool WillEncode(int unicodeScalar) => unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\';
    }
}

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// Escapes JSON strings exactly as Newtonsoft.Json does by default (what Oracle's .NET SDK sends):
    /// only quote, backslash, control characters, U+0085, U+2028 and U+2029, with lower-case hex;
    /// non-ASCII and HTML-sensitive characters are written as they are. The body's hash is signed,
    /// so one differently escaped character would be a different request.
    /// </summary>
    internal sealed class NewtonsoftCompatibleJavaScriptEncoder : ShortEscapeJavaScriptEncoder
    {
        public static NewtonsoftCompatibleJavaScriptEncoder Instance { get; } = new NewtonsoftCompatibleJavaScriptEncoder();

        private NewtonsoftCompatibleJavaScriptEncoder()
        {
        }

        public override bool WillEncode(int unicodeScalar) =>
            unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\' ||
            unicodeScalar == 0x85 || unicodeScalar == 0x2028 || unicodeScalar == 0x2029;
    }
}

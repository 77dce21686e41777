using System.Globalization;
using System.Text.Encodings.Web;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>
    /// Escapes JSON strings exactly as JavaScript's <c>JSON.stringify</c> does (what Huawei's Node SDK sends and hashes):
    /// only quote, backslash and control characters, with short forms where JSON has them and lower-case hex otherwise;
    /// everything else, non-ASCII included, is written as it is. The body's hash is signed, so one differently escaped
    /// character would be a different request.
    /// </summary>
    internal sealed class JsonStringifyEncoder : JavaScriptEncoder
    {
        public static JsonStringifyEncoder Instance { get; } = new JsonStringifyEncoder();

        private JsonStringifyEncoder()
        {
        }

        public override int MaxOutputCharactersPerInputCharacter => 6;

        public override bool WillEncode(int unicodeScalar) => unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\';

        public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
        {
            for (var i = 0; i < textLength; i++)
            {
                if (WillEncode(text[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
        {
            string text;
            if (!WillEncode(unicodeScalar))
            {
                text = char.ConvertFromUtf32(unicodeScalar);
            }
            else
            {
                switch (unicodeScalar)
                {
                    case '"': text = "\\\""; break;
                    case '\\': text = "\\\\"; break;
                    case '\b': text = "\\b"; break;
                    case '\t': text = "\\t"; break;
                    case '\n': text = "\\n"; break;
                    case '\f': text = "\\f"; break;
                    case '\r': text = "\\r"; break;
                    default: text = "\\u" + unicodeScalar.ToString("x4", CultureInfo.InvariantCulture); break;
                }
            }

            if (bufferLength < text.Length)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            for (var i = 0; i < text.Length; i++)
            {
                buffer[i] = text[i];
            }

            numberOfCharactersWritten = text.Length;
            return true;
        }
    }
}

using System;
using System.IO;
using System.Text.Encodings.Web;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// Escapes JSON strings exactly as Newtonsoft.Json does by default (what Oracle's .NET SDK sends):
    /// only quote, backslash, control characters, U+0085, U+2028 and U+2029, with lower-case hex;
    /// non-ASCII and HTML-sensitive characters are written as they are. The body's hash is signed,
    /// so one differently escaped character would be a different request.
    /// </summary>
    internal sealed class NewtonsoftCompatibleJavaScriptEncoder : JavaScriptEncoder
    {
        public static NewtonsoftCompatibleJavaScriptEncoder Instance { get; } = new NewtonsoftCompatibleJavaScriptEncoder();

        private NewtonsoftCompatibleJavaScriptEncoder()
        {
        }

        public override int MaxOutputCharactersPerInputCharacter => 6;

        public override bool WillEncode(int unicodeScalar) =>
            unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\' ||
            unicodeScalar == 0x85 || unicodeScalar == 0x2028 || unicodeScalar == 0x2029;

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
            string escaped;
            if (!WillEncode(unicodeScalar))
            {
                if (unicodeScalar > 0xFFFF)
                {
                    if (bufferLength < 2)
                    {
                        numberOfCharactersWritten = 0;
                        return false;
                    }

                    var pair = char.ConvertFromUtf32(unicodeScalar);
                    buffer[0] = pair[0];
                    buffer[1] = pair[1];
                    numberOfCharactersWritten = 2;
                    return true;
                }

                if (bufferLength < 1)
                {
                    numberOfCharactersWritten = 0;
                    return false;
                }

                buffer[0] = (char)unicodeScalar;
                numberOfCharactersWritten = 1;
                return true;
            }

            switch (unicodeScalar)
            {
                case '"': escaped = "\\\""; break;
                case '\\': escaped = "\\\\"; break;
                case '\b': escaped = "\\b"; break;
                case '\t': escaped = "\\t"; break;
                case '\n': escaped = "\\n"; break;
                case '\f': escaped = "\\f"; break;
                case '\r': escaped = "\\r"; break;
                default: escaped = "\\u" + unicodeScalar.ToString("x4", System.Globalization.CultureInfo.InvariantCulture); break;
            }

            if (bufferLength < escaped.Length)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            for (var i = 0; i < escaped.Length; i++)
            {
                buffer[i] = escaped[i];
            }

            numberOfCharactersWritten = escaped.Length;
            return true;
        }
    }
}

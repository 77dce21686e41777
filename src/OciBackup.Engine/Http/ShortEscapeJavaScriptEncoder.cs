using System.Globalization;
using System.Text.Encodings.Web;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// A JSON string escaper that escapes only what a derived class says (<see cref="WillEncode"/>), with JSON's short
    /// forms where it has them (<c>\"</c>, <c>\\</c>, <c>\b</c>, <c>\t</c>, <c>\n</c>, <c>\f</c>, <c>\r</c>) and lower-case
    /// <c>\uXXXX</c> otherwise, writing everything else as it is: what the SDKs' JSON writers do, each with its own set.
    /// </summary>
    internal abstract class ShortEscapeJavaScriptEncoder : JavaScriptEncoder
    {
        public override int MaxOutputCharactersPerInputCharacter => 6;

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
            var text = WillEncode(unicodeScalar) ? Escaped(unicodeScalar) : unicodeScalar > 0xFFFF ? char.ConvertFromUtf32(unicodeScalar) : ((char)unicodeScalar).ToString();
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

        private static string Escaped(int unicodeScalar)
        {
            switch (unicodeScalar)
            {
                case '"': return "\\\"";
                case '\\': return "\\\\";
                case '\b': return "\\b";
                case '\t': return "\\t";
                case '\n': return "\\n";
                case '\f': return "\\f";
                case '\r': return "\\r";
                default: return "\\u" + unicodeScalar.ToString("x4", CultureInfo.InvariantCulture);
            }
        }
    }
}

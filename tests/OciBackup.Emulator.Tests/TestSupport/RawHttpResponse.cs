using System.Globalization;
using System.Text;

namespace OciBackup.Emulator.Tests.TestSupport;

/// <summary>A parsed HTTP/1.1 response (Content-Length framed, as the emulator sends).</summary>
internal sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static RawHttpResponse Parse(byte[] bytes)
    {
        string text = Encoding.UTF8.GetString(bytes);
        int split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new InvalidDataException("No complete HTTP response: " + text);
        }

        string[] lines = text[..split].Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return new RawHttpResponse(status, headers, text[(split + 4)..]);
    }
}

using System.Net.Sockets;
using System.Text;

namespace OciBackup.Emulator.Tests.TestSupport;

/// <summary>
/// Sends one HTTP/1.1 request byte for byte over a plain socket, so the request target and headers reach the
/// server exactly as written (HttpClient would normalise the Host header and could re-encode the target).
/// </summary>
internal static class RawHttpExchange
{
    public static async Task<RawHttpResponse> SendAsync(Uri server, string method, string target,
        IEnumerable<KeyValuePair<string, string>> headers, byte[] body)
    {
        var text = new StringBuilder();
        text.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        foreach (var header in headers)
        {
            text.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        text.Append("Connection: close\r\n\r\n");
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        using NetworkStream stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);
        return RawHttpResponse.Parse(received.ToArray());
    }
}

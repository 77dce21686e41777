using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Tests
{
    /// <summary>
    /// A minimal HTTP/1.1 server on 127.0.0.1 (ephemeral port) for transport tests: keep-alive,
    /// and answers the test chooses, including none at all (a cut connection) or a late one.
    /// </summary>
    public sealed class LoopbackHttpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Func<ServerRequest, Task<ServerReply>> _respond;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _acceptLoop;
        private int _connections;

        public LoopbackHttpServer(Func<ServerRequest, Task<ServerReply>> respond)
        {
            _respond = respond;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _acceptLoop = Task.Run(AcceptLoop);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Uri BaseAddress => new Uri($"http://127.0.0.1:{Port}");

        public int Connections => Volatile.Read(ref _connections);

        public ConcurrentQueue<ServerRequest> Requests { get; } = new ConcurrentQueue<ServerRequest>();

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                await _acceptLoop;
            }
            catch (Exception)
            {
                // Stopping.
            }
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }

                Interlocked.Increment(ref _connections);
                _ = Task.Run(() => Serve(client));
            }
        }

        private async Task Serve(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                while (!_stop.IsCancellationRequested)
                {
                    var request = await ReadRequest(stream);
                    if (request == null)
                    {
                        return;
                    }

                    Requests.Enqueue(request);
                    var reply = await _respond(request);
                    if (reply.Delay > TimeSpan.Zero)
                    {
                        try
                        {
                            await Task.Delay(reply.Delay, _stop.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            return;
                        }
                    }

                    if (reply.DropConnection)
                    {
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    var body = Encoding.UTF8.GetBytes(reply.Body);
                    var head = new StringBuilder()
                        .Append("HTTP/1.1 ").Append(reply.Status).Append(' ').Append(reply.Reason).Append("\r\n")
                        .Append("Content-Length: ").Append(body.Length).Append("\r\n")
                        .Append("Content-Type: ").Append(reply.ContentType).Append("\r\n");
                    foreach (var (name, value) in reply.Headers)
                    {
                        head.Append(name).Append(": ").Append(value).Append("\r\n");
                    }

                    head.Append("\r\n");
                    var headBytes = Encoding.ASCII.GetBytes(head.ToString());
                    await stream.WriteAsync(headBytes);
                    await stream.WriteAsync(body);
                    await stream.FlushAsync();
                }
            }
        }

        private static async Task<ServerRequest?> ReadRequest(NetworkStream stream)
        {
            var buffer = new List<byte>();
            var one = new byte[1];
            while (true)
            {
                int read;
                try
                {
                    read = await stream.ReadAsync(one);
                }
                catch (IOException)
                {
                    return null;
                }

                if (read == 0)
                {
                    return null;
                }

                buffer.Add(one[0]);
                var n = buffer.Count;
                if (n >= 4 && buffer[n - 4] == '\r' && buffer[n - 3] == '\n' && buffer[n - 2] == '\r' && buffer[n - 1] == '\n')
                {
                    break;
                }
            }

            var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }

            var body = Array.Empty<byte>();
            if (headers.TryGetValue("Content-Length", out var length) && int.Parse(length) > 0)
            {
                body = new byte[int.Parse(length)];
                var offset = 0;
                while (offset < body.Length)
                {
                    offset += await stream.ReadAsync(body.AsMemory(offset));
                }
            }

            return new ServerRequest(lines[0], headers, body);
        }
    }
}

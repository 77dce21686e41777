using System;
using System.Collections.Generic;

namespace OciBackup.Tests
{
    public sealed class ServerReply
    {
        public int Status { get; set; } = 200;

        public string Reason { get; set; } = "OK";

        public string Body { get; set; } = "{}";

        public string ContentType { get; set; } = "application/json";

        public List<(string Name, string Value)> Headers { get; } = new List<(string Name, string Value)>();

        /// <summary>Wait this long before answering.</summary>
        public TimeSpan Delay { get; set; }

        /// <summary>Cut the connection instead of answering.</summary>
        public bool DropConnection { get; set; }

        public static ServerReply Json(int status, string body, params (string Name, string Value)[] headers)
        {
            var reply = new ServerReply { Status = status, Reason = status == 200 ? "OK" : "Error", Body = body };
            reply.Headers.AddRange(headers);
            return reply;
        }
    }
}

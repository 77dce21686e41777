using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei;
using OciBackup.Engine.Huawei.Models;
using Xunit;

namespace OciBackup.Tests.Huawei.Http
{
    /// <summary>
    /// The Huawei side of <see cref="OciBackup.Tests.Http.CredentialLeakTests"/>: whatever a Huawei session holds (the SK,
    /// the security token, the AK) and whatever it puts on the wire (the Authorization header, its signature) never reaches
    /// a trace, an exception or a ToString, even from a hostile server that echoes what it receives.
    /// </summary>
    public class HwcCredentialLeakTests
    {
        private const string AccessKey = "HWLEAKTESTAK000000001";
        private const string SecretKey = "LeakTestSecretKey0000000000000000000000001";
        private const string SecurityToken = "gQpjbi1ub3J0aC00LEAKTEST+token/for-tests==";

        public static IEnumerable<object[]> Kinds => new[] { "PermanentFromParameters", "PermanentFromVariables", "TemporaryFromParameters", "TemporaryFromVariables" }
            .Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Kinds))]
        public async Task No_credential_reaches_a_trace_an_exception_or_a_ToString(string kind)
        {
            var seen = new ConcurrentQueue<string>();
            await using var server = new LoopbackHttpServer(request =>
            {
                var authorization = request.Header("Authorization") ?? string.Empty;
                var token = request.Header("X-Security-Token") ?? string.Empty;
                seen.Enqueue(authorization);
                seen.Enqueue(token);
                var path = request.RequestLine.Split(' ')[1];
                if (path.Contains("slow", StringComparison.Ordinal))
                {
                    return Task.FromResult(new ServerReply { Delay = TimeSpan.FromSeconds(10) });
                }

                if (path.Contains("drop", StringComparison.Ordinal))
                {
                    return Task.FromResult(new ServerReply { DropConnection = true });
                }

                var echo = (authorization + " token=" + token).Replace("\"", "'");
                var status = path.Contains("denied", StringComparison.Ordinal) ? 401 : path.Contains("cloudbackups", StringComparison.Ordinal) ? 400 : 404;
                // VBS's error shape for a create, the gateway's for the rest: both are read into the exception's message.
                var body = status == 400
                    ? "{\"error\":{\"code\":\"Echo\",\"message\":\"" + echo + "\"}}"
                    : "{\"error_code\":\"Echo\",\"error_msg\":\"" + echo + "\"}";
                return Task.FromResult(ServerReply.Json(status, body, ("X-Echo", echo), ("X-Request-Id", "leak-test")));
            });

            var environment = new FakeProcessEnvironment();
            var trace = new RecordingTrace();
            var options = new HwcSessionOptions
            {
                Region = "cn-north-4",
                Endpoint = server.BaseAddress.GetLeftPart(UriPartial.Authority),
                Environment = environment,
                Trace = trace,
                Timeout = TimeSpan.FromSeconds(2),
                RetryPolicy = RetryPolicy.None,
            };
            var temporary = kind.StartsWith("Temporary", StringComparison.Ordinal);
            if (kind.EndsWith("FromParameters", StringComparison.Ordinal))
            {
                options.AccessKey = AccessKey;
                options.SecretKey = SecretKey;
                options.SecurityToken = temporary ? SecurityToken : null;
                options.ProjectId = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
            }
            else
            {
                environment.Variables["HUAWEICLOUD_SDK_AK"] = AccessKey;
                environment.Variables["HUAWEICLOUD_SDK_SK"] = SecretKey;
                environment.Variables["HUAWEICLOUD_SDK_PROJECT_ID"] = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
                if (temporary)
                {
                    environment.Variables["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = SecurityToken;
                }
            }

            using var session = HwcSession.Create(options);
            var outputs = new List<string> { session.ToString(), session.Http.ToString()!, session.Vbs.ToString()!, session.Rds.ToString()! };
            var calls = new Func<Task>[]
            {
                () => session.Vbs.CreateBackupAsync(new VbsCreateBackupDetails("5aa119a8-d25b-45a7-8d1b-88e127885635", "leak-test"), default),
                () => session.Vbs.GetJobAsync("missing", default),
                () => session.Vbs.GetBackupAsync("slow", default),
                () => session.Rds.GetBackupAsync("drop", "b", default),
                () => session.Vbs.GetJobAsync("denied", default),
            };
            foreach (var call in calls)
            {
                var error = await Assert.ThrowsAnyAsync<Exception>(call);
                for (var e = error; e != null; e = e.InnerException)
                {
                    outputs.Add(e.Message);
                    outputs.Add(e.ToString());
                    outputs.AddRange(e.Data.Values.Cast<object?>().Select(v => v?.ToString() ?? string.Empty));
                }
            }

            outputs.AddRange(trace.Events.Select(e => e.ToString()));
            outputs.AddRange(trace.Events.SelectMany(e => e.Headers.Select(h => h.Key + ": " + h.Value)));
            var secrets = new List<string> { AccessKey, SecretKey };
            if (temporary)
            {
                secrets.Add(SecurityToken);
            }

            foreach (var value in seen.Where(v => v.Length > 0))
            {
                secrets.Add(value);
                var signature = value.IndexOf("Signature=", StringComparison.Ordinal);
                if (signature >= 0)
                {
                    secrets.Add(value.Substring(signature + "Signature=".Length));
                }
            }

            Assert.Contains(trace.Events, e => e.Kind == HttpTraceEventKind.ResponseReceived && e.StatusCode == 404);
            Assert.Contains(trace.Events, e => e.Kind == HttpTraceEventKind.ResponseReceived && e.StatusCode == 401);
            Assert.Contains(outputs, o => o.Contains("Echo", StringComparison.Ordinal));
            Assert.True(seen.Count(v => v.StartsWith("SDK-HMAC-SHA256 ", StringComparison.Ordinal)) >= 4, "the server saw the signed requests");
            Assert.Equal(temporary, seen.Contains(SecurityToken));
            foreach (var output in outputs)
            {
                foreach (var secret in secrets)
                {
                    Assert.False(output.Contains(secret, StringComparison.Ordinal), $"{kind}: a secret of {secret.Length} characters appears in: {output}");
                }
            }
        }

        private sealed class RecordingTrace : IHttpTraceListener
        {
            public ConcurrentQueue<HttpTraceEvent> Events { get; } = new ConcurrentQueue<HttpTraceEvent>();

            public void OnHttpEvent(HttpTraceEvent traceEvent) => Events.Enqueue(traceEvent);
        }
    }
}

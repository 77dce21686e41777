using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Http;
using Xunit;

namespace OciBackup.Tests.Http
{
    public class SecretRedactionTests
    {
        private sealed class RecordingTrace : IHttpTraceListener
        {
            public ConcurrentQueue<HttpTraceEvent> Events { get; } = new ConcurrentQueue<HttpTraceEvent>();

            public void OnHttpEvent(HttpTraceEvent traceEvent) => Events.Enqueue(traceEvent);
        }

        [Fact]
        public async Task No_secret_reaches_a_trace_an_exception_or_a_ToString_even_when_the_server_echoes_it()
        {
            var token = SigningVectors.Key("rsa2048-session").GetProperty("sessionToken").GetString()!;
            var keyPem = TestConfigs.KeyText("test-rsa2048-pkcs8-encrypted.pem");
            var seenAuthorization = new ConcurrentQueue<string>();
            await using var server = new LoopbackHttpServer(request =>
            {
                var authorization = request.Header("Authorization")!;
                seenAuthorization.Enqueue(authorization);
                var path = request.RequestLine.Split(' ')[1];
                if (path.EndsWith("/slow"))
                {
                    return Task.FromResult(new ServerReply { Delay = TimeSpan.FromSeconds(10) });
                }

                if (path.EndsWith("/drop"))
                {
                    return Task.FromResult(new ServerReply { DropConnection = true });
                }

                // A hostile or buggy server that echoes credentials back in its error and headers.
                var echo = authorization.Replace("\"", "'") + " token=" + token + " pass=correct horse";
                return Task.FromResult(ServerReply.Json(401, "{\"code\":\"NotAuthenticated\",\"message\":\"" + echo + "\"}", ("opc-request-id", "r1"), ("x-echo", echo)));
            });

            var environment = TestConfigs.Home(
                $"[DEFAULT]\nfingerprint={TestConfigs.Fingerprint}\nkey_file=~/.oci/test-rsa2048-pkcs8-encrypted.pem\npass_phrase=correct horse\n" +
                $"tenancy={TestConfigs.Tenancy}\nregion=us-ashburn-1\nsecurity_token_file=~/.oci/token\n");
            environment.AddFile("/home/test/.oci/token", token);
            var trace = new RecordingTrace();
            using var session = OciSession.Create(new OciSessionOptions
            {
                Environment = environment,
                Endpoint = server.BaseAddress.GetLeftPart(UriPartial.Authority),
                Trace = trace,
                Timeout = TimeSpan.FromMilliseconds(500),
                RetryPolicy = RetryPolicy.None,
                Clock = SigningVectors.SessionTokenClock(),
            });

            var outputs = new List<string> { session.ToString(), session.Http.ToString()!, session.Blockstorage.ToString()! };
            foreach (var path in new[] { "/20160918/volumes/v", "/20160918/volumes/slow", "/20160918/volumes/drop" })
            {
                var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Http.SendAsync(new OciRequest(System.Net.Http.HttpMethod.Get, path), default));
                outputs.Add(error.Message);
                outputs.Add(error.ToString());
            }

            var postError = await Assert.ThrowsAsync<OciServiceException>(() => session.Blockstorage.CreateVolumeBackupAsync(new Engine.Models.CreateVolumeBackupDetails("v"), "tok-1", default));
            outputs.Add(postError.ToString());
            outputs.AddRange(trace.Events.Select(e => e.ToString()));
            outputs.AddRange(trace.Events.SelectMany(e => e.Headers.Select(h => h.Key + ": " + h.Value)));

            var secrets = new List<string> { token, "correct horse" };
            secrets.AddRange(seenAuthorization);
            secrets.AddRange(seenAuthorization.Select(a => a.Substring(a.IndexOf("signature=\"", StringComparison.Ordinal) + 11).TrimEnd('"')));
            secrets.AddRange(keyPem.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----")));

            Assert.True(seenAuthorization.Count >= 4);
            Assert.Contains(trace.Events, e => e.Kind == HttpTraceEventKind.ResponseReceived && e.StatusCode == 401);
            Assert.Contains(trace.Events, e => e.Kind == HttpTraceEventKind.RequestFailed);
            Assert.Contains(outputs, o => o.Contains("NotAuthenticated"));
            Assert.Contains(outputs, o => o.Contains("Authorization: Signature headers=\"date (request-target) host\",keyId=<redacted>,signature=<redacted>"));
            foreach (var output in outputs)
            {
                foreach (var secret in secrets)
                {
                    Assert.DoesNotContain(secret, output);
                }
            }
        }

        [Fact]
        public void Secret_headers_are_masked_and_known_secrets_removed_from_text()
        {
            var redactor = new SecretRedactor(new[] { "hunter2-secret", null, "ab" });

            Assert.Equal(SecretRedactor.Mask, redactor.RedactHeader("Proxy-Authorization", "Basic abc"));
            Assert.Equal(SecretRedactor.Mask, redactor.RedactHeader("opc-obo-token", "x"));
            Assert.Equal("id <redacted> end", redactor.Redact("id hunter2-secret end"));
            Assert.Equal("ab stays: too short to be a secret", redactor.Redact("ab stays: too short to be a secret"));
            Assert.Equal("Signature headers=\"date\",keyId=<redacted>,signature=<redacted>", redactor.RedactHeader("authorization", "Signature version=\"1\",headers=\"date\",keyId=\"ST$tok\",signature=\"sig\""));
        }
    }
}

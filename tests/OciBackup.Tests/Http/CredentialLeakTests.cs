using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using Xunit;

namespace OciBackup.Tests.Http
{
    /// <summary>
    /// One leak test per kind of sign-in: whatever the kind holds (tokens, session keys, the instance's leaf key, key
    /// content and pass phrases from variables, delegation tokens, signatures) never reaches a trace, an exception, or a
    /// ToString, even from a hostile server that echoes the credentials it receives.
    /// </summary>
    public class CredentialLeakTests
    {
        public static IEnumerable<object[]> Kinds => new[] { "ApiKeyFromVariables", "ApiKeyGivenDirectly", "SessionToken", "InstancePrincipal", "ResourcePrincipal", "DelegationToken" }
            .Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Kinds))]
        public async Task No_credential_of_the_kind_reaches_a_trace_an_exception_or_a_ToString(string kind)
        {
            await using var emulator = await IdentityEmulator.StartAsync();
            var seen = new ConcurrentQueue<string>();
            await using var server = new LoopbackHttpServer(request =>
            {
                var authorization = request.Header("Authorization") ?? string.Empty;
                var obo = request.Header("opc-obo-token") ?? string.Empty;
                seen.Enqueue(authorization);
                seen.Enqueue(obo);
                var path = request.RequestLine.Split(' ')[1];
                if (path.EndsWith("/slow", StringComparison.Ordinal))
                {
                    return Task.FromResult(new ServerReply { Delay = TimeSpan.FromSeconds(10) });
                }

                if (path.EndsWith("/drop", StringComparison.Ordinal))
                {
                    return Task.FromResult(new ServerReply { DropConnection = true });
                }

                var echo = (authorization + " obo=" + obo).Replace("\"", "'");
                return Task.FromResult(ServerReply.Json(path.EndsWith("/denied", StringComparison.Ordinal) ? 401 : 404,
                    "{\"code\":\"Echo\",\"message\":\"" + echo + "\"}", ("x-echo", echo)));
            });

            var secrets = new List<string>();
            var trace = new RecordingTrace();
            var options = Options(kind, emulator, secrets);
            options.Endpoint = server.BaseAddress.GetLeftPart(UriPartial.Authority);
            options.Trace = trace;
            // Long enough for the federation call on a busy machine; the slow path waits this long once.
            options.Timeout = TimeSpan.FromSeconds(3);
            options.RetryPolicy = RetryPolicy.None;
            using var session = OciSession.Create(options);

            var outputs = new List<string> { session.ToString(), session.Http.ToString()!, session.Authentication.ToString()!, session.Fingerprint };
            foreach (var path in new[] { "/20160918/volumes/v", "/20160918/volumes/slow", "/20160918/volumes/drop", "/20160918/volumes/denied" })
            {
                if (path.EndsWith("/denied", StringComparison.Ordinal) && (kind == "InstancePrincipal" || kind == "DelegationToken"))
                {
                    // The 401 renews the token: let that renewal fail, so its error is looked at too.
                    emulator.Identity.FederationFaults = new OciBackup.Emulator.Identity.FederationFaultSettings { ServerErrorShare = 1 };
                }

                var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Http.SendAsync(new OciRequest(HttpMethod.Get, path), default));
                for (var e = error; e != null; e = e.InnerException)
                {
                    outputs.Add(e.Message);
                    outputs.Add(e.ToString());
                }
            }

            outputs.AddRange(trace.Events.Select(e => e.ToString()));
            outputs.AddRange(trace.Events.SelectMany(e => e.Headers.Select(h => h.Key + ": " + h.Value)));
            foreach (var value in seen.Where(v => v.Length > 0))
            {
                secrets.Add(value);
                if (value.StartsWith("Signature ", StringComparison.Ordinal))
                {
                    var keyId = Between(value, "keyId=\"", "\"");
                    if (keyId.StartsWith("ST$", StringComparison.Ordinal))
                    {
                        // An API key's keyId names the tenancy, user and fingerprint, none of them secret; a token's is the token.
                        secrets.Add(keyId.Substring(3));
                    }

                    secrets.Add(Between(value, "signature=\"", "\""));
                }
            }

            Assert.Contains(trace.Events, e => e.Kind == HttpTraceEventKind.ResponseReceived && e.StatusCode == 404);
            Assert.Contains(outputs, o => o.Contains("Echo", StringComparison.Ordinal));
            Assert.True(secrets.Count >= 4, "the test knows what to look for");
            foreach (var output in outputs)
            {
                foreach (var secret in secrets.Where(s => s.Trim().Length >= 8))
                {
                    Assert.False(output.Contains(secret.Trim(), StringComparison.Ordinal), $"{kind}: a secret of {secret.Trim().Length} characters appears in: {output}");
                }
            }
        }

        private static OciSessionOptions Options(string kind, IdentityEmulator emulator, List<string> secrets)
        {
            var environment = emulator.InstanceEnvironment();
            var options = emulator.Options(environment);
            var pkcs1 = TestConfigs.KeyText("test-rsa2048-pkcs1.pem");
            switch (kind)
            {
                case "ApiKeyFromVariables":
                    var encrypted = TestConfigs.KeyText("test-rsa2048-pkcs8-encrypted.pem");
                    environment.Set(new Dictionary<string, string>
                    {
                        ["OCI_CLI_USER"] = TestConfigs.User,
                        ["OCI_CLI_TENANCY"] = TestConfigs.Tenancy,
                        ["OCI_CLI_FINGERPRINT"] = TestConfigs.Fingerprint,
                        ["OCI_CLI_KEY_CONTENT"] = encrypted,
                        ["OCI_CLI_PASSPHRASE"] = TestConfigs.PassPhrase,
                        ["OCI_CLI_REGION"] = "us-ashburn-1",
                    });
                    secrets.AddRange(KeyLines(encrypted));
                    secrets.Add(TestConfigs.PassPhrase);
                    break;
                case "ApiKeyGivenDirectly":
                    options.Region = "iad";
                    options.ApiKey = new ApiKeySettings(TestConfigs.Tenancy, TestConfigs.User, TestConfigs.Fingerprint) { PrivateKeyPem = pkcs1 };
                    secrets.AddRange(KeyLines(pkcs1));
                    break;
                case "SessionToken":
                    options.ConfigFile = emulator.Identity.SessionTokenConfigFile;
                    var directory = Path.GetDirectoryName(options.ConfigFile)!;
                    secrets.Add(File.ReadAllText(Path.Combine(directory, "token")).Trim());
                    secrets.AddRange(KeyLines(File.ReadAllText(Path.Combine(directory, "session_key.pem"))));
                    break;
                case "InstancePrincipal":
                case "DelegationToken":
                    options.AuthType = kind;
                    options.SessionKeys = KnownSessionKey(secrets);
                    secrets.AddRange(KeyLines(LeafKey(emulator)));
                    if (kind == "DelegationToken")
                    {
                        environment.Set(emulator.Identity.CloudShellVariables!);
                        secrets.Add(File.ReadAllText(emulator.Identity.CloudShellVariables!["OCI_CLI_DELEGATION_TOKEN_FILE"]).Trim());
                    }

                    break;
                case "ResourcePrincipal":
                    options.AuthType = kind;
                    var variables = emulator.Identity.ResourcePrincipalVariables!;
                    environment.Variables["OCI_RESOURCE_PRINCIPAL_VERSION"] = "2.2";
                    environment.Variables["OCI_RESOURCE_PRINCIPAL_REGION"] = "us-ashburn-1";
                    environment.Variables["OCI_RESOURCE_PRINCIPAL_RPST"] = File.ReadAllText(variables["OCI_RESOURCE_PRINCIPAL_RPST"]);
                    environment.Variables["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"] = File.ReadAllText(variables["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"]);
                    secrets.Add(environment.Variables["OCI_RESOURCE_PRINCIPAL_RPST"].Trim());
                    secrets.AddRange(KeyLines(environment.Variables["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"]));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind));
            }

            return options;
        }

        /// <summary>Session keys whose private half the test knows, so it can look for it.</summary>
        private static Func<SessionKey> KnownSessionKey(List<string> secrets)
        {
            var pem = TestConfigs.KeyText("test-rsa2048-pkcs8.pem");
            secrets.AddRange(KeyLines(pem));
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            var spki = rsa.ExportSubjectPublicKeyInfo();
            return () => new SessionKey(PrivateKeyReader.Read(pem, null, "test session key"), spki);
        }

        private static string LeafKey(IdentityEmulator emulator)
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.Identity.MetadataBaseAddress!, "identity/key.pem"));
            request.Headers.Add("Authorization", "Bearer Oracle");
            return http.Send(request).Content.ReadAsStringAsync().GetAwaiter().GetResult();
        }

        private static IEnumerable<string> KeyLines(string pem) =>
            pem.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal));

        private static string Between(string text, string start, string end)
        {
            var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
            return text.Substring(from, text.IndexOf(end, from, StringComparison.Ordinal) - from);
        }

        private sealed class RecordingTrace : IHttpTraceListener
        {
            public ConcurrentQueue<HttpTraceEvent> Events { get; } = new ConcurrentQueue<HttpTraceEvent>();

            public void OnHttpEvent(HttpTraceEvent traceEvent) => Events.Enqueue(traceEvent);
        }
    }
}

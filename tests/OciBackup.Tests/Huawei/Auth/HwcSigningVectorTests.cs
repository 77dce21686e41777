using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei;
using OciBackup.Engine.Huawei.Auth;
using OciBackup.Engine.Huawei.Http;
using OciBackup.Engine.Huawei.Models;
using Xunit;

namespace OciBackup.Tests.Huawei.Auth
{
    /// <summary>
    /// Every vector again, end to end: the call built by the engine's request builders as the vector's SDK call describes
    /// it, sent by the shared HTTP client with Huawei's sign step, and what reached the wire compared with what the SDK sent.
    /// </summary>
    public class HwcSigningVectorTests
    {
        private static readonly HashSet<string> VbsListFilters = new HashSet<string>(StringComparer.Ordinal) { "name", "volume_id", "status", "sort_key", "sort_dir", "offset", "limit" };
        private static readonly HashSet<string> RdsListFilters = new HashSet<string>(StringComparer.Ordinal) { "instance_id", "backup_id", "backup_type", "offset", "limit" };

        public static TheoryData<string> VectorNames() => HuaweiSigningVectors.Names();

        [Theory]
        [MemberData(nameof(VectorNames))]
        public async Task Sends_each_vector_through_the_request_builders_and_http_client_as_huaweis_sdk_sends_it(string name)
        {
            var testCase = HuaweiSigningVectors.Case(name);
            var credentials = HuaweiSigningVectors.CredentialsOf(testCase);
            var handler = new CapturingHandler();
            var endpoint = new Uri(testCase.GetProperty("request").GetProperty("endpoint").GetString()!);
            using var http = new OciHttpClient(new OciHttpClientOptions(endpoint, new HwcSigningStep(credentials, new HwcRequestSigner(HuaweiSigningVectors.ClockOf(testCase))))
            {
                ErrorReader = HwcErrorReader.Instance,
                Handler = handler,
                RetryPolicy = RetryPolicy.None,
            });

            await http.SendAsync(RequestFor(testCase, credentials.ProjectId), default);

            AssertWireMatches(testCase, handler.Single);
        }

        [Fact]
        public async Task A_session_for_the_region_sends_a_vbs_create_as_the_sdk_does()
        {
            var testCase = HuaweiSigningVectors.Case("vbs-create-backup-ascii");
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, "{\"job_id\":\"4010b39b6b6b7d5b016b6ba4c5a40a11\"}"));
            using var session = HuaweiSession(testCase, "cn-north-4", handler);

            var job = await session.Vbs.CreateBackupAsync(VbsDetailsFrom(testCase), default);

            AssertWireMatches(testCase, handler.Single);
            Assert.Equal("4010b39b6b6b7d5b016b6ba4c5a40a11", job.Value.JobId);
        }

        [Fact]
        public async Task A_session_for_the_eu_sovereign_region_sends_an_rds_create_to_its_eu_domain_as_the_sdk_does()
        {
            var testCase = HuaweiSigningVectors.Case("rds-create-manual-backup-databases-eu-west-101");
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.Accepted, "{\"backup\":{\"id\":\"b1\",\"status\":\"BUILDING\"}}"));
            using var session = HuaweiSession(testCase, "eu-west-101", handler);
            var request = RdsRequests.CreateBackup(session.ProjectId, RdsDetailsFrom(testCase), language: null);

            await session.Rds.Http.SendAsync(request, default);

            AssertWireMatches(testCase, handler.Single);
        }

        private static HwcSession HuaweiSession(JsonElement testCase, string region, CapturingHandler handler)
        {
            var credentials = HuaweiSigningVectors.CredentialsOf(testCase);
            return HwcSession.Create(new HwcSessionOptions
            {
                Region = region,
                ProjectId = credentials.ProjectId,
                AccessKey = credentials.AccessKey,
                SecretKey = credentials.SecretKey,
                SecurityToken = credentials.SecurityToken,
                Clock = HuaweiSigningVectors.ClockOf(testCase),
                Handler = handler,
                Environment = new FakeProcessEnvironment(),
                RetryPolicy = RetryPolicy.None,
                ContentTypeWithoutBody = true,
            });
        }

        private static void AssertWireMatches(JsonElement testCase, CapturedRequest sent)
        {
            var expected = HuaweiSigningVectors.Expected(testCase);
            var wire = new Uri(expected.GetProperty("wire").GetProperty("url").GetString()!);
            Assert.Equal(testCase.GetProperty("request").GetProperty("method").GetString(), sent.Method);
            Assert.Equal(wire.AbsolutePath, sent.Uri.AbsolutePath);
            Assert.Equal(Sorted(HwcRequestSigner.ParseQuery(wire.Query)), Sorted(HwcRequestSigner.ParseQuery(sent.Uri.Query)));
            foreach (var header in expected.GetProperty("headersSigned").EnumerateObject())
            {
                Assert.True(sent.Headers.TryGetValue(header.Name, out var value), $"{header.Name} was not sent.");
                Assert.Equal(header.Value.GetString(), value);
            }

            Assert.Equal(expected.GetProperty("authorization").GetString(), sent.Headers["Authorization"]);
            Assert.Equal(testCase.GetProperty("credentials").TryGetProperty("securityToken", out _), sent.Headers.ContainsKey("X-Security-Token"));
            Assert.Equal(testCase.GetProperty("credentials").TryGetProperty("projectId", out _), sent.Headers.ContainsKey("X-Project-Id"));
            var body = HuaweiSigningVectors.BodyOf(testCase) ?? Array.Empty<byte>();
            Assert.Equal(Convert.ToBase64String(body), Convert.ToBase64String(sent.Body ?? Array.Empty<byte>()));
        }

        /// <summary>The engine's builder for the SDK call the vector describes; a plain request for calls no builder makes (another API, odd queries).</summary>
        private static OciRequest RequestFor(JsonElement testCase, string? projectId)
        {
            var request = testCase.GetProperty("request");
            var method = request.GetProperty("method").GetString()!;
            var template = request.GetProperty("pathTemplate").GetString()!.TrimEnd('/');
            var path = request.GetProperty("path").GetString()!;
            var query = HuaweiSigningVectors.QueryOf(testCase).ToList();
            var headers = HuaweiSigningVectors.CallerHeadersOf(testCase).Where(h => !string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).ToList();
            var language = headers.Where(h => h.Key == RdsRequests.LanguageHeader).Select(h => h.Value).FirstOrDefault();
            var others = headers.Where(h => h.Key != RdsRequests.LanguageHeader).ToList();
            var hasBody = HuaweiSigningVectors.BodyOf(testCase) != null;
            var lastSegment = path.TrimEnd('/').Split('/').Last();
            var distinctKeys = query.Select(q => q.Key).Distinct(StringComparer.Ordinal).Count() == query.Count;
            OciRequest built;
            if (projectId == null)
            {
                return Plain(method, path, query, headers, HuaweiSigningVectors.BodyOf(testCase));
            }

            switch (method, template)
            {
                case ("POST", "/v2/{project_id}/cloudbackups") when hasBody:
                    built = VbsRequests.CreateBackup(projectId, VbsDetailsFrom(testCase));
                    break;
                case ("POST", "/v3/{project_id}/backups") when hasBody:
                    built = RdsRequests.CreateBackup(projectId, RdsDetailsFrom(testCase), language);
                    language = null;
                    break;
                case ("GET", "/v1/{project_id}/jobs/{job_id}"):
                    built = VbsRequests.GetJob(projectId, lastSegment);
                    break;
                case ("GET", "/v2/{project_id}/backups/{backup_id}"):
                    built = VbsRequests.GetBackup(projectId, lastSegment);
                    break;
                case ("GET", "/v2/{project_id}/backups/detail") when distinctKeys && query.All(q => VbsListFilters.Contains(q.Key)):
                    built = VbsRequests.ListBackups(projectId, new VbsBackupFilter { Name = Value(query, "name"), VolumeId = Value(query, "volume_id"), Status = Value(query, "status"), SortKey = Value(query, "sort_key"), SortDir = Value(query, "sort_dir") },
                        Number(query, "offset"), Number(query, "limit"));
                    break;
                case ("GET", "/v3/{project_id}/backups") when distinctKeys && query.All(q => RdsListFilters.Contains(q.Key)) && Value(query, "instance_id") != null:
                    built = RdsRequests.ListBackups(projectId, new RdsBackupFilter(Value(query, "instance_id")!) { BackupId = Value(query, "backup_id"), BackupType = Value(query, "backup_type") },
                        Number(query, "offset"), Number(query, "limit"), language);
                    language = null;
                    break;
                default:
                    return Plain(method, path, query, headers, HuaweiSigningVectors.BodyOf(testCase));
            }

            foreach (var header in others)
            {
                built.WithHeader(header.Key, header.Value);
            }

            return language == null ? built : built.WithHeader(RdsRequests.LanguageHeader, language);
        }

        private static OciRequest Plain(string method, string path, List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> headers, byte[]? body)
        {
            // The SDK sends the path without its trailing slash.
            var request = new OciRequest(new HttpMethod(method), path.Length > 1 ? path.TrimEnd('/') : path, body);
            foreach (var pair in query)
            {
                request.WithQuery(pair.Key, pair.Value);
            }

            foreach (var header in headers)
            {
                request.WithHeader(header.Key, header.Value);
            }

            return request;
        }

        private static VbsCreateBackupDetails VbsDetailsFrom(JsonElement testCase)
        {
            using var document = JsonDocument.Parse(HuaweiSigningVectors.BodyOf(testCase));
            var backup = document.RootElement.GetProperty("backup");
            var details = new VbsCreateBackupDetails(backup.GetProperty("volume_id").GetString()!, backup.GetProperty("name").GetString()!)
            {
                SnapshotId = HuaweiSigningVectors.Text(backup, "snapshot_id"),
                Description = HuaweiSigningVectors.Text(backup, "description"),
            };
            if (backup.TryGetProperty("tags", out var tags))
            {
                details.Tags = tags.EnumerateArray().Select(t => new HwcTag(t.GetProperty("key").GetString()!, t.GetProperty("value").GetString()!)).ToList();
            }

            if (backup.TryGetProperty("extend_param", out var extend))
            {
                details.ExtendParam = extend.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? (object)p.Value.GetString()! : p.Value.GetBoolean());
            }

            return details;
        }

        private static RdsCreateBackupDetails RdsDetailsFrom(JsonElement testCase)
        {
            using var document = JsonDocument.Parse(HuaweiSigningVectors.BodyOf(testCase));
            var body = document.RootElement;
            var details = new RdsCreateBackupDetails(body.GetProperty("instance_id").GetString()!, body.GetProperty("name").GetString()!)
            {
                Description = HuaweiSigningVectors.Text(body, "description"),
            };
            if (body.TryGetProperty("databases", out var databases))
            {
                details.Databases = databases.EnumerateArray().Select(d => new RdsDatabaseName(d.GetProperty("name").GetString()!)).ToList();
            }

            if (body.TryGetProperty("backup_database_individually", out var individually))
            {
                details.BackupDatabaseIndividually = individually.GetBoolean();
            }

            return details;
        }

        private static string? Value(List<KeyValuePair<string, string>> query, string key) => query.Where(q => q.Key == key).Select(q => q.Value).FirstOrDefault();

        private static int? Number(List<KeyValuePair<string, string>> query, string key) => Value(query, key) is string text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;

        private static List<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> pairs) =>
            pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).ToList();
    }
}

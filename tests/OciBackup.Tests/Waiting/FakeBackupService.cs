using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Kinds;

namespace OciBackup.Tests.Waiting
{
    /// <summary>
    /// A block-storage service stand-in for waits and bulk runs: creates volume and volume group backups (one per
    /// retry token), answers get and list of them from scripted lifecycles read off an injected clock, serves
    /// scripted faults and hangs, and keeps a log of every request it served.
    /// </summary>
    internal sealed class FakeBackupService : HttpMessageHandler
    {
        public const string GetVolumeBackup = "GetVolumeBackup";
        public const string GetVolumeGroupBackup = "GetVolumeGroupBackup";
        public const string ListVolumeBackups = "ListVolumeBackups";
        public const string ListVolumeGroupBackups = "ListVolumeGroupBackups";
        public const string CreateVolumeBackup = "CreateVolumeBackup";
        public const string CreateVolumeGroupBackup = "CreateVolumeGroupBackup";

        /// <summary>A fault status meaning: the connection fails before any answer.</summary>
        public const int ConnectionFailure = 0;

        private readonly IClock _clock;
        private readonly object _gate = new object();
        private readonly List<Scripted> _backups = new List<Scripted>();
        private readonly Dictionary<string, Queue<(int Status, TimeSpan? RetryAfter)>> _getFaults = new Dictionary<string, Queue<(int, TimeSpan?)>>();
        private readonly Queue<int> _listFaults = new Queue<int>();
        private readonly List<(DateTimeOffset At, string Operation, string Subject)> _served = new List<(DateTimeOffset, string, string)>();
        private readonly TaskCompletionSource<bool> _hangingRequest = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Dictionary<string, string> _createdByToken = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Status, TimeSpan? RetryAfter)> _createFaults = new Dictionary<string, (int, TimeSpan?)>(StringComparer.Ordinal);
        private readonly HashSet<string> _hangCreates = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<string> _retryTokens = new List<string>();
        private int _cancelled;
        private int _hanging;
        private TaskCompletionSource<bool> _hangingCount = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _hangingWanted = int.MaxValue;

        public FakeBackupService(IClock clock)
        {
            _clock = clock;
        }

        /// <summary>Requests wait for cancellation instead of being answered.</summary>
        public bool Hang { get; set; }

        public int CancelledRequests => Volatile.Read(ref _cancelled);

        /// <summary>Completes when a request starts to hang.</summary>
        public Task HangingRequest => _hangingRequest.Task;

        public IReadOnlyList<(DateTimeOffset At, string Operation, string Subject)> Served
        {
            get
            {
                lock (_gate)
                {
                    return _served.ToArray();
                }
            }
        }

        public int Requests => Served.Count;

        /// <summary>The compartment created backups go to.</summary>
        public string CreateCompartment { get; set; } = "c1";

        /// <summary>The lifecycle of each backup created, by the id of what it backs up; AVAILABLE after 10 s by default.</summary>
        public Func<string, (TimeSpan After, string State)[]> CreatedLifecycle { get; set; } =
            _ => new[] { (TimeSpan.FromSeconds(2), "CREATING"), (TimeSpan.FromSeconds(10), "AVAILABLE") };

        /// <summary>The opc-retry-token of every create received, in order.</summary>
        public IReadOnlyList<string> RetryTokens
        {
            get
            {
                lock (_gate)
                {
                    return _retryTokens.ToArray();
                }
            }
        }

        /// <summary>Backups made by creates (retry-token replays make none).</summary>
        public int BackupsCreated
        {
            get
            {
                lock (_gate)
                {
                    return _createdByToken.Count;
                }
            }
        }

        /// <summary>Creates for this volume or group wait for cancellation instead of being answered (the service got them).</summary>
        public void HangCreates(string sourceId)
        {
            lock (_gate)
            {
                _hangCreates.Add(sourceId);
            }
        }

        /// <summary>Every create for this volume or group fails with this status.</summary>
        public void FailCreates(string sourceId, int status, TimeSpan? retryAfter = null)
        {
            lock (_gate)
            {
                _createFaults[sourceId] = (status, retryAfter);
            }
        }

        /// <summary>The next create for this volume or group fails with this status, then they succeed.</summary>
        public void FailNextCreate(string sourceId, int status, TimeSpan? retryAfter = null)
        {
            lock (_gate)
            {
                _createFaults[sourceId + "|once"] = (status, retryAfter);
            }
        }

        /// <summary>Completes once this many requests are hanging at the same time.</summary>
        public Task Hanging(int count)
        {
            lock (_gate)
            {
                _hangingWanted = count;
                if (_hanging >= count)
                {
                    _hangingCount.TrySetResult(true);
                }

                return _hangingCount.Task;
            }
        }

        public int Count(string operation) => Served.Count(s => s.Operation == operation);

        /// <summary>When each get of this backup was served.</summary>
        public IReadOnlyList<DateTimeOffset> GetTimes(string id) =>
            Served.Where(s => s.Subject == id && s.Operation.StartsWith("Get", StringComparison.Ordinal)).Select(s => s.At).ToList();

        /// <summary>Adds a backup requested at <paramref name="requested"/>, REQUEST_RECEIVED until the first step of its lifecycle.</summary>
        public void Add(string id, ResourceKind kind, string compartmentId, DateTimeOffset requested, params (TimeSpan After, string State)[] lifecycle)
        {
            lock (_gate)
            {
                _backups.Add(new Scripted(id, kind, compartmentId, requested, lifecycle));
            }
        }

        /// <summary>The next gets of this backup fail with these statuses, in order (<see cref="ConnectionFailure"/> for no answer).</summary>
        public void FailGets(string id, params int[] statuses)
        {
            foreach (var status in statuses)
            {
                FailGet(id, status, null);
            }
        }

        public void FailGet(string id, int status, TimeSpan? retryAfter)
        {
            lock (_gate)
            {
                if (!_getFaults.TryGetValue(id, out var faults))
                {
                    faults = new Queue<(int, TimeSpan?)>();
                    _getFaults.Add(id, faults);
                }

                faults.Enqueue((status, retryAfter));
            }
        }

        /// <summary>The next list requests fail with these statuses, in order.</summary>
        public void FailLists(params int[] statuses)
        {
            lock (_gate)
            {
                foreach (var status in statuses)
                {
                    _listFaults.Enqueue(status);
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Hang)
            {
                _hangingRequest.TrySetResult(true);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _cancelled);
                    throw;
                }
            }

            var path = request.RequestUri!.AbsolutePath;
            var query = Query(request.RequestUri.Query);
            if (request.Method == HttpMethod.Post)
            {
                return await CreateAsync(request, path, cancellationToken);
            }

            lock (_gate)
            {
                var now = _clock.UtcNow;
                foreach (var (prefix, kind, get, list) in new (string, ResourceKind, string, string)[]
                {
                    ("/20160918/volumeBackups", BackupKind.Volume, GetVolumeBackup, ListVolumeBackups),
                    ("/20160918/volumeGroupBackups", BackupKind.VolumeGroup, GetVolumeGroupBackup, ListVolumeGroupBackups),
                })
                {
                    if (path == prefix)
                    {
                        _served.Add((now, list, query["compartmentId"] + (query.TryGetValue("page", out var page) ? " page " + page : string.Empty)));
                        return _listFaults.Count > 0 ? Fault(_listFaults.Dequeue(), null) : List(kind, query, now);
                    }

                    if (path.StartsWith(prefix + "/", StringComparison.Ordinal))
                    {
                        var id = Uri.UnescapeDataString(path.Substring(prefix.Length + 1));
                        _served.Add((now, get, id));
                        if (_getFaults.TryGetValue(id, out var faults) && faults.Count > 0)
                        {
                            var (status, retryAfter) = faults.Dequeue();
                            return Fault(status, retryAfter);
                        }

                        var backup = _backups.SingleOrDefault(b => b.Id == id && b.Kind == kind);
                        return backup == null
                            ? Error(HttpStatusCode.NotFound, "NotAuthorizedOrNotFound", $"Backup {id} not found")
                            : Json(HttpStatusCode.OK, backup.ToJson(now));
                    }
                }
            }

            return Error(HttpStatusCode.NotFound, "NotFound", "No such operation: " + path);
        }

        private async Task<HttpResponseMessage> CreateAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
        {
            var (kind, operation, sourceField, prefix) = path == "/20160918/volumeGroupBackups"
                ? (BackupKind.VolumeGroup, CreateVolumeGroupBackup, "volumeGroupId", "vgb")
                : (BackupKind.Volume, CreateVolumeBackup, "volumeId", "vb");
            using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            var source = body.RootElement.GetProperty(sourceField).GetString()!;
            var token = request.Headers.GetValues("opc-retry-token").Single();
            bool hang;
            lock (_gate)
            {
                _served.Add((_clock.UtcNow, operation, source));
                _retryTokens.Add(token);
                hang = _hangCreates.Contains(source);
                if (hang && ++_hanging >= _hangingWanted)
                {
                    _hangingCount.TrySetResult(true);
                }
            }

            if (hang)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _cancelled);
                    throw;
                }
            }

            lock (_gate)
            {
                if (_createFaults.TryGetValue(source + "|once", out var once))
                {
                    _createFaults.Remove(source + "|once");
                    return Fault(once.Status, once.RetryAfter);
                }

                if (_createFaults.TryGetValue(source, out var fault))
                {
                    return Fault(fault.Status, fault.RetryAfter);
                }

                if (!_createdByToken.TryGetValue(token, out var id))
                {
                    id = $"ocid1.{kind.OcidType}.oc1.iad.{prefix}{_createdByToken.Count:D4}";
                    _createdByToken.Add(token, id);
                    _backups.Add(new Scripted(id, kind, CreateCompartment, _clock.UtcNow, CreatedLifecycle(source)));
                }

                return Json(HttpStatusCode.OK, _backups.Single(b => b.Id == id).ToJson(_clock.UtcNow));
            }
        }

        private static Dictionary<string, string> Query(string query)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                values[Uri.UnescapeDataString(pair.Substring(0, equals))] = Uri.UnescapeDataString(pair.Substring(equals + 1));
            }

            return values;
        }

        private static HttpResponseMessage Fault(int status, TimeSpan? retryAfter)
        {
            if (status == ConnectionFailure)
            {
                throw new HttpRequestException("Connection reset by peer");
            }

            var code = status switch
            {
                400 => "InvalidParameter",
                401 => "NotAuthenticated",
                404 => "NotAuthorizedOrNotFound",
                409 => "IncorrectState",
                429 => "TooManyRequests",
                503 => "ServiceUnavailable",
                _ => "InternalServerError",
            };
            var response = Error((HttpStatusCode)status, code, "Scripted fault");
            if (retryAfter.HasValue)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter.Value);
            }

            return response;
        }

        private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
            Json(status, JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = code, ["message"] = message }));

        private static HttpResponseMessage Json(HttpStatusCode status, string json)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            response.Headers.TryAddWithoutValidation("opc-request-id", Guid.NewGuid().ToString("N"));
            return response;
        }

        private HttpResponseMessage List(ResourceKind kind, Dictionary<string, string> query, DateTimeOffset now)
        {
            var limit = query.TryGetValue("limit", out var limitText) ? int.Parse(limitText, CultureInfo.InvariantCulture) : 100;
            var offset = query.TryGetValue("page", out var page) ? int.Parse(page.Substring(1), CultureInfo.InvariantCulture) : 0;
            var ascending = query.TryGetValue("sortOrder", out var order) && order == "ASC";
            var matching = _backups.Where(b => b.Kind == kind && b.CompartmentId == query["compartmentId"]);
            var sorted = (ascending ? matching.OrderBy(b => b.Requested) : matching.OrderByDescending(b => b.Requested)).ToList();
            var items = sorted.Skip(offset).Take(limit).Select(b => b.ToJson(now));
            var response = Json(HttpStatusCode.OK, "[" + string.Join(",", items) + "]");
            if (offset + limit < sorted.Count)
            {
                response.Headers.TryAddWithoutValidation("opc-next-page", "p" + (offset + limit).ToString(CultureInfo.InvariantCulture));
            }

            return response;
        }

        private sealed class Scripted
        {
            private readonly (TimeSpan After, string State)[] _lifecycle;

            public Scripted(string id, ResourceKind kind, string compartmentId, DateTimeOffset requested, (TimeSpan After, string State)[] lifecycle)
            {
                Id = id;
                Kind = kind;
                CompartmentId = compartmentId;
                Requested = requested;
                _lifecycle = lifecycle;
            }

            public string Id { get; }

            public ResourceKind Kind { get; }

            public string CompartmentId { get; }

            public DateTimeOffset Requested { get; }

            public string ToJson(DateTimeOffset now)
            {
                var state = "REQUEST_RECEIVED";
                foreach (var (after, next) in _lifecycle)
                {
                    if (now - Requested >= after)
                    {
                        state = next;
                    }
                }

                return JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["id"] = Id,
                    ["compartmentId"] = CompartmentId,
                    ["displayName"] = "backup " + Id,
                    ["lifecycleState"] = state,
                    ["type"] = "FULL",
                    ["timeCreated"] = Requested.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    ["timeRequestReceived"] = Requested.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                });
            }
        }
    }
}

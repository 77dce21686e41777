using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// The emulator's admin endpoint (<c>/admin</c>: unsigned, loopback only): inventory, counters, faults, shutdown.
    /// Never proxied. A refused connection means the emulator is not running.
    /// </summary>
    internal sealed class EmulatorAdminClient : IDisposable
    {
        private readonly HttpClient _http;

        public EmulatorAdminClient(Uri url, HttpMessageHandler? handler = null)
        {
            Url = url.GetLeftPart(UriPartial.Authority);
            _http = new HttpClient(handler ?? new HttpClientHandler { UseProxy = false }, disposeHandler: true)
            {
                BaseAddress = new Uri(Url + "/admin/"),
                Timeout = TimeSpan.FromSeconds(30),
            };
        }

        /// <summary>The emulator's URL, <c>http://127.0.0.1:PORT</c>.</summary>
        public string Url { get; }

        /// <summary>The emulator serves Huawei Cloud too (started with -Huawei): its counters are read with the OCI side's.</summary>
        public bool ServesHuawei { get; set; }

        public async Task<EmulatorInventory> GetInventoryAsync(CancellationToken cancellationToken) =>
            EmulatorInventory.Parse(await SendAsync(HttpMethod.Get, "inventory", null, cancellationToken).ConfigureAwait(false));

        public async Task<OciEmulatorState> GetStateAsync(CancellationToken cancellationToken)
        {
            var json = await SendAsync(HttpMethod.Get, "state", null, cancellationToken).ConfigureAwait(false);
            using (var document = JsonDocument.Parse(json))
            {
                var root = document.RootElement;
                var state = new OciEmulatorState(Url)
                {
                    Requests = Long(root, "requests"),
                    AuthenticatedRequests = Long(root, "authenticatedRequests"),
                    AuthenticationFailures = Long(root, "authenticationFailures"),
                    AuthenticationFailuresByReason = Counts(root, "authenticationFailuresByReason"),
                    RequestsByOperation = Counts(root, "requestsByOperation"),
                    RequestsByRegion = Counts(root, "requestsByRegion"),
                    AdminRequests = Long(root, "adminRequests"),
                    FaultCounts = Counts(root, "faultCounts"),
                    Faults = root.TryGetProperty("faults", out var faults) ? FaultsByParameterName(faults) : new OrderedDictionary(StringComparer.OrdinalIgnoreCase),
                    VolumeBackups = Long(root, "volumeBackups"),
                    VolumeGroupBackups = Long(root, "volumeGroupBackups"),
                    VolumeBackupsCreated = PerResource(root, "volumes", "volumeBackupsCreated"),
                    VolumeGroupBackupsCreated = PerResource(root, "volumeGroups", "volumeGroupBackupsCreated"),
                    VolumeBackupCopiesMade = Long(root, "volumeBackupCopiesMade"),
                    VolumeGroupBackupCopiesMade = Long(root, "volumeGroupBackupCopiesMade"),
                    VolumeBackupsDeleted = Long(root, "volumeBackupsDeleted"),
                    VolumeGroupBackupsDeleted = Long(root, "volumeGroupBackupsDeleted"),
                    VolumesRestored = Long(root, "volumesRestored"),
                    VolumeGroupsRestored = Long(root, "volumeGroupsRestored"),
                    CopiesMade = PerResource(root, "backups", "copiesMade"),
                    Restores = PerResource(root, "backups", "restores"),
                    Deletes = PerResource(root, "backups", "deletes"),
                };
                if (root.TryGetProperty("now", out var now) && now.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(now.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    state.Time = time;
                }

                if (ServesHuawei)
                {
                    await AddHuaweiStateAsync(state, cancellationToken).ConfigureAwait(false);
                }

                return state;
            }
        }

        public async Task<HuaweiEmulatorInventory> GetHuaweiInventoryAsync(CancellationToken cancellationToken) =>
            HuaweiEmulatorInventory.Parse(await SendAsync(HttpMethod.Get, "huawei/inventory", null, cancellationToken).ConfigureAwait(false));

        /// <summary>Adds the Huawei side's counters to <paramref name="state"/>; an emulator without one (404) leaves them empty.</summary>
        public async Task AddHuaweiStateAsync(OciEmulatorState state, CancellationToken cancellationToken)
        {
            string json;
            try
            {
                json = await SendAsync(HttpMethod.Get, "huawei/state", null, cancellationToken).ConfigureAwait(false);
            }
            catch (OciEmulatorException e) when (e.Kind == OciEmulatorErrorKind.EmulatorRequestRefused)
            {
                return;
            }

            using (var document = JsonDocument.Parse(json))
            {
                var root = document.RootElement;
                state.HwcRequests = Long(root, "requests");
                state.HwcAuthenticationFailures = Long(root, "authenticationFailures");
                state.HwcAuthenticationFailuresByReason = Counts(root, "authenticationFailuresByReason");
                state.HwcRequestsByOperation = Counts(root, "requestsByOperation");
                state.HwcThrottledRequests = Long(root, "throttledRequests");
                state.HwcVolumeBackupJobs = Long(root, "volumeBackupJobs");
                state.HwcRdsBackups = Long(root, "rdsBackups");
                state.HwcVolumeBackupsCreated = Ids(root, "volumeBackupsCreated");
                state.HwcRdsBackupsCreated = Ids(root, "rdsBackupsCreated");
            }
        }

        /// <summary>Changes the given faults (the others keep their value); returns the faults in force.</summary>
        public async Task<OrderedDictionary> SetFaultsAsync(IReadOnlyDictionary<EmulatorFaultSetting, double> changes, CancellationToken cancellationToken)
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    foreach (var change in changes)
                    {
                        writer.WriteNumber(change.Key.AdminName, change.Value);
                    }

                    writer.WriteEndObject();
                }

                return Faults(await SendAsync(HttpMethod.Put, "faults", Encoding.UTF8.GetString(stream.ToArray()), cancellationToken).ConfigureAwait(false));
            }
        }

        /// <summary>Turns every fault off; returns the faults in force.</summary>
        public async Task<OrderedDictionary> ResetFaultsAsync(CancellationToken cancellationToken) =>
            Faults(await SendAsync(HttpMethod.Delete, "faults", null, cancellationToken).ConfigureAwait(false));

        public async Task<OrderedDictionary> GetFaultsAsync(CancellationToken cancellationToken) =>
            Faults(await SendAsync(HttpMethod.Get, "faults", null, cancellationToken).ConfigureAwait(false));

        /// <summary>Asks the emulator to stop cleanly (it answers, then stops).</summary>
        public Task ShutdownAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, "shutdown", string.Empty, cancellationToken);

        public void Dispose() => _http.Dispose();

        private async Task<string> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
        {
            using (var request = new HttpRequestMessage(method, path))
            {
                if (json != null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException e)
                {
                    throw NotRunning(e);
                }
                catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw NotRunning(e);
                }

                using (response)
                {
                    var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return body;
                    }

                    throw new OciEmulatorException(OciEmulatorErrorKind.EmulatorRequestRefused,
                        $"The emulator at {Url} refused {method} /admin/{path} with {(int)response.StatusCode}: {MessageOf(body)}",
                        "Correct the value the message names; nothing was changed.", Url);
                }
            }
        }

        private OciEmulatorException NotRunning(Exception e) =>
            new OciEmulatorException(OciEmulatorErrorKind.EmulatorNotRunning,
                $"The emulator at {Url} does not answer: {e.Message}",
                "Start one with Start-OciEmulator (an emulator stops with Stop-OciEmulator and when the PowerShell that started it exits).", Url, e);

        private static string MessageOf(string body)
        {
            try
            {
                using (var document = JsonDocument.Parse(body))
                {
                    return document.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? body : body;
                }
            }
            catch (JsonException)
            {
                return body;
            }
        }

        private static OrderedDictionary Faults(string json)
        {
            using (var document = JsonDocument.Parse(json))
            {
                return FaultsByParameterName(document.RootElement);
            }
        }

        /// <summary>The faults by parameter name, in the order of <see cref="EmulatorFaultSetting.All"/>; case-insensitive.</summary>
        private static OrderedDictionary FaultsByParameterName(JsonElement faults)
        {
            var values = faults.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.OrdinalIgnoreCase);
            var table = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (var setting in EmulatorFaultSetting.All.Where(s => values.ContainsKey(s.AdminName)))
            {
                table[setting.ParameterName] = values[setting.AdminName];
            }

            foreach (var unknown in values.Where(v => EmulatorFaultSetting.ByAdminName(v.Key) == null))
            {
                table[Pascal(unknown.Key)] = unknown.Value;
            }

            return table;
        }

        private static long Long(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

        private static Hashtable Counts(JsonElement root, string name)
        {
            var table = OciEmulatorState.NewTable();
            if (root.TryGetProperty(name, out var counts) && counts.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in counts.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
                {
                    table[Pascal(property.Name)] = property.Value.GetInt64();
                }
            }

            return table;
        }

        /// <summary>A count per resource id, the ids kept as they are (not Pascal-cased).</summary>
        private static Hashtable Ids(JsonElement root, string name)
        {
            var table = OciEmulatorState.NewTable();
            if (root.TryGetProperty(name, out var counts) && counts.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in counts.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
                {
                    table[property.Name] = property.Value.GetInt64();
                }
            }

            return table;
        }

        private static Hashtable PerResource(JsonElement root, string name, string counter)
        {
            var table = OciEmulatorState.NewTable();
            if (root.TryGetProperty(name, out var resources) && resources.ValueKind == JsonValueKind.Object)
            {
                foreach (var resource in resources.EnumerateObject())
                {
                    table[resource.Name] = Long(resource.Value, counter);
                }
            }

            return table;
        }

        private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// emulator.json, which the emulator writes beside the throwaway config (<c>--init-config</c>) before it announces
    /// its URL: where the config is, its profile and home region, every region it serves with its endpoint, the
    /// emulator's process id, and the identity side it plays when asked (the metadata service and federation endpoint,
    /// the variables of an OCI Function and of Cloud Shell, a session-token profile).
    /// </summary>
    internal sealed class EmulatorDescriptor
    {
        public const string FileName = "emulator.json";

        private EmulatorDescriptor(string url, string configFile, string profile, string region, IReadOnlyList<KeyValuePair<string, string>> endpoints, int processId)
        {
            Url = url;
            ConfigFile = configFile;
            Profile = profile;
            Region = region;
            Endpoints = endpoints;
            ProcessId = processId;
        }

        public string Url { get; }

        public string ConfigFile { get; }

        public string Profile { get; }

        /// <summary>The home region: that of <see cref="Url"/> and of the config.</summary>
        public string Region { get; }

        /// <summary>Each region served and its service endpoint, the home region first.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Endpoints { get; }

        public int ProcessId { get; }

        /// <summary>The instance metadata service's base URL (<c>OCI_METADATA_BASE_URL</c>); null unless it plays an instance.</summary>
        public string? MetadataBaseUrl { get; private set; }

        /// <summary>The federation endpoint (<c>OCI_CLI_FEDERATION_ENDPOINT</c>); null unless it plays an instance.</summary>
        public string? FederationEndpoint { get; private set; }

        /// <summary>The OCI_RESOURCE_PRINCIPAL_* variables of an OCI Function; null unless asked for.</summary>
        public IReadOnlyDictionary<string, string>? ResourcePrincipalVariables { get; private set; }

        /// <summary>The variables of Cloud Shell (OCI_CLI_AUTH, the delegation token file, ...); null unless asked for.</summary>
        public IReadOnlyDictionary<string, string>? CloudShellVariables { get; private set; }

        /// <summary>The config file of a session-token profile; null unless asked for.</summary>
        public string? SessionTokenConfigFile { get; private set; }

        /// <summary>Reads DIR/emulator.json; throws <see cref="InvalidDataException"/> when it lacks a field.</summary>
        public static EmulatorDescriptor Read(string folder)
        {
            var path = Path.Combine(folder, FileName);
            using (var document = JsonDocument.Parse(File.ReadAllText(path)))
            {
                var root = document.RootElement;
                string? Optional(string name) =>
                    root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is string text && text.Length > 0 ? text : null;
                string Text(string name) => Optional(name) ?? throw new InvalidDataException($"{path} has no '{name}'.");
                IReadOnlyDictionary<string, string>? Variables(string name)
                {
                    if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
                    {
                        return null;
                    }

                    var variables = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var property in value.EnumerateObject())
                    {
                        variables[property.Name] = property.Value.GetString() ?? throw new InvalidDataException($"{path} has no text for '{name}.{property.Name}'.");
                    }

                    return variables;
                }

                var processId = root.TryGetProperty("processId", out var pid) && pid.ValueKind == JsonValueKind.Number ? pid.GetInt32() : 0;
                var url = Text("url");
                var region = Text("region");
                var endpoints = new List<KeyValuePair<string, string>>();
                if (root.TryGetProperty("endpoints", out var byRegion) && byRegion.ValueKind == JsonValueKind.Object)
                {
                    foreach (var endpoint in byRegion.EnumerateObject())
                    {
                        if (endpoint.Value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(endpoint.Value.GetString()))
                        {
                            throw new InvalidDataException($"{path} has no endpoint for region '{endpoint.Name}'.");
                        }

                        endpoints.Add(new KeyValuePair<string, string>(endpoint.Name, endpoint.Value.GetString()!));
                    }
                }

                // An emulator from before several regions names only its one region and URL.
                if (!endpoints.Any(e => e.Key == region))
                {
                    endpoints.Insert(0, new KeyValuePair<string, string>(region, url));
                }

                return new EmulatorDescriptor(url, Text("configFile"), Text("profile"), region, endpoints, processId)
                {
                    MetadataBaseUrl = Optional("metadataBaseUrl"),
                    FederationEndpoint = Optional("federationEndpoint"),
                    ResourcePrincipalVariables = Variables("resourcePrincipal"),
                    CloudShellVariables = Variables("cloudShell"),
                    SessionTokenConfigFile = Optional("sessionTokenConfigFile"),
                };
            }
        }
    }
}

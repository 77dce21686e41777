using System;
using System.IO;
using System.Text.Json;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// emulator.json, which the emulator writes beside the throwaway config (<c>--init-config</c>) before it announces
    /// its URL: where the config is, its profile and region, and the emulator's process id.
    /// </summary>
    internal sealed class EmulatorDescriptor
    {
        public const string FileName = "emulator.json";

        private EmulatorDescriptor(string url, string configFile, string profile, string region, int processId)
        {
            Url = url;
            ConfigFile = configFile;
            Profile = profile;
            Region = region;
            ProcessId = processId;
        }

        public string Url { get; }

        public string ConfigFile { get; }

        public string Profile { get; }

        public string Region { get; }

        public int ProcessId { get; }

        /// <summary>Reads DIR/emulator.json; throws <see cref="InvalidDataException"/> when it lacks a field.</summary>
        public static EmulatorDescriptor Read(string folder)
        {
            var path = Path.Combine(folder, FileName);
            using (var document = JsonDocument.Parse(File.ReadAllText(path)))
            {
                var root = document.RootElement;
                string Text(string name) =>
                    root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is string text && text.Length > 0
                        ? text
                        : throw new InvalidDataException($"{path} has no '{name}'.");

                var processId = root.TryGetProperty("processId", out var pid) && pid.ValueKind == JsonValueKind.Number ? pid.GetInt32() : 0;
                return new EmulatorDescriptor(Text("url"), Text("configFile"), Text("profile"), Text("region"), processId);
            }
        }
    }
}

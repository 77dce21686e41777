using System.IO;
using System.Text.Json;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// huawei.json, which the emulator writes beside emulator.json when it serves Huawei Cloud: the region, project id,
    /// the VBS and RDS endpoints, and the throwaway AK/SK it generated (read once, into a session; never shown).
    /// </summary>
    internal sealed class HuaweiEmulatorDescriptor
    {
        public const string FileName = "huawei.json";

        private HuaweiEmulatorDescriptor(string path, string region, string projectId, string vbsUrl, string rdsUrl, string accessKey, string secretKey)
        {
            Path = path;
            Region = region;
            ProjectId = projectId;
            VbsUrl = vbsUrl;
            RdsUrl = rdsUrl;
            AccessKey = accessKey;
            SecretKey = secretKey;
        }

        public string Path { get; }

        public string Region { get; }

        public string ProjectId { get; }

        public string VbsUrl { get; }

        public string RdsUrl { get; }

        public string AccessKey { get; }

        public string SecretKey { get; }

        public static HuaweiEmulatorDescriptor Read(string folder)
        {
            var path = System.IO.Path.Combine(folder, FileName);
            using (var document = JsonDocument.Parse(File.ReadAllText(path)))
            {
                var root = document.RootElement;
                string Text(string name) =>
                    root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is string text && text.Length > 0
                        ? text
                        : throw new InvalidDataException($"{path} has no '{name}'.");
                return new HuaweiEmulatorDescriptor(path, Text("region"), Text("projectId"), Text("vbsUrl"), Text("rdsUrl"), Text("accessKey"), Text("secretKey"));
            }
        }

        public override string ToString() => $"Huawei emulator {Region} project {ProjectId} (vbs {VbsUrl}, rds {RdsUrl})";
    }
}

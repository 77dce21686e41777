using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;

namespace OciBackup.ModuleBuilder.Packaging
{
    /// <summary>The facts of a module manifest (.psd1) that a gallery package carries, read with PowerShell's own parser.</summary>
    public sealed class ModuleManifest
    {
        private readonly Hashtable _data;
        private readonly Hashtable _psData;

        private ModuleManifest(string path, Hashtable data)
        {
            Path = path;
            _data = data;
            _psData = (data["PrivateData"] as Hashtable)?["PSData"] as Hashtable ?? new Hashtable();
        }

        public string Path { get; }

        public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

        public string Version => Required("ModuleVersion") + (String(_psData["Prerelease"]) is { Length: > 0 } pre ? "-" + pre : string.Empty);

        public string Author => Required("Author");

        public string? CompanyName => String(_data["CompanyName"]);

        public string Description => Required("Description");

        public string? Copyright => String(_data["Copyright"]);

        public IReadOnlyList<string> CmdletsToExport => Strings(_data["CmdletsToExport"]);

        public IReadOnlyList<string> FunctionsToExport => Strings(_data["FunctionsToExport"]);

        public IReadOnlyList<string> CompatiblePSEditions => Strings(_data["CompatiblePSEditions"]);

        public IReadOnlyList<string> Tags => Strings(_psData["Tags"]);

        public Uri? ProjectUri => Uri(_psData["ProjectUri"]);

        public Uri? LicenseUri => Uri(_psData["LicenseUri"]);

        public Uri? IconUri => Uri(_psData["IconUri"]);

        public string? ReleaseNotes => String(_psData["ReleaseNotes"]);

        public static ModuleManifest Read(string path)
        {
            var ast = Parser.ParseFile(path, out _, out var errors);
            if (errors.Length > 0)
            {
                throw new InvalidDataException($"{path}: {errors[0].Message} (line {errors[0].Extent.StartLineNumber})");
            }

            if (ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false) is not HashtableAst table)
            {
                throw new InvalidDataException($"{path}: a module manifest is one hashtable");
            }

            return new ModuleManifest(path, (Hashtable)table.SafeGetValue());
        }

        private string Required(string key) =>
            String(_data[key]) is { Length: > 0 } value ? value : throw new InvalidDataException($"{Path}: the manifest has no {key}");

        private static string? String(object? value) => value?.ToString();

        private static Uri? Uri(object? value) => value is null ? null : new Uri(value.ToString()!, UriKind.Absolute);

        private static IReadOnlyList<string> Strings(object? value) => value switch
        {
            null => Array.Empty<string>(),
            string single => new[] { single },
            IEnumerable many => many.Cast<object>().Select(o => o.ToString()!).ToList(),
            _ => new[] { value.ToString()! },
        };
    }
}

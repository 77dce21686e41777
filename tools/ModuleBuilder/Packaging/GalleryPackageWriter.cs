using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NuGet.Packaging;
using NuGet.Versioning;

namespace OciBackup.ModuleBuilder.Packaging
{
    /// <summary>
    /// Packs a built module folder as the PowerShell Gallery expects (what Publish-PSResource and Compress-PSResource
    /// produce): the folder's files at the package root, a nuspec from the manifest, and the tags the Gallery searches
    /// on (PSModule, PSIncludes_Cmdlet, PSCmdlet_Name and PSCommand_Name for each exported cmdlet, PSEdition_*).
    /// </summary>
    public static class GalleryPackageWriter
    {
        public static string Write(string moduleFolder, string outputFolder)
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(moduleFolder)));
            var manifest = ModuleManifest.Read(Path.Combine(moduleFolder, name + ".psd1"));
            var builder = new PackageBuilder
            {
                Id = manifest.Name,
                Version = NuGetVersion.Parse(manifest.Version),
                Description = manifest.Description,
                Copyright = manifest.Copyright,
                ReleaseNotes = manifest.ReleaseNotes,
                ProjectUrl = manifest.ProjectUri,
                LicenseUrl = manifest.LicenseUri,
                IconUrl = manifest.IconUri,
                RequireLicenseAcceptance = false,
            };
            builder.Authors.Add(manifest.Author);
            builder.Owners.Add(manifest.CompanyName ?? manifest.Author);
            builder.Tags.AddRange(TagsOf(manifest));

            var root = Path.GetFullPath(moduleFolder);
            foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                builder.Files.Add(new PhysicalPackageFile
                {
                    SourcePath = file,
                    TargetPath = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'),
                });
            }

            Directory.CreateDirectory(outputFolder);
            var path = Path.Combine(outputFolder, $"{builder.Id}.{builder.Version.ToNormalizedString()}.nupkg");
            using (var stream = File.Create(path))
            {
                builder.Save(stream);
            }

            return path;
        }

        public static IReadOnlyList<string> TagsOf(ModuleManifest manifest)
        {
            var tags = new List<string>(manifest.Tags) { "PSModule" };
            tags.AddRange(manifest.CompatiblePSEditions.Select(e => "PSEdition_" + e));
            if (manifest.CmdletsToExport.Count > 0)
            {
                tags.Add("PSIncludes_Cmdlet");
            }

            if (manifest.FunctionsToExport.Count > 0)
            {
                tags.Add("PSIncludes_Function");
            }

            foreach (var cmdlet in manifest.CmdletsToExport)
            {
                tags.Add("PSCmdlet_" + cmdlet);
                tags.Add("PSCommand_" + cmdlet);
            }

            foreach (var function in manifest.FunctionsToExport)
            {
                tags.Add("PSFunction_" + function);
                tags.Add("PSCommand_" + function);
            }

            return tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}

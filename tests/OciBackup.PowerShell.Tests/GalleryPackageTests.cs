using System;
using System.Collections;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>The PowerShell Gallery package the build writes (out/packages/OciBackup.VERSION.nupkg), opened as a zip.</summary>
    public class GalleryPackageTests
    {
        private static readonly string[] PackagingParts = { "OciBackup.nuspec", "[Content_Types].xml", "_rels/.rels" };

        [Fact]
        public void The_package_holds_exactly_the_module_folder_at_its_root()
        {
            using var package = ZipFile.OpenRead(PackagePath());
            var entries = package.Entries.Select(e => e.FullName)
                .Where(n => !PackagingParts.Contains(n) && !n.StartsWith("package/services/metadata/", StringComparison.Ordinal))
                .OrderBy(n => n, StringComparer.Ordinal).ToList();

            var folder = Directory.GetFiles(ModuleHost.ModuleFolder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(ModuleHost.ModuleFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
                .OrderBy(n => n, StringComparer.Ordinal).ToList();

            Assert.Equal(folder, entries);
            Assert.Contains("OciBackup.psd1", entries);
            Assert.Contains("OciBackup.dll", entries);
            Assert.Contains("dependencies/OciBackup.Engine.dll", entries);
            Assert.Contains("en-US/OciBackup.dll-Help.xml", entries);
            Assert.Contains("en-US/about_OciBackup.help.txt", entries);
            Assert.Contains("OciBackup.nuspec", package.Entries.Select(e => e.FullName));
        }

        [Fact]
        public void The_nuspec_carries_the_manifests_metadata_and_the_gallerys_tags()
        {
            var manifest = ModuleManifest.Read();
            var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;
            using var package = ZipFile.OpenRead(PackagePath());
            using var stream = package.GetEntry("OciBackup.nuspec")!.Open();
            var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

            Assert.Equal("OciBackup", Field("id"));
            Assert.Equal(manifest["ModuleVersion"], Field("version"));
            Assert.Equal(manifest["Author"], Field("authors"));
            Assert.Equal(manifest["Description"], Field("description"));
            Assert.Equal(manifest["Copyright"], Field("copyright"));
            Assert.Equal(psData["ProjectUri"], Field("projectUrl"));
            Assert.Equal(psData["LicenseUri"], Field("licenseUrl"));
            Assert.Equal(psData["ReleaseNotes"], Field("releaseNotes"));

            var tags = Field("tags").Split(' ');
            Assert.Contains("PSModule", tags);
            Assert.Contains("PSIncludes_Cmdlet", tags);
            Assert.All(((object[])psData["Tags"]!).Cast<string>(), tag => Assert.Contains(tag, tags));
            foreach (var cmdlet in ModuleManifest.ListedCmdlets())
            {
                Assert.Contains("PSCmdlet_" + cmdlet, tags);
                Assert.Contains("PSCommand_" + cmdlet, tags);
            }
        }

        private static string PackagePath()
        {
            var version = (string)ModuleManifest.Read()["ModuleVersion"]!;
            var path = Path.Combine(ModuleHost.RepositoryRoot, "out", "packages", $"OciBackup.{version}.nupkg");
            Assert.True(File.Exists(path), path + " is missing: the build writes it");
            return path;
        }
    }
}

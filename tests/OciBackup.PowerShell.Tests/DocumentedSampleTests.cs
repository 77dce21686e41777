using System.IO;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// The Pester file the README and the about topic show is samples/Backup-Compartment.Tests.ps1 word for word; the
    /// test command runs that file, so the documented one is proven to work.
    /// </summary>
    public class DocumentedSampleTests
    {
        [Theory]
        [InlineData("README.md")]
        [InlineData("docs/help/about_OciBackup.md")]
        public void The_page_shows_the_sample_Pester_file_as_the_test_command_runs_it(string page)
        {
            var sample = Normalize(File.ReadAllText(Path.Combine(ModuleHost.RepositoryRoot, "samples", "Backup-Compartment.Tests.ps1"))).TrimEnd('\n');
            var text = Normalize(File.ReadAllText(Path.Combine(ModuleHost.RepositoryRoot, page)));

            Assert.Contains("```powershell\n" + sample + "\n```", text);
            Assert.Contains("Start-OciEmulator", sample);
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n");
    }
}

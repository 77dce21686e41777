using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// The README's one command, <c>dotnet run --project samples/QuickStart</c>, run as its built program: both clouds are
    /// backed up against the emulator, waited for and printed, and nothing fails.
    /// </summary>
    public class QuickStartTests
    {
        [Fact]
        public async Task The_quick_start_backs_up_both_clouds_waits_and_prints_every_backup()
        {
            var program = Path.Combine(ModuleHost.RepositoryRoot, "samples", "QuickStart", "bin", ModuleHost.BuildConfiguration, "net10.0", "QuickStart.dll");
            Assert.True(File.Exists(program), "build first: " + program);
            using var run = Process.Start(new ProcessStartInfo("dotnet", $"\"{program}\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var reading = run.StandardError.ReadToEndAsync();
            var output = await run.StandardOutput.ReadToEndAsync();
            var errors = await reading;
            await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {errors}\n{output}");
            Assert.Equal(string.Empty, errors);
            Assert.Contains("8 backups, 8 AVAILABLE.", output, StringComparison.Ordinal);
            Assert.Contains("4 disk backups available, 1 RDS backup COMPLETED.", output, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"^cn-north-4 +[0-9a-f]{32} +environment +vbs 127\.0\.0\.1:\d+, rds 127\.0\.0\.1:\d+$", RegexOptions.Multiline), output);
            Assert.Equal(4, Regex.Matches(output, @"^quickstart-\d{8} +available ", RegexOptions.Multiline).Count);
            Assert.Single(Regex.Matches(output, @"^quickstart-\d{8} +COMPLETED ", RegexOptions.Multiline));
            Assert.Contains("Huawei side: 4 VBS backups and 1 RDS backups made", output, StringComparison.Ordinal);
        }
    }
}

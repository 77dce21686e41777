using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace OciBackup.ImportBenchmark
{
    /// <summary>
    /// Publishes this benchmark program ReadyToRun, framework-dependent, for the current runtime identifier, as
    /// PowerShell ships pwsh (its builds set PublishReadyToRun), into bench/ImportBenchmark/bin/r2r-host/RID: under
    /// the repository, so the published copy still finds OciBackup.sln above it. Publishes only when that copy is
    /// missing, older than this build, or holds another engine version than this build's package.
    /// </summary>
    internal static class ReadyToRunHostPublisher
    {
        /// <summary>Returns the published ImportBenchmark.dll, or null with the reason it could not be published.</summary>
        public static string? EnsurePublished(string repositoryRoot, out string? failure)
        {
            failure = null;
            var rid = RuntimeInformation.RuntimeIdentifier;
            var projectFolder = Path.Combine(repositoryRoot, "bench", "ImportBenchmark");
            var folder = Path.Combine(projectFolder, "bin", "r2r-host", rid);
            var published = Path.Combine(folder, "ImportBenchmark.dll");
            var reason = StaleReason(published, Path.Combine(folder, "System.Management.Automation.dll"));
            if (reason == null)
            {
                return published;
            }

            var arguments = new[]
            {
                "publish", Path.Combine(projectFolder, "ImportBenchmark.csproj"), "-c", "Release", "-r", rid, "--self-contained", "false",
                "-p:PublishReadyToRun=true", "-o", folder,
                // The module is built by the solution build; the reference is there for build order only.
                "-p:BuildProjectReferences=false",
                // No build nodes or compiler server left running beside the trials.
                "-nodeReuse:false", "-p:UseSharedCompilation=false",
            };
            Console.WriteLine($"The ReadyToRun host is {reason}: publishing it (dotnet publish -c Release -r {rid} -p:PublishReadyToRun=true -o {Path.GetRelativePath(repositoryRoot, folder)}) ...");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            string output;
            int exitCode;
            try
            {
                using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
                var errors = process.StandardError.ReadToEndAsync();
                output = process.StandardOutput.ReadToEnd() + errors.Result;
                process.WaitForExit();
                exitCode = process.ExitCode;
            }
            catch (Exception e) when (e is InvalidOperationException || e is System.ComponentModel.Win32Exception)
            {
                failure = "dotnet publish could not be started: " + e.Message;
                return null;
            }

            if (exitCode != 0 || !File.Exists(published))
            {
                // A half-published folder must not pass for fresh next time.
                if (File.Exists(published))
                {
                    File.Delete(published);
                }

                // MSBuild ends each error line with the project that failed, " [.../ImportBenchmark.csproj]": noise here.
                var lines = output.Split('\n').Select(l => Regex.Replace(l, @"\s*\[[^\]]*\.csproj\]\s*$", "").Trim()).Where(l => l.Length > 0).ToList();
                var errorLines = lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(2).ToList();
                failure = $"dotnet publish exited {exitCode}: " + string.Join(" | ", errorLines.Count > 0 ? errorLines : lines.TakeLast(3));
                return null;
            }

            // A publish that found nothing to redo leaves older files: mark the copy as current for this build.
            File.SetLastWriteTimeUtc(published, DateTime.UtcNow);
            return published;
        }

        private static string? StaleReason(string published, string publishedEngine)
        {
            if (!File.Exists(published) || !File.Exists(publishedEngine))
            {
                return "missing";
            }

            if (File.GetLastWriteTimeUtc(typeof(ReadyToRunHostPublisher).Assembly.Location) > File.GetLastWriteTimeUtc(published))
            {
                return "older than this build";
            }

            var packageEngine = FileVersionInfo.GetVersionInfo(typeof(PowerShell).Assembly.Location).FileVersion;
            return FileVersionInfo.GetVersionInfo(publishedEngine).FileVersion != packageEngine ? "built with another engine version" : null;
        }
    }
}

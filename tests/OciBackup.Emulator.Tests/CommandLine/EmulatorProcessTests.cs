using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OciBackup.Emulator.Tests.CommandLine;

/// <summary>The executable as a script uses it: one command, a URL line on stdout, a clean stop on SIGTERM.</summary>
public sealed class EmulatorProcessTests
{
    [Fact]
    public async Task Executable_prints_its_url_serves_and_stops_cleanly_on_sigterm()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGTERM is a POSIX signal; Windows users stop it with Ctrl+C
        }

        string dir = Directory.CreateTempSubdirectory("emulator-process-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "OciBackup.Emulator.dll"), "--port", "0", "--init-config", dir, "--compartment", "proc" })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        try
        {
            string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(line);
            Assert.Matches(@"^OCI emulator listening on http://127\.0\.0\.1:\d+$", line);
            var url = new Uri(line!["OCI emulator listening on ".Length..]);
            Assert.NotEqual(0, url.Port);

            using var http = new HttpClient();
            JsonElement inventory = JsonDocument.Parse(await http.GetStringAsync(new Uri(url, "/admin/inventory"))).RootElement;
            Assert.Equal("proc", inventory.GetProperty("compartments")[0].GetProperty("name").GetString());
            using HttpResponseMessage unsigned = await http.GetAsync(new Uri(url, "/20160918/volumes?compartmentId=x"));
            Assert.Equal(401, (int)unsigned.StatusCode);
            JsonElement descriptor = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "emulator.json"))).RootElement;
            Assert.Equal(url.ToString().TrimEnd('/'), descriptor.GetProperty("url").GetString());

            Assert.Equal(0, kill(process.Id, 15));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("OCI emulator stopping", await process.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Help_exits_zero_and_bad_option_exits_two()
    {
        (int helpCode, string helpText) = await RunAsync("--help");
        (int badCode, _) = await RunAsync("--no-such-option");

        Assert.Equal(0, helpCode);
        Assert.Contains("--trust-oci-config", helpText, StringComparison.Ordinal);
        Assert.Equal(2, badCode);
    }

    private static async Task<(int Code, string Output)> RunAsync(string arg)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OciBackup.Emulator.dll"));
        start.ArgumentList.Add(arg);
        using Process process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, output);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

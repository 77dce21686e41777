using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OciBackup.Emulator.Tests.CommandLine;

/// <summary>
/// The executable as a script uses it: one command, a URL line on stdout, a clean stop on SIGTERM, on
/// POST /admin/shutdown, and when its --parent-process-id exits.
/// </summary>
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

    [Fact]
    public async Task Executable_stops_cleanly_and_removes_its_throwaway_config_when_its_parent_process_is_killed()
    {
        string dir = Path.Combine(Path.GetTempPath(), "emulator-parent-" + Guid.NewGuid().ToString("N"));
        using Process parent = StartEmulator();
        using Process child = StartEmulator("--parent-process-id", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--init-config", dir, "--delete-init-config-on-exit");
        try
        {
            await ReadUrlAsync(parent);
            Uri url = await ReadUrlAsync(child);
            Assert.True(File.Exists(Path.Combine(dir, "key.pem")));

            parent.Kill();
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));

            Assert.Equal(0, child.ExitCode);
            string output = await child.StandardOutput.ReadToEndAsync();
            Assert.Contains($"parent process {parent.Id} exited", output, StringComparison.Ordinal);
            Assert.Contains("OCI emulator stopping", output, StringComparison.Ordinal);
            using var http = new HttpClient();
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(url, "/admin/state")));
            Assert.False(Directory.Exists(dir), "the throwaway key and config are left behind");
        }
        finally
        {
            Stop(parent);
            Stop(child);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Executable_serves_each_region_on_the_port_it_prints()
    {
        using Process process = StartEmulator("--region", "us-ashburn-1", "--region", "us-phoenix-1", "--compartment", "two");
        try
        {
            Uri home = await ReadUrlAsync(process);
            var lines = new List<string>();
            while (lines.Count(l => l.StartsWith("  region ", StringComparison.Ordinal)) < 2)
            {
                lines.Add((await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)))!);
            }

            string[] regions = lines.Where(l => l.StartsWith("  region ", StringComparison.Ordinal)).ToArray();
            Assert.Equal("  region us-ashburn-1: " + home.ToString().TrimEnd('/'), regions[0]);
            Assert.StartsWith("  region us-phoenix-1: http://127.0.0.1:", regions[1], StringComparison.Ordinal);
            var west = new Uri(regions[1]["  region us-phoenix-1: ".Length..]);
            Assert.NotEqual(home.Port, west.Port);
            using var http = new HttpClient();
            JsonElement inventory = JsonDocument.Parse(await http.GetStringAsync(new Uri(west, "/admin/inventory"))).RootElement;
            Assert.Equal(west.ToString().TrimEnd('/'), inventory.GetProperty("regions")[1].GetProperty("url").GetString());
            using HttpResponseMessage unsigned = await http.GetAsync(new Uri(west, "/20160918/volumes"));
            Assert.Equal(401, (int)unsigned.StatusCode);
        }
        finally
        {
            Stop(process);
        }
    }

    [Fact]
    public async Task Executable_stops_cleanly_on_admin_shutdown()
    {
        using Process process = StartEmulator();
        try
        {
            Uri url = await ReadUrlAsync(process);

            using var http = new HttpClient();
            using HttpResponseMessage response = await http.PostAsync(new Uri(url, "/admin/shutdown"), null);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));

            Assert.Equal(202, (int)response.StatusCode);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("OCI emulator stopping", await process.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Stop(process);
        }
    }

    [Fact]
    public async Task Executable_with_a_parent_ignores_ctrl_c_meant_for_the_parents_command()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // a launcher starts it without the parent's console there, so Ctrl+C never reaches it
        }

        using Process process = StartEmulator("--parent-process-id", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            Uri url = await ReadUrlAsync(process);

            Assert.Equal(0, kill(process.Id, 2));
            await Task.Delay(TimeSpan.FromSeconds(1));

            Assert.False(process.HasExited);
            using var http = new HttpClient();
            Assert.Equal(200, (int)(await http.GetAsync(new Uri(url, "/admin/state"))).StatusCode);
        }
        finally
        {
            Stop(process);
        }
    }

    [Fact]
    public async Task Parent_process_id_of_no_running_process_exits_two_before_listening()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--version");
        int gone;
        using (Process exited = Process.Start(start)!)
        {
            await exited.WaitForExitAsync();
            gone = exited.Id;
        }

        using Process process = StartEmulator("--parent-process-id", gone.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("no such process", await process.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("listening", await process.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
    }

    private static Process StartEmulator(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OciBackup.Emulator.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task<Uri> ReadUrlAsync(Process process)
    {
        string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(line);
        Assert.StartsWith("OCI emulator listening on ", line, StringComparison.Ordinal);
        return new Uri(line!["OCI emulator listening on ".Length..]);
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
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

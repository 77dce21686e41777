using Microsoft.Extensions.Logging;
using OciBackup.Emulator.CommandLine;
using OciBackup.Emulator.Identity;

namespace OciBackup.Emulator.Tests.CommandLine;

/// <summary>The executable's arguments map onto the options, and --help lists every one.</summary>
public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void Help_lists_every_option()
    {
        string help = EmulatorCommandLine.HelpText();

        Assert.All(EmulatorCommandLine.Options, o => Assert.Contains("  " + o.Name, help, StringComparison.Ordinal));
        Assert.True(EmulatorCommandLine.Options.Count >= 30);
    }

    [Theory]
    [InlineData("docs/emulator.md")]
    [InlineData("README.md")]
    public void The_manual_and_the_README_name_every_option(string document)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OciBackup.sln")))
        {
            directory = directory.Parent;
        }

        string text = File.ReadAllText(Path.Combine(directory!.FullName, document));

        Assert.All(EmulatorCommandLine.Options, o => Assert.Contains("`" + o.Name, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_option_is_parsed_into_the_emulator_options()
    {
        string tokenFile = Path.GetTempFileName();
        File.WriteAllText(tokenFile, "token\n");
        try
        {
            EmulatorCommandLine parsed = EmulatorCommandLine.Parse(new[]
            {
                "--port", "5000", "--region=eu-frankfurt-1", "--region", "uk-london-1", "--region", "us-phoenix-1", "--seed-file", "seed.json", "--compartment", "a", "--compartment", "b",
                "--volumes", "4", "--volume-groups", "2", "--volumes-per-group", "3", "--trust-public-key", "pub.pem",
                "--trust-oci-config", "cfg", "--profile", "P", "--trust-session-token", tokenFile + "=" + tokenFile,
                "--trust-jwk-session-tokens", "--init-config", "dir", "--backup-seconds", "1.5", "--backup-jitter-seconds", "2",
                "--copy-seconds", "3", "--restore-seconds", "4", "--hydration-seconds", "5", "--delete-seconds", "0.5", "--terminated-retention-seconds", "60",
                "--faulty-share", "0.1", "--random-seed", "9", "--rate-limit", "50", "--fault-500-share", "0.2", "--fault-503-share", "0.3",
                "--fault-409-share", "0.4", "--fault-drop-share", "0.5", "--fault-slow-share", "0.6", "--slow-response-seconds", "7",
                "--latency-ms", "8", "--latency-jitter-ms", "9", "--clock-skew-seconds", "-10", "--admin-token", "t", "--log-level", "Error",
            });
            EmulatorOptions o = parsed.Emulator;

            Assert.Equal(5000, o.Port);
            Assert.Equal("eu-frankfurt-1", o.Region);
            Assert.Equal(new[] { "uk-london-1", "us-phoenix-1" }, o.AdditionalRegions);
            Assert.Equal(new[] { "eu-frankfurt-1", "uk-london-1", "us-phoenix-1" }, o.AllRegions);
            Assert.Equal("seed.json", o.SeedFile);
            Assert.Equal(new[] { "a", "b" }, o.CompartmentNames);
            Assert.Equal((4, 2, 3), (o.VolumesPerCompartment, o.VolumeGroupsPerCompartment, o.VolumesPerGroup));
            Assert.Equal("pub.pem", Assert.Single(o.TrustedPublicKeyFiles));
            Assert.Equal(new TrustedOciConfig("cfg", "P"), Assert.Single(o.TrustedOciConfigs));
            Assert.Equal("P", o.InitConfigProfile);
            Assert.Equal("token", Assert.Single(o.TrustedSessionTokens).Token);
            Assert.True(o.TrustJwkSessionTokens);
            Assert.Equal("dir", o.InitConfigDirectory);
            Assert.Equal(TimeSpan.FromSeconds(1.5), o.BackupDuration);
            Assert.Equal(TimeSpan.FromSeconds(2), o.BackupDurationJitter);
            Assert.Equal(TimeSpan.FromSeconds(3), o.CopyDuration);
            Assert.Equal(TimeSpan.FromSeconds(4), o.RestoreDuration);
            Assert.Equal(TimeSpan.FromSeconds(5), o.HydrationDuration);
            Assert.Equal(TimeSpan.FromSeconds(0.5), o.DeleteDuration);
            Assert.Equal(TimeSpan.FromSeconds(60), o.TerminatedRetention);
            Assert.Equal(9, o.RandomSeed);
            Assert.Equal("t", o.AdminToken);
            Assert.Equal(LogLevel.Error, o.LogLevel);
            Assert.Equal(new FaultSettings
            {
                FaultyBackupShare = 0.1, RateLimitPerSecond = 50, InternalServerErrorShare = 0.2, ServiceUnavailableShare = 0.3,
                IncorrectStateShare = 0.4, DropResponseShare = 0.5, SlowResponseShare = 0.6, SlowResponseSeconds = 7,
                LatencyMilliseconds = 8, LatencyJitterMilliseconds = 9, ClockSkewSeconds = -10,
            }, o.Faults);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Theory]
    [InlineData("--nope")]
    [InlineData("--port")]
    [InlineData("--port", "70000")]
    [InlineData("--fault-500-share", "1.5")]
    [InlineData("--fault-500-share", "0.7", "--fault-503-share", "0.7")]
    [InlineData("--verbose=yes")]
    [InlineData("--log-level", "Loud")]
    [InlineData("--parent-process-id", "0")]
    [InlineData("--parent-process-id", "me")]
    [InlineData("--region", "us-phoenix-1", "--region", "us-phoenix-1")]
    [InlineData("--region", "US Phoenix")]
    [InlineData("--copy-seconds", "-1")]
    public void Bad_arguments_are_reported(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(args));
    }

    [Fact]
    public void One_region_replaces_the_default_and_the_durations_default_to_the_backups()
    {
        EmulatorOptions o = EmulatorCommandLine.Parse(new[] { "--region", "us-phoenix-1" }).Emulator;

        Assert.Equal(new[] { "us-phoenix-1" }, o.AllRegions);
        Assert.Null(o.CopyDuration);
        Assert.Null(o.RestoreDuration);
        Assert.Null(o.HydrationDuration);
    }

    [Fact]
    public void The_identity_options_are_parsed_into_the_identity_settings()
    {
        IdentityOptions o = EmulatorCommandLine.Parse(new[]
        {
            "--metadata-port", "6001", "--federation-port=6002", "--token-lifetime-seconds", "90", "--leaf-rotation-seconds", "600",
            "--federation-fault-500-share", "0.1", "--federation-fault-drop-share", "0.2", "--federation-fault-slow-share", "0.3",
            "--federation-slow-seconds", "4", "--init-resource-principal", "rp", "--resource-principal-pass-phrase", "secret",
            "--init-cloud-shell", "shell", "--init-session-token", "session",
        }).Emulator.Identity;

        Assert.True(o.InstancePrincipal);
        Assert.Equal(6001, o.MetadataPort);
        Assert.Equal(6002, o.FederationPort);
        Assert.Equal(TimeSpan.FromSeconds(90), o.TokenLifetime);
        Assert.Equal(TimeSpan.FromMinutes(10), o.LeafRotationInterval);
        Assert.Equal(new FederationFaultSettings { ServerErrorShare = 0.1, DropShare = 0.2, SlowShare = 0.3, SlowSeconds = 4 }, o.FederationFaults);
        Assert.Equal(Path.GetFullPath("rp"), o.ResourcePrincipalDirectory);
        Assert.Equal("secret", o.ResourcePrincipalPassPhrase);
        Assert.Equal(Path.GetFullPath("shell"), o.CloudShellDirectory);
        Assert.Equal(Path.GetFullPath("session"), o.SessionTokenDirectory);
        Assert.True(EmulatorCommandLine.Parse(new[] { "--instance-principal" }).Emulator.Identity.InstancePrincipal);
        Assert.False(EmulatorCommandLine.Parse(Array.Empty<string>()).Emulator.Identity.InstancePrincipal);
    }

    [Theory]
    [InlineData("--token-lifetime-seconds", "0")]
    [InlineData("--federation-fault-500-share", "1.5")]
    public void Bad_identity_values_are_reported(string option, string value)
    {
        Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(new[] { option, value }));
    }

    [Fact]
    public void Verbose_and_help_are_switches()
    {
        EmulatorCommandLine parsed = EmulatorCommandLine.Parse(new[] { "--verbose", "-h" });

        Assert.Equal(LogLevel.Debug, parsed.Emulator.LogLevel);
        Assert.True(parsed.ShowHelp);
    }

    [Fact]
    public void Parent_process_id_is_kept_for_the_executable_and_absent_by_default()
    {
        Assert.Equal(4242, EmulatorCommandLine.Parse(new[] { "--parent-process-id", "4242" }).ParentProcessId);
        Assert.Null(EmulatorCommandLine.Parse(Array.Empty<string>()).ParentProcessId);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OciBackup.Engine.Emulator;
using Xunit;

namespace OciBackup.Tests.Emulator
{
    /// <summary>Which dotnet host runs the emulator, found in fake .NET installations laid out in a temporary folder.</summary>
    public sealed class DotnetHostLocatorTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "ocibackup-locator-" + Guid.NewGuid().ToString("N"));
        private readonly FakeProcessEnvironment _environment = new FakeProcessEnvironment();
        private readonly List<string> _listed = new List<string>();
        private readonly Dictionary<string, string[]> _runtimeLists = new Dictionary<string, string[]>(StringComparer.Ordinal);

        [Fact]
        public void Takes_the_host_of_the_running_runtime_when_it_has_ASP_NET_Core_10()
        {
            var install = Install("running", "Microsoft.NETCore.App/10.0.3", "Microsoft.AspNetCore.App/10.0.3");
            Install("on-path", "Microsoft.NETCore.App/10.0.5", "Microsoft.AspNetCore.App/10.0.5");
            _environment.SetVariable("PATH", Path.Combine(_root, "on-path"));

            var host = Locator(runtimeDirectory: Path.Combine(install, "shared", "Microsoft.NETCore.App", "10.0.3")).Locate();

            Assert.Equal(Path.Combine(install, Host), host.ExecutablePath);
            Assert.Equal("the running .NET runtime", host.FoundBy);
            Assert.Equal(new Version(10, 0, 3), host.AspNetCoreVersion);
        }

        [Fact]
        public void DOTNET_HOST_PATH_comes_first()
        {
            var chosen = Install("chosen", "Microsoft.NETCore.App/10.0.1", "Microsoft.AspNetCore.App/10.0.1");
            var running = Install("running", "Microsoft.NETCore.App/10.0.3", "Microsoft.AspNetCore.App/10.0.3");
            _environment.SetVariable("DOTNET_HOST_PATH", Path.Combine(chosen, Host));

            var host = Locator(runtimeDirectory: Path.Combine(running, "shared", "Microsoft.NETCore.App", "10.0.3")).Locate();

            Assert.Equal(Path.Combine(chosen, Host), host.ExecutablePath);
            Assert.Equal("DOTNET_HOST_PATH", host.FoundBy);
        }

        [Fact]
        public void Passes_over_a_host_without_ASP_NET_Core_to_the_next_one()
        {
            var bare = Install("bare", "Microsoft.NETCore.App/10.0.3");
            var full = Install("full", "Microsoft.NETCore.App/10.0.2", "Microsoft.AspNetCore.App/10.0.2");
            _environment.SetVariable("DOTNET_ROOT", bare);
            _environment.SetVariable("PATH", Path.Combine(_root, "nowhere") + Path.PathSeparator + full);

            var host = Locator().Locate();

            Assert.Equal(Path.Combine(full, Host), host.ExecutablePath);
            Assert.Equal("PATH", host.FoundBy);
        }

        [Fact]
        public void DOTNET_ROOT_of_the_process_architecture_comes_before_DOTNET_ROOT()
        {
            var generic = Install("generic", "Microsoft.NETCore.App/10.0.1", "Microsoft.AspNetCore.App/10.0.1");
            var arm = Install("arm", "Microsoft.NETCore.App/10.0.1", "Microsoft.AspNetCore.App/10.0.1");
            _environment.SetVariable("DOTNET_ROOT", generic);
            _environment.SetVariable("DOTNET_ROOT_ARM64", arm);

            var host = Locator(architecture: "ARM64").Locate();

            Assert.Equal(Path.Combine(arm, Host), host.ExecutablePath);
            Assert.Equal("DOTNET_ROOT_ARM64", host.FoundBy);
        }

        [Fact]
        public void Only_an_older_ASP_NET_Core_is_AspNetCoreRuntimeMissing_naming_what_the_host_has()
        {
            var old = Install("old", "Microsoft.NETCore.App/8.0.11", "Microsoft.AspNetCore.App/8.0.11", "Microsoft.NETCore.App/10.0.1");
            _environment.SetVariable("DOTNET_ROOT", old);

            var error = Assert.Throws<OciEmulatorException>(() => Locator().Locate());

            Assert.Equal(OciEmulatorErrorKind.AspNetCoreRuntimeMissing, error.Kind);
            Assert.Contains(Path.Combine(old, Host), error.Message, StringComparison.Ordinal);
            Assert.Contains("Microsoft.AspNetCore.App 8.0.11", error.Message, StringComparison.Ordinal);
            Assert.Contains("Microsoft.NETCore.App 8.0.11, 10.0.1", error.Message, StringComparison.Ordinal);
            Assert.Contains("aspnetcore-runtime-10.0", error.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(Path.Combine(old, Host), error.Target);
        }

        [Fact]
        public void ASP_NET_Core_10_without_its_NETCore_runtime_is_not_enough()
        {
            var half = Install("half", "Microsoft.NETCore.App/9.0.1", "Microsoft.AspNetCore.App/10.0.1");
            _environment.SetVariable("DOTNET_ROOT", half);

            Assert.Equal(OciEmulatorErrorKind.AspNetCoreRuntimeMissing, Assert.Throws<OciEmulatorException>(() => Locator().Locate()).Kind);
        }

        [Fact]
        public void A_newer_major_version_is_taken_since_the_emulator_rolls_forward()
        {
            var next = Install("next", "Microsoft.NETCore.App/11.0.0-preview.1.25100.1", "Microsoft.AspNetCore.App/11.0.0-preview.1.25100.1");
            _environment.SetVariable("DOTNET_ROOT", next);

            Assert.Equal(new Version(11, 0, 0), Locator().Locate().AspNetCoreVersion);
        }

        [Fact]
        public void No_host_anywhere_is_DotnetHostNotFound_naming_where_it_looked()
        {
            _environment.SetVariable("PATH", Path.Combine(_root, "empty"));

            var error = Assert.Throws<OciEmulatorException>(() => Locator().Locate());

            Assert.Equal(OciEmulatorErrorKind.DotnetHostNotFound, error.Kind);
            Assert.Contains("DOTNET_ROOT", error.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(_root, "default", Host), error.Message, StringComparison.Ordinal);
            Assert.Contains("dotnet.microsoft.com", error.RecommendedAction, StringComparison.Ordinal);
        }

        [Fact]
        public void A_host_that_links_to_an_installation_elsewhere_is_asked_for_its_runtimes()
        {
            var bin = Path.Combine(_root, "bin");
            Directory.CreateDirectory(bin);
            File.WriteAllText(Path.Combine(bin, Host), string.Empty);
            _runtimeLists[Path.Combine(bin, Host)] = new[]
            {
                "Microsoft.AspNetCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]",
                "Microsoft.NETCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]",
            };
            _environment.SetVariable("PATH", bin);

            var host = Locator().Locate();

            Assert.Equal(Path.Combine(bin, Host), host.ExecutablePath);
            Assert.Equal(new Version(10, 0, 12), host.AspNetCoreVersion);
            Assert.Equal(new[] { Path.Combine(bin, Host) }, _listed);
        }

        [Fact]
        public void An_explicit_path_is_the_only_one_tried_as_a_file_or_as_its_folder()
        {
            var mine = Install("mine", "Microsoft.NETCore.App/10.0.1", "Microsoft.AspNetCore.App/10.0.1");
            var other = Install("other", "Microsoft.NETCore.App/10.0.9", "Microsoft.AspNetCore.App/10.0.9");
            _environment.SetVariable("DOTNET_HOST_PATH", Path.Combine(other, Host));

            Assert.Equal(Path.Combine(mine, Host), Locator().Locate(mine).ExecutablePath);
            Assert.Equal("-DotnetPath", Locator().Locate(Path.Combine(mine, Host)).FoundBy);
            var missing = Assert.Throws<OciEmulatorException>(() => Locator().Locate(Path.Combine(_root, "nothing", Host)));
            Assert.Equal(OciEmulatorErrorKind.DotnetHostNotFound, missing.Kind);
            Assert.Contains(Path.Combine(_root, "nothing", Host), missing.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void This_test_process_has_a_host_that_can_run_the_emulator()
        {
            var host = DotnetHostLocator.ForCurrentProcess().Locate();

            Assert.True(File.Exists(host.ExecutablePath));
            Assert.True(host.AspNetCoreVersion.Major >= 10);
        }

        [Theory]
        [InlineData("10.0.12", "10.0.12")]
        [InlineData("10.0.0-rc.2.25502.107", "10.0.0")]
        [InlineData("11.0.1+build", "11.0.1")]
        public void Versions_are_read_without_their_prerelease_label(string text, string expected)
        {
            Assert.Equal(Version.Parse(expected), DotnetHostLocator.ParseVersion(text));
        }

        [Fact]
        public void Text_that_is_no_version_is_skipped()
        {
            Assert.Null(DotnetHostLocator.ParseVersion("latest"));
            Assert.Empty(DotnetHostLocator.ParseRuntimeList(new[] { "", "garbage", "Microsoft.NETCore.App x [y]" }));
        }

        public void Dispose()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }

        private static string Host => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

        private DotnetHostLocator Locator(string? runtimeDirectory = null, string architecture = "X64") =>
            new DotnetHostLocator(_environment, runtimeDirectory, OperatingSystem.IsWindows(), architecture, new[] { Path.Combine(_root, "default", Host) }, ListRuntimes);

        private IReadOnlyList<string>? ListRuntimes(string host)
        {
            _listed.Add(host);
            return _runtimeLists.TryGetValue(host, out var lines) ? lines : null;
        }

        /// <summary>A fake installation: ROOT/NAME/dotnet and ROOT/NAME/shared/FRAMEWORK/VERSION folders.</summary>
        private string Install(string name, params string[] frameworks)
        {
            var folder = Path.Combine(_root, name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, Host), string.Empty);
            foreach (var framework in frameworks)
            {
                Directory.CreateDirectory(Path.Combine(new[] { folder, "shared" }.Concat(framework.Split('/')).ToArray()));
            }

            return folder;
        }
    }
}

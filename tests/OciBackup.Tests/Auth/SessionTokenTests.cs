using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests.Auth
{
    /// <summary>Session tokens (security_token_file) end to end: read again after 'oci session refresh', refused before any request once expired.</summary>
    public class SessionTokenTests
    {
        [Fact]
        public async Task A_refreshed_token_file_is_read_again_by_an_open_session()
        {
            await using var emulator = await IdentityEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(60));
            var options = emulator.Options(emulator.InstanceEnvironment());
            options.ConfigFile = emulator.Identity.SessionTokenConfigFile;
            using var session = OciSession.Create(options);
            Assert.Equal(AuthenticationKind.SessionToken, session.AuthenticationKind);
            Assert.NotEmpty((await emulator.ListVolumesAsync(session)).Value);

            emulator.Advance(TimeSpan.FromMinutes(50));
            emulator.Identity.RefreshSessionToken();
            emulator.Advance(TimeSpan.FromMinutes(20));

            Assert.NotEmpty((await emulator.ListVolumesAsync(session)).Value);
            Assert.Equal(0, emulator.Host.Statistics.AuthenticationFailures);
        }

        [Fact]
        public async Task An_expired_token_fails_before_any_request_naming_the_command_that_refreshes_it()
        {
            await using var emulator = await IdentityEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(60));
            var options = emulator.Options(emulator.InstanceEnvironment());
            options.ConfigFile = emulator.Identity.SessionTokenConfigFile;
            using var session = OciSession.Create(options);

            emulator.Advance(TimeSpan.FromMinutes(61));
            var error = await Assert.ThrowsAsync<OciConfigException>(() => emulator.ListVolumesAsync(session));

            Assert.Equal(OciConfigErrorKind.SessionTokenExpired, error.Kind);
            Assert.Contains("oci session refresh", error.RecommendedAction);
            Assert.Contains(Path.Combine(Path.GetDirectoryName(options.ConfigFile)!, "token"), error.Message);
            Assert.Contains("expired at 2026-12-01 09:00:00 UTC", error.Message);
            Assert.Equal(0, emulator.Host.Statistics.Requests);

            // New-OciSession refuses it too.
            var atStart = Assert.Throws<OciConfigException>(() => OciSession.Create(options));
            Assert.Equal(OciConfigErrorKind.SessionTokenExpired, atStart.Kind);
        }

        [Fact]
        public void The_refresh_command_names_a_profile_other_than_DEFAULT()
        {
            var token = SigningVectors.Key("rsa2048-session").GetProperty("sessionToken").GetString()!;
            var environment = TestConfigs.Home($"[WORK]\nkey_file=~/.oci/test-rsa2048-pkcs1.pem\nregion=us-ashburn-1\nsecurity_token_file=~/.oci/token\n");
            environment.AddFile("/home/test/.oci/token", token);

            var error = Assert.Throws<OciConfigException>(() => OciSession.Create(new OciSessionOptions { Environment = environment, Profile = "WORK" }));

            Assert.Equal(OciConfigErrorKind.SessionTokenExpired, error.Kind);
            Assert.Contains("oci session refresh --profile WORK", error.RecommendedAction);
            Assert.Equal("security_token_file", error.Setting);
        }

        [Fact]
        public async Task A_rewritten_token_file_is_read_only_when_it_changes()
        {
            var environment = TokenFileProfile(out var token);
            using var provider = TokenFileProvider(environment);

            for (var i = 0; i < 5; i++)
            {
                Assert.Equal("ST$" + token, (await provider.GetCredentialsAsync(default)).KeyId);
            }

            environment.AddFile("/home/test/.oci/token", "other.token.value\n");
            Assert.Equal("ST$other.token.value", (await provider.GetCredentialsAsync(default)).KeyId);
            Assert.Equal(2, environment.FilesRead.Count(p => p == "/home/test/.oci/token"));
        }

        [Fact]
        public async Task A_401_reads_the_token_file_again_and_sends_once_more_only_if_it_changed()
        {
            var environment = TokenFileProfile(out _);
            using var provider = TokenFileProvider(environment);
            var rejected = await provider.GetCredentialsAsync(default);

            Assert.False(await provider.RefreshAfterRejectionAsync(rejected, default));
            environment.Files["/home/test/.oci/token"] = "renewed.within.timestamp";
            Assert.True(await provider.RefreshAfterRejectionAsync(rejected, default));
            Assert.Equal("ST$renewed.within.timestamp", (await provider.GetCredentialsAsync(default)).KeyId);
        }

        /// <summary>A home whose [DEFAULT] profile signs with the session token of the signing vectors, kept in ~/.oci/token.</summary>
        private static FakeProcessEnvironment TokenFileProfile(out string token)
        {
            token = SigningVectors.Key("rsa2048-session").GetProperty("sessionToken").GetString()!;
            var environment = TestConfigs.Home("[DEFAULT]\nkey_file=~/.oci/test-rsa2048-pkcs1.pem\nregion=us-ashburn-1\nsecurity_token_file=~/.oci/token\n");
            environment.AddFile("/home/test/.oci/token", token);
            return environment;
        }

        private static IAuthenticationProvider TokenFileProvider(FakeProcessEnvironment environment) =>
            AuthenticationProviderFactory.FromProfile(ConfigFile.Load("/home/test/.oci/config", environment).GetProfile("DEFAULT"), environment, clock: SigningVectors.SessionTokenClock());
    }
}

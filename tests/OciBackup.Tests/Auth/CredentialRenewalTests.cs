using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using Xunit;

namespace OciBackup.Tests.Auth
{
    /// <summary>The renewal rules of token-based providers, on a clock the test sets: no network, no sleeping.</summary>
    public class CredentialRenewalTests : IDisposable
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        private readonly RsaSigningKey _key = SigningVectors.LoadKey("rsa2048-pkcs1");
        private readonly FixedClock _clock = new FixedClock(T0);
        private int _issued;

        [Fact]
        public async Task Credentials_are_reused_until_their_renewal_time_then_renewed()
        {
            using var renewal = new CredentialRenewal(_ => Issue(TimeSpan.FromMinutes(20)), _clock);

            var first = await renewal.GetAsync(default);
            _clock.UtcNow = T0.AddMinutes(18.9);
            Assert.Same(first, await renewal.GetAsync(default));
            _clock.UtcNow = T0.AddMinutes(19);
            var second = await renewal.GetAsync(default);

            Assert.NotSame(first, second);
            Assert.Equal(2, renewal.Renewals);
        }

        [Theory]
        [InlineData(20 * 60, 60)]
        [InlineData(5 * 60, 30)]
        [InlineData(10, 1)]
        [InlineData(1, 1)]
        [InlineData(-30, 1)]
        public void The_renewal_margin_is_a_tenth_of_the_life_at_most_a_minute_and_never_sooner_than_a_second_after_issue(int lifeSeconds, int secondsBeforeEndOrAfterIssue)
        {
            var issued = new IssuedCredentials(new RequestCredentials("ST$t", _key), T0, T0.AddSeconds(lifeSeconds));

            var expected = lifeSeconds >= 10 ? T0.AddSeconds(lifeSeconds - secondsBeforeEndOrAfterIssue) : T0.AddSeconds(secondsBeforeEndOrAfterIssue);
            Assert.Equal(expected, issued.RenewAt);
        }

        [Fact]
        public async Task Many_callers_at_renewal_time_share_one_renewal()
        {
            var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var renewal = new CredentialRenewal(async _ =>
            {
                await gate.Task;
                return await Issue(TimeSpan.FromMinutes(20));
            }, _clock);

            var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => renewal.GetAsync(default))).ToArray();
            await Task.Delay(50);
            gate.SetResult(true);
            var results = await Task.WhenAll(callers);

            Assert.Equal(1, _issued);
            Assert.All(results, r => Assert.Same(results[0], r));
        }

        [Fact]
        public async Task A_rejection_renews_once_however_many_requests_report_it()
        {
            using var renewal = new CredentialRenewal(_ => Issue(TimeSpan.FromMinutes(20)), _clock);
            var rejected = await renewal.GetAsync(default);

            var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => renewal.RenewAfterRejectionAsync(rejected, default))));

            Assert.All(answers, Assert.True);
            Assert.Equal(2, _issued);
            Assert.NotSame(rejected, await renewal.GetAsync(default));
        }

        [Fact]
        public async Task A_failed_early_renewal_keeps_the_token_that_still_works_and_the_next_request_tries_again()
        {
            var fail = false;
            using var renewal = new CredentialRenewal(_ => fail ? throw new InvalidOperationException("federation down") : Issue(TimeSpan.FromMinutes(20)), _clock);
            var first = await renewal.GetAsync(default);

            fail = true;
            _clock.UtcNow = T0.AddMinutes(19.5);
            Assert.Same(first, await renewal.GetAsync(default));
            Assert.Same(first, await renewal.GetAsync(default));
            Assert.Equal(3, renewal.Renewals);

            _clock.UtcNow = T0.AddMinutes(20);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => renewal.GetAsync(default));
            Assert.Equal("federation down", error.Message);
        }

        [Fact]
        public async Task A_caller_that_gives_up_does_not_cancel_the_renewal_others_wait_for()
        {
            var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var renewal = new CredentialRenewal(async token =>
            {
                await gate.Task;
                token.ThrowIfCancellationRequested();
                return await Issue(TimeSpan.FromMinutes(20));
            }, _clock);
            using var stop = new CancellationTokenSource();

            var cancelled = renewal.GetAsync(stop.Token);
            var patient = renewal.GetAsync(default);
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            gate.SetResult(true);

            Assert.NotNull(await patient);
            Assert.Equal(1, _issued);
        }

        [Fact]
        public void Claims_are_read_from_the_payload_of_a_JWT_and_anything_else_has_none()
        {
            var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"exp\":1795435507,\"iat\":1795431907,\"res_tenant\":\"ocid1.tenancy.oc1..t\",\"n\":1}"))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');

            var claims = SecurityTokenClaims.Read("e30." + payload + ".c2ln\n");

            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795435507), claims.ExpiresAt);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795431907), claims.IssuedAt);
            Assert.Equal("ocid1.tenancy.oc1..t", claims.Get("res_tenant"));
            Assert.Null(claims.Get("n"));
            Assert.Null(SecurityTokenClaims.Read("opaque-token").ExpiresAt);
            Assert.Null(SecurityTokenClaims.Read("a.%%%.c").ExpiresAt);
            Assert.Null(SecurityTokenClaims.Read("a.e30.c").ExpiresAt);
        }

        [Fact]
        public void A_watched_file_is_read_again_only_when_its_stamp_changes_or_when_forced()
        {
            var environment = new FakeProcessEnvironment().AddFile("/t", " one \n");
            var file = new WatchedTextFile("/t", environment);

            Assert.Equal("one", file.Read(false, out var changed));
            Assert.True(changed);
            Assert.Equal("one", file.Read(false, out changed));
            Assert.False(changed);
            Assert.False(file.HasChanged);
            environment.AddFile("/t", "two");
            Assert.True(file.HasChanged);
            Assert.Equal("two", file.Read(false, out changed));
            environment.Files["/t"] = "three";
            Assert.Equal("two", file.Read(false, out _));
            Assert.Equal("three", file.Read(true, out changed));
            Assert.True(changed);
            Assert.Equal(3, file.Reads);
        }

        public void Dispose() => _key.Dispose();

        private Task<IssuedCredentials> Issue(TimeSpan life)
        {
            var n = Interlocked.Increment(ref _issued);
            return Task.FromResult(new IssuedCredentials(new RequestCredentials("ST$token-" + n, _key), _clock.UtcNow, _clock.UtcNow + life));
        }
    }
}

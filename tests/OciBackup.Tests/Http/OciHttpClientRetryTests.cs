using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Engine;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Http
{
    public class OciHttpClientRetryTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);

        private sealed class RecordingObserver : IRetryObserver
        {
            private readonly Action<RetryNotice>? _also;

            public RecordingObserver(Action<RetryNotice>? also = null)
            {
                _also = also;
            }

            public ConcurrentQueue<RetryNotice> Notices { get; } = new ConcurrentQueue<RetryNotice>();

            public void OnRetry(RetryNotice notice)
            {
                Notices.Enqueue(notice);
                _also?.Invoke(notice);
            }
        }

        /// <summary>Answers each request with the next scripted step; the last step repeats.</summary>
        private static CapturingHandler Scripted(params Func<HttpResponseMessage>[] steps)
        {
            var count = 0;
            return new CapturingHandler(_ => steps[Math.Min(Interlocked.Increment(ref count), steps.Length) - 1]());
        }

        private static Func<HttpResponseMessage> Reply(int status, string? code = null, params (string Name, string Value)[] headers) =>
            () => CapturingHandler.Json((HttpStatusCode)status, code == null ? "{}" : "{\"code\":\"" + code + "\",\"message\":\"test\"}", headers);

        private static Func<HttpResponseMessage> Ok(string json = "{\"id\":\"ocid1.volumebackup.oc1..b\"}") => () => CapturingHandler.Json(HttpStatusCode.OK, json);

        private static readonly Func<HttpResponseMessage> ConnectionReset = () => throw new HttpRequestException("Connection reset by peer", new IOException("reset"));

        private static OciHttpClient Client(HttpMessageHandler handler, RecordingDelay delay, FixedClock clock, RetryPolicy? policy = null, double draw = 0.5, TimeSpan? timeout = null) =>
            Client(new Uri("https://iaas.us-ashburn-1.oraclecloud.com"), handler, delay, clock, policy, draw, timeout);

        private static OciHttpClient Client(Uri endpoint, HttpMessageHandler? handler, IDelay delay, FixedClock clock, RetryPolicy? policy = null, double draw = 0.5, TimeSpan? timeout = null) =>
            new OciHttpClient(new OciHttpClientOptions(endpoint, SigningVectors.LoadProvider("rsa2048-pkcs1"))
            {
                Handler = handler,
                Clock = clock,
                Delay = delay,
                Random = new ScriptedRandom(draw),
                RetryPolicy = policy ?? RetryPolicy.Default,
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
                Environment = new FakeProcessEnvironment(),
            });

        private static OciRequest Create(string token = "token-1") =>
            BlockstorageRequests.CreateVolumeBackup(new CreateVolumeBackupDetails("ocid1.volume.oc1..v") { DisplayName = "nightly", Type = BackupType.Full }, token);

        [Fact]
        public async Task A_503_followed_by_success_returns_the_success()
        {
            var handler = Scripted(Reply(503, "ServiceUnavailable"), Ok());
            var delay = new RecordingDelay();
            using var client = Client(handler, delay, new FixedClock(Start));

            var result = await client.SendAsync<VolumeBackup>(BlockstorageRequests.GetVolumeBackup("b"), default);

            Assert.Equal("ocid1.volumebackup.oc1..b", result.Value.Id);
            Assert.Equal(2, handler.Requests.Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(0.5) }, delay.Delays);
        }

        [Fact]
        public async Task Every_attempt_of_a_create_sends_the_same_retry_token_and_body_with_a_fresh_date_and_signature()
        {
            var handler = Scripted(Reply(503, "ServiceUnavailable", ("Retry-After", "2")), ConnectionReset, Reply(429, "TooManyRequests", ("Retry-After", "3")), Ok());
            var clock = new FixedClock(Start);
            using var client = Client(handler, new RecordingDelay(clock), clock);

            await client.SendAsync(Create("nightly-token-7"), default);

            var requests = handler.Requests.ToArray();
            Assert.Equal(4, requests.Length);
            Assert.All(requests, r => Assert.Equal("nightly-token-7", r.Header("opc-retry-token")));
            Assert.All(requests, r => Assert.Equal(requests[0].BodyText, r.BodyText));
            Assert.All(requests, r => Assert.Equal(requests[0].Header("x-content-sha256"), r.Header("x-content-sha256")));
            Assert.Contains("\"volumeId\":\"ocid1.volume.oc1..v\"", requests[0].BodyText);
            Assert.Equal(4, requests.Select(r => r.Header("Date")).Distinct().Count());
            Assert.Equal(4, requests.Select(r => r.Header("Authorization")).Distinct().Count());
        }

        [Theory]
        [InlineData(400, "InvalidParameter")]
        [InlineData(401, "NotAuthenticated")]
        [InlineData(404, "NotAuthorizedOrNotFound")]
        [InlineData(409, "Conflict")]
        [InlineData(501, "NotImplemented")]
        public async Task Errors_that_would_fail_again_are_thrown_after_one_attempt(int status, string code)
        {
            var handler = Scripted(Reply(status, code), Ok());
            var delay = new RecordingDelay();
            var observer = new RecordingObserver();
            using var client = Client(handler, delay, new FixedClock(Start));

            var error = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(Create(), default, new OciCallOptions { RetryObserver = observer }));

            Assert.Equal(status, error.StatusCode);
            Assert.Equal(1, error.Attempts);
            Assert.DoesNotContain("gave up", error.Message);
            Assert.Single(handler.Requests);
            Assert.Empty(delay.Delays);
            Assert.Empty(observer.Notices);
        }

        [Theory]
        [InlineData(429, "TooManyRequests")]
        [InlineData(409, "IncorrectState")]
        [InlineData(409, "LockConflict")]
        [InlineData(500, "InternalServerError")]
        [InlineData(502, null)]
        [InlineData(503, "ServiceUnavailable")]
        [InlineData(504, null)]
        public async Task Passing_failures_are_retried_until_the_call_succeeds(int status, string? code)
        {
            var handler = Scripted(Reply(status, code), Reply(status, code), Ok());
            using var client = Client(handler, new RecordingDelay(), new FixedClock(Start));

            var response = await client.SendAsync(Create(), default);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(3, handler.Requests.Count);
        }

        [Fact]
        public async Task When_the_attempts_run_out_the_last_failure_is_thrown_with_the_attempt_count()
        {
            var handler = Scripted(Reply(500, "InternalServerError"), Reply(503, "ServiceUnavailable"));
            var delay = new RecordingDelay();
            using var client = Client(handler, delay, new FixedClock(Start));

            var error = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default));

            Assert.Equal(503, error.StatusCode);
            Assert.Equal(8, error.Attempts);
            Assert.EndsWith("(gave up after 8 attempts)", error.Message);
            Assert.Equal(8, handler.Requests.Count);
            Assert.Equal(new[] { 0.5, 1, 2, 4, 8, 15, 15 }, delay.Delays.Select(d => d.TotalSeconds));
        }

        [Fact]
        public async Task The_attempt_cap_is_settable_per_client_and_per_call()
        {
            var handler = Scripted(Reply(503, "ServiceUnavailable"));
            using var client = Client(handler, new RecordingDelay(), new FixedClock(Start), RetryPolicy.Default.WithLimits(3, null));

            var fromClient = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default));
            var fromCall = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default, new OciCallOptions { RetryPolicy = RetryPolicy.Default.WithLimits(5, null) }));
            var noRetry = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default, new OciCallOptions { RetryPolicy = RetryPolicy.None }));

            Assert.Equal((3, 5, 1), (fromClient.Attempts, fromCall.Attempts, noRetry.Attempts));
            Assert.Equal(9, handler.Requests.Count);
        }

        [Fact]
        public async Task Retries_stop_before_a_delay_that_would_end_past_the_time_limit()
        {
            var handler = Scripted(Reply(503, "ServiceUnavailable"));
            var clock = new FixedClock(Start);
            var delay = new RecordingDelay(clock);
            using var client = Client(handler, delay, clock, RetryPolicy.Default.WithLimits(100, TimeSpan.FromSeconds(10)));

            var error = await Assert.ThrowsAsync<OciServiceException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), default));

            // Delays 0.5, 1, 2 and 4 s fit in 10 s (7.5 s); the next (8 s) would not.
            Assert.Equal(5, error.Attempts);
            Assert.Equal(new[] { 0.5, 1, 2, 4 }, delay.Delays.Select(d => d.TotalSeconds));
            Assert.True(clock.UtcNow - Start <= TimeSpan.FromSeconds(10));
        }

        [Fact]
        public async Task A_429_waits_at_least_its_retry_after_and_is_reported_as_throttling()
        {
            var handler = Scripted(Reply(429, "TooManyRequests", ("Retry-After", "7")), Ok());
            var delay = new RecordingDelay();
            var observer = new RecordingObserver();
            using var client = Client(handler, delay, new FixedClock(Start), draw: 0.25);

            await client.SendAsync(BlockstorageRequests.GetVolume("v"), default, new OciCallOptions { RetryObserver = observer });

            Assert.Equal(new[] { TimeSpan.FromSeconds(7.25) }, delay.Delays);
            var notice = Assert.Single(observer.Notices);
            Assert.True(notice.Throttled);
            Assert.Equal("429 TooManyRequests", notice.Reason);
            Assert.Equal(TimeSpan.FromSeconds(7.25), notice.Delay);
        }

        [Fact]
        public async Task Every_attempt_of_a_paced_call_takes_its_turn_and_the_pacer_hears_each_answer()
        {
            var handler = Scripted(Ok(), Ok(), Ok(), Ok(), Ok(), Reply(429, "TooManyRequests", ("Retry-After", "1")), Ok());
            var clock = new FixedClock(Start);
            var pacerDelay = new RecordingDelay(clock);
            var pacer = new RequestPacer(clock, pacerDelay);
            var call = new OciCallOptions { Pacer = pacer };
            using var client = Client(handler, new RecordingDelay(), clock);
            for (var i = 0; i < 5; i++)
            {
                await client.SendAsync(BlockstorageRequests.GetVolume("v"), default, call);
            }

            Assert.Null(pacer.Rate);
            await client.SendAsync(BlockstorageRequests.GetVolume("v"), default, call);

            // The 429 set the pace from the five answers before it; the retry waited for its turn, and its answer raised the pace.
            Assert.Equal((RequestPacer.Decrease * 5) + RequestPacer.GrowthPerAnswer, pacer.Rate!.Value, 6);
            var turn = Assert.Single(pacerDelay.Delays);
            Assert.Equal(1 / (RequestPacer.Decrease * 5), turn.TotalSeconds, 6);
            Assert.Equal(7, handler.Requests.Count);
        }

        [Fact]
        public async Task The_observer_hears_each_retry_before_its_delay_with_the_reason()
        {
            var handler = Scripted(Reply(503, "ServiceUnavailable"), ConnectionReset, Reply(502), Ok());
            var delay = new RecordingDelay();
            var delaysWhenTold = new List<int>();
            var observer = new RecordingObserver(_ => delaysWhenTold.Add(delay.Delays.Count));
            using var client = Client(handler, delay, new FixedClock(Start));

            await client.SendAsync(Create(), default, new OciCallOptions { RetryObserver = observer });

            var notices = observer.Notices.ToArray();
            Assert.Equal(new[] { "503 ServiceUnavailable", "connection failed", "HTTP 502" }, notices.Select(n => n.Reason));
            Assert.Equal(new[] { 1, 2, 3 }, notices.Select(n => n.FailedAttempt));
            Assert.All(notices, n => Assert.Equal(8, n.MaxAttempts));
            Assert.All(notices, n => Assert.Equal("POST", n.Method));
            Assert.All(notices, n => Assert.Equal("/20160918/volumeBackups", n.Path));
            Assert.All(notices, n => Assert.False(n.Throttled));
            Assert.Equal(delay.Delays, notices.Select(n => n.Delay));
            Assert.Equal(new[] { 0, 1, 2 }, delaysWhenTold);
            Assert.Equal("POST /20160918/volumeBackups: attempt 2 of 8 failed (connection failed); retrying in 1.0 s.", notices[1].ToString());
        }

        [Fact]
        public async Task A_create_without_a_retry_token_is_not_sent_again_after_a_cut_connection()
        {
            var handler = Scripted(ConnectionReset, Ok());
            using var client = Client(handler, new RecordingDelay(), new FixedClock(Start));
            var tokenless = new OciRequest(HttpMethod.Post, "/20160918/volumeBackups", System.Text.Encoding.UTF8.GetBytes("{\"volumeId\":\"v\"}"));

            var error = await Assert.ThrowsAsync<OciTransportException>(() => client.SendAsync(tokenless, default));

            Assert.Equal(OciTransportErrorKind.ConnectionFailed, error.Kind);
            Assert.Equal(1, error.Attempts);
            Assert.Single(handler.Requests);
        }

        [Fact]
        public async Task A_cut_connection_on_a_create_with_a_retry_token_is_retried()
        {
            var handler = Scripted(ConnectionReset, ConnectionReset, Ok());
            using var client = Client(handler, new RecordingDelay(), new FixedClock(Start));

            await client.SendAsync(Create(), default);

            Assert.Equal(3, handler.Requests.Count);
        }

        [Fact]
        public async Task A_reply_later_than_the_timeout_is_retried_and_the_next_reply_is_used()
        {
            var replies = 0;
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(Interlocked.Increment(ref replies) == 1
                ? new ServerReply { Delay = TimeSpan.FromSeconds(30) }
                : ServerReply.Json(200, "{\"id\":\"ocid1.volume.oc1..v\"}")));
            var observer = new RecordingObserver();
            using var client = Client(server.BaseAddress, null, new RecordingDelay(), new FixedClock(Start), timeout: TimeSpan.FromSeconds(1));

            var result = await client.SendAsync<Volume>(BlockstorageRequests.GetVolume("ocid1.volume.oc1..v"), default, new OciCallOptions { RetryObserver = observer });

            // Normally two requests; a machine stalled past the timeout on the second only adds retries.
            Assert.Equal("ocid1.volume.oc1..v", result.Value.Id);
            Assert.NotEmpty(observer.Notices);
            Assert.Equal(server.Requests.Count, observer.Notices.Count + 1);
            Assert.All(observer.Notices, n => Assert.Equal("timeout after 1 s", n.Reason));
        }

        [Fact]
        public async Task A_dropped_connection_on_a_real_socket_is_retried_with_the_same_token()
        {
            var replies = 0;
            await using var server = new LoopbackHttpServer(_ => Task.FromResult(Interlocked.Increment(ref replies) == 1
                ? new ServerReply { DropConnection = true }
                : ServerReply.Json(200, "{\"id\":\"ocid1.volumebackup.oc1..b\"}")));
            using var client = Client(server.BaseAddress, null, new RecordingDelay(), new FixedClock(Start));

            var result = await client.SendAsync<VolumeBackup>(Create("socket-token"), default);

            Assert.Equal("ocid1.volumebackup.oc1..b", result.Value.Id);
            Assert.Equal(new[] { "socket-token", "socket-token" }, server.Requests.Select(r => r.Header("opc-retry-token")));
            Assert.Equal(server.Requests.First().Body, server.Requests.Last().Body);
        }

        [Fact]
        public async Task Cancelling_during_a_retry_delay_ends_the_call_at_once()
        {
            var handler = Scripted(Reply(503, "ServiceUnavailable"));
            using var cancel = new CancellationTokenSource();
            var observer = new RecordingObserver(_ => cancel.CancelAfter(TimeSpan.FromMilliseconds(50)));
            var longWaits = RetryPolicy.Default.WithBackoff(TimeSpan.FromHours(1), TimeSpan.FromHours(1)).WithLimits(null, TimeSpan.FromDays(1));
            // The real delay: the one the cmdlets use must be the one that stops.
            using var client = Client(new Uri("https://iaas.us-ashburn-1.oraclecloud.com"), handler, TaskDelay.Instance, new FixedClock(Start), longWaits);

            var call = client.SendAsync(BlockstorageRequests.GetVolume("v"), cancel.Token, new OciCallOptions { RetryObserver = observer });

            // The guard only keeps a broken build from hanging the run; the call ends within milliseconds.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(TimeSpan.FromMinutes(30), Assert.Single(observer.Notices).Delay);
            Assert.Single(handler.Requests);
        }

        [Fact]
        public async Task A_cancelled_call_is_not_retried()
        {
            var handler = Scripted(Reply(503, "ServiceUnavailable"));
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();
            using var client = Client(handler, new RecordingDelay(), new FixedClock(Start));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(BlockstorageRequests.GetVolume("v"), cancel.Token));

            Assert.Empty(handler.Requests);
        }

        [Fact]
        public async Task Creates_whose_responses_the_emulator_drops_are_retried_into_exactly_one_backup_per_volume()
        {
            var directory = Path.Combine(Path.GetTempPath(), "ocibackup-retry-" + Guid.NewGuid().ToString("N"));
            var options = new EmulatorOptions
            {
                InitConfigDirectory = directory,
                BackupDuration = TimeSpan.FromMilliseconds(200),
                VolumesPerCompartment = 12,
                RandomSeed = 6,
                Faults = new FaultSettings { DropResponseShare = 1 },
            };
            options.CompartmentNames.Add("retry");
            await using var emulator = await EmulatorHost.StartAsync(options);
            try
            {
                var environment = ProcessEnvironment.Instance;
                var profile = ConfigFile.Load(emulator.GeneratedConfigFile!, environment).GetProfile("DEFAULT");
                var observer = new RecordingObserver();
                using var client = new OciHttpClient(new OciHttpClientOptions(emulator.BaseAddress, AuthenticationProviderFactory.FromProfile(profile, environment))
                {
                    Delay = new RecordingDelay(),
                    Random = new ScriptedRandom(0.5),
                });
                var blockstorage = new BlockstorageClient(client);
                var volumes = emulator.Compartments.Single().VolumeIds;
                var call = new OciCallOptions { RetryObserver = observer };

                // Every create's first response is cut after the backup is made; the retry carries the same token.
                var created = await Task.WhenAll(volumes.Select((v, i) =>
                    blockstorage.CreateVolumeBackupAsync(new CreateVolumeBackupDetails(v) { DisplayName = "retry " + i }, "retry-" + i, default, call)));

                Assert.Equal(volumes.OrderBy(v => v), created.Select(c => c.Value.VolumeId).OrderBy(v => v));
                Assert.All(volumes, v => Assert.Equal(1, emulator.Statistics.VolumeBackupsCreated(v)));
                Assert.Equal(volumes.Count, emulator.Statistics.TotalVolumeBackups);
                Assert.Equal(volumes.Count, emulator.Statistics.FaultCount(FaultKind.DroppedResponse));
                Assert.Equal(volumes.Count, observer.Notices.Count);
                Assert.All(observer.Notices, n => Assert.Equal("connection failed", n.Reason));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei;

namespace OciBackup.Tests.Huawei
{
    /// <summary>The emulator with its Huawei side on, on ephemeral ports, and an engine session for it with the generated AK/SK.</summary>
    internal sealed class RunningHuaweiEmulator : IAsyncDisposable
    {
        private RunningHuaweiEmulator(EmulatorHost host, HwcSession session)
        {
            Host = host;
            Session = session;
        }

        public EmulatorHost Host { get; }

        public HwcSession Session { get; }

        public OciBackup.Emulator.Huawei.HuaweiSide Side => Host.Huawei!;

        public static async Task<RunningHuaweiEmulator> StartAsync(Action<EmulatorOptions> configure, RetryPolicy? retryPolicy = null)
        {
            var options = new EmulatorOptions();
            options.Huawei.Enabled = true;
            configure(options);
            var host = await EmulatorHost.StartAsync(options);
            var side = host.Huawei!;
            var session = HwcSession.Create(new HwcSessionOptions
            {
                Region = side.Region,
                ProjectId = side.ProjectId,
                AccessKey = side.Credential.AccessKey,
                SecretKey = side.Credential.SecretKey,
                Endpoints = new Dictionary<string, string> { ["vbs"] = side.VbsEndpoint.ToString(), ["rds"] = side.RdsEndpoint.ToString() },
                Environment = new FakeProcessEnvironment(),
                RetryPolicy = retryPolicy ?? new RetryPolicy(8, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200)),
                Timeout = TimeSpan.FromSeconds(10),
            });
            return new RunningHuaweiEmulator(host, session);
        }

        public async ValueTask DisposeAsync()
        {
            Session.Dispose();
            await Host.DisposeAsync();
        }
    }
}

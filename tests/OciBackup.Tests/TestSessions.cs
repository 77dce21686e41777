using System;
using System.Net.Http;
using OciBackup.Engine;
using OciBackup.Engine.Http;

namespace OciBackup.Tests
{
    /// <summary>Sessions whose requests go to a test's handler instead of the network, signed with a vector key.</summary>
    internal static class TestSessions
    {
        public const string Region = "us-ashburn-1";

        public static OciSession Over(HttpMessageHandler handler, string region = Region, IClock? clock = null, IDelay? delay = null) =>
            OciSession.Create(new OciHttpClientOptions(new Uri($"https://iaas.{region}.oraclecloud.com"), SigningVectors.LoadProvider("rsa2048-pkcs1"))
            {
                Handler = handler,
                Environment = new FakeProcessEnvironment(),
                Clock = clock ?? SystemClock.Instance,
                Delay = delay ?? TaskDelay.Instance,
            }, region);
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using OciBackup.Engine;
using OciBackup.Engine.Http;

namespace OciBackup.Tests
{
    /// <summary>Clients for several regions, each region's requests to its own handler: what a session spanning regions gives the engine.</summary>
    internal sealed class TestRegions : IRegionalClients, IDisposable
    {
        private readonly Dictionary<string, OciSession> _sessions = new Dictionary<string, OciSession>(StringComparer.Ordinal);
        private readonly string _home;

        /// <param name="home">The region null stands for.</param>
        public TestRegions(string home, IClock? clock = null, IDelay? delay = null, params (string Region, HttpMessageHandler Handler)[] regions)
        {
            _home = home;
            foreach (var (region, handler) in regions)
            {
                _sessions.Add(region, TestSessions.Over(handler, region, clock, delay));
            }
        }

        public BlockstorageClient Blockstorage(string? region) => _sessions[region ?? _home].Blockstorage;

        public IdentityClient Identity(string? region) => _sessions[region ?? _home].Identity;

        public void Dispose()
        {
            foreach (var session in _sessions.Values)
            {
                session.Dispose();
            }
        }
    }
}

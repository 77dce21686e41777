using System;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Huawei.Http
{
    /// <summary>One Huawei Cloud service of one region and project, over the session's HTTP client (its own endpoint).</summary>
    internal abstract class HwcServiceClient
    {
        protected HwcServiceClient(OciHttpClient http, string projectId, string region)
        {
            Http = http ?? throw new ArgumentNullException(nameof(http));
            ProjectId = projectId ?? throw new ArgumentNullException(nameof(projectId));
            Region = region ?? throw new ArgumentNullException(nameof(region));
        }

        /// <summary>The project in every path.</summary>
        public string ProjectId { get; }

        /// <summary>The region stamped on everything read.</summary>
        public string Region { get; }

        public OciHttpClient Http { get; }
    }
}

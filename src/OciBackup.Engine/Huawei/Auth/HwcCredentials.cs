using System;

namespace OciBackup.Engine.Huawei.Auth
{
    /// <summary>
    /// What a Huawei Cloud request is signed with: an access key (AK) and secret key (SK), the security token of
    /// temporary credentials, and the project id the SDK also sends and signs as X-Project-Id. None of it is ever
    /// printed: the AK names the account's key, the SK and token are secrets.
    /// </summary>
    internal sealed class HwcCredentials
    {
        public HwcCredentials(string accessKey, string secretKey, string? securityToken = null, string? projectId = null)
        {
            AccessKey = string.IsNullOrEmpty(accessKey) ? throw new ArgumentException("An access key is required.", nameof(accessKey)) : accessKey;
            SecretKey = string.IsNullOrEmpty(secretKey) ? throw new ArgumentException("A secret key is required.", nameof(secretKey)) : secretKey;
            SecurityToken = string.IsNullOrEmpty(securityToken) ? null : securityToken;
            ProjectId = string.IsNullOrEmpty(projectId) ? null : projectId;
        }

        public string AccessKey { get; }

        public string SecretKey { get; }

        /// <summary>The token of temporary credentials (sent and signed as X-Security-Token), or null for a permanent AK/SK.</summary>
        public string? SecurityToken { get; }

        public string? ProjectId { get; }

        public bool IsTemporary => SecurityToken != null;

        public override string ToString() => IsTemporary ? "HwcCredentials (temporary AK/SK)" : "HwcCredentials (permanent AK/SK)";
    }
}

using System;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// An API key given without a config file, with where each value came from (a parameter such as
    /// <c>-TenancyId</c>, or a variable such as <c>OCI_CLI_TENANCY</c>) so that messages point there.
    /// Holds key material: never shown, and the caller clears the pass phrase.
    /// </summary>
    internal sealed class ApiKeySettings
    {
        public ApiKeySettings(string tenancyId, string userId, string fingerprint)
        {
            TenancyId = tenancyId ?? throw new ArgumentNullException(nameof(tenancyId));
            UserId = userId ?? throw new ArgumentNullException(nameof(userId));
            Fingerprint = fingerprint ?? throw new ArgumentNullException(nameof(fingerprint));
        }

        public string TenancyId { get; }

        public string UserId { get; }

        public string Fingerprint { get; }

        /// <summary>The private key's PEM text; null when <see cref="KeyFile"/> names its file.</summary>
        public string? PrivateKeyPem { get; set; }

        public string? KeyFile { get; set; }

        public char[]? PassPhrase { get; set; }

        public string TenancySource { get; set; } = "-TenancyId";

        public string UserSource { get; set; } = "-UserId";

        public string FingerprintSource { get; set; } = "-Fingerprint";

        public string KeySource { get; set; } = "-PrivateKey";

        /// <summary>The OCI CLI's variables, when all that a key needs is set (its "no config file" rule), else null.</summary>
        public static ApiKeySettings? FromCliVariables(IProcessEnvironment environment)
        {
            var user = environment.GetVariable("OCI_CLI_USER");
            var tenancy = environment.GetVariable("OCI_CLI_TENANCY");
            var fingerprint = environment.GetVariable("OCI_CLI_FINGERPRINT");
            var keyFile = environment.GetVariable("OCI_CLI_KEY_FILE");
            var keyContent = environment.GetVariable("OCI_CLI_KEY_CONTENT");
            if (user == null || tenancy == null || fingerprint == null || (keyFile == null && keyContent == null))
            {
                return null;
            }

            return new ApiKeySettings(tenancy, user, fingerprint)
            {
                PrivateKeyPem = keyContent,
                KeyFile = keyContent == null ? keyFile : null,
                TenancySource = "OCI_CLI_TENANCY",
                UserSource = "OCI_CLI_USER",
                FingerprintSource = "OCI_CLI_FINGERPRINT",
                KeySource = keyContent != null ? "OCI_CLI_KEY_CONTENT" : "OCI_CLI_KEY_FILE",
            };
        }

        public override string ToString() => $"API key {Fingerprint} of {UserId}";
    }
}

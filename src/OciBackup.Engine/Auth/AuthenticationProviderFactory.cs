using System;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// Builds the file-and-key providers: the one a config profile describes (a session token when the profile has
    /// <c>security_token_file</c>, else an API key), and an API key given without a config file (parameters or the
    /// OCI CLI's variables). All checks happen here, before any request: missing settings, unreadable files, pass
    /// phrases, the fingerprint, and a session token's expiry.
    /// </summary>
    internal static class AuthenticationProviderFactory
    {
        /// <param name="passPhrase">Overrides the profile's pass_phrase; the caller owns and clears it.</param>
        /// <param name="kind">The kind asked for (<see cref="AuthenticationKind.ApiKey"/> ignores a security_token_file), or null for what the profile says.</param>
        public static IAuthenticationProvider FromProfile(ConfigProfile profile, IProcessEnvironment environment, char[]? passPhrase = null, IClock? clock = null, AuthenticationKind? kind = null)
        {
            clock ??= SystemClock.Instance;
            var tokenFile = kind == AuthenticationKind.ApiKey ? null : profile.Get("security_token_file");
            if (kind == AuthenticationKind.SessionToken && tokenFile == null)
            {
                throw new OciConfigException(
                    OciConfigErrorKind.MissingSetting,
                    $"The profile [{profile.Name}] in '{profile.ConfigFile}' has no 'security_token_file' setting, which a session token needs.",
                    $"Run 'oci session authenticate --profile-name {profile.Name}' to create one, or choose another -AuthType.",
                    configFile: profile.ConfigFile,
                    profile: profile.Name,
                    setting: "security_token_file");
            }

            var keySetting = profile.Get("key_content") != null ? "key_content" : "key_file";
            var key = LoadKey(profile, environment, passPhrase);
            try
            {
                if (tokenFile != null)
                {
                    var path = ConfigProfile.ExpandHome(tokenFile, environment);
                    var keyPath = keySetting == "key_file" ? ConfigProfile.ExpandHome(profile.Get("key_file")!, environment) : null;
                    var provider = new SessionTokenAuthenticationProvider(
                        new WatchedTextFile(path, environment), key, keyPath == null ? null : new WatchedTextFile(keyPath, environment),
                        profile.Get("tenancy"), clock, TokenFileContext.ForProfile(profile));
                    // An expired token fails here, before any request; the key is disposed of below.
                    provider.EnsureNotExpired();
                    return provider;
                }

                var tenancy = RequireOcid(profile, "tenancy", "tenancy", "signing requests with an API key");
                var user = RequireOcid(profile, "user", "user", "signing requests with an API key");
                var fingerprint = profile.GetRequired("fingerprint", "signing requests with an API key");
                if (!string.Equals(fingerprint.Trim(), key.Fingerprint, StringComparison.OrdinalIgnoreCase))
                {
                    var says = profile.OverriddenBy("fingerprint") is string variable
                        ? $"{variable} says fingerprint {fingerprint.Trim()}"
                        : $"The profile [{profile.Name}] in '{profile.ConfigFile}' says fingerprint {fingerprint.Trim()}";
                    var holds = profile.OverriddenBy(keySetting) is string keyVariable ? $"the key in {keyVariable}" : $"its {keySetting}";
                    throw new OciConfigException(
                        OciConfigErrorKind.FingerprintMismatch,
                        $"{says}, but {holds} is the key with fingerprint {key.Fingerprint}. OCI would refuse every request (401).",
                        "Point key_file at the key whose public half you uploaded, or set fingerprint to the one the OCI console shows for that key.",
                        configFile: profile.ConfigFile,
                        profile: profile.Name,
                        setting: profile.OverriddenBy("fingerprint") ?? "fingerprint");
                }

                return new ApiKeyAuthenticationProvider(tenancy, user, fingerprint, key);
            }
            catch
            {
                key.Dispose();
                throw;
            }
        }

        /// <summary>An API key given without a config file: parameters, or the OCI CLI's variables.</summary>
        public static IAuthenticationProvider FromApiKey(ApiKeySettings settings, IProcessEnvironment environment)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            var tenancy = ExplicitOcid(settings.TenancyId, settings.TenancySource, "tenancy");
            var user = ExplicitOcid(settings.UserId, settings.UserSource, "user");
            RsaSigningKey key;
            if (settings.PrivateKeyPem != null)
            {
                var pem = PemText.Normalize(settings.PrivateKeyPem);
                key = PrivateKeyReader.Read(pem, settings.PassPhrase, settings.KeySource, literal: true);
            }
            else
            {
                var path = ConfigProfile.ExpandHome(settings.KeyFile ?? throw new ArgumentException("Either the key or its file is needed.", nameof(settings)), environment);
                key = PrivateKeyReader.Read(ReadKeyFile(path, settings.KeySource, environment), settings.PassPhrase, path);
            }

            if (!string.Equals(settings.Fingerprint.Trim(), key.Fingerprint, StringComparison.OrdinalIgnoreCase))
            {
                key.Dispose();
                throw new OciConfigException(
                    OciConfigErrorKind.FingerprintMismatch,
                    $"{settings.FingerprintSource} is {settings.Fingerprint.Trim()}, but the key in {settings.KeySource} has fingerprint {key.Fingerprint}. OCI would refuse every request (401).",
                    $"Give the fingerprint the OCI console shows for this key in {settings.FingerprintSource}, or the key whose public half you uploaded.",
                    setting: settings.FingerprintSource);
            }

            return new ApiKeyAuthenticationProvider(tenancy, user, settings.Fingerprint, key);
        }

        private static RsaSigningKey LoadKey(ConfigProfile profile, IProcessEnvironment environment, char[]? passPhrase)
        {
            char[]? configured = null;
            try
            {
                if (passPhrase == null)
                {
                    configured = profile.Get("pass_phrase")?.ToCharArray();
                }

                var content = profile.Get("key_content");
                if (content != null)
                {
                    return PrivateKeyReader.Read(PemText.Normalize(content), passPhrase ?? configured, profile.Describe("key_content"), literal: true);
                }

                var keyFile = ConfigProfile.ExpandHome(profile.GetRequired("key_file", "signing requests"), environment);
                var source = profile.OverriddenBy("key_file") is string variable ? variable : $"key_file in profile [{profile.Name}] of '{profile.ConfigFile}'";
                var pem = ReadKeyFile(keyFile, source, environment, profile);
                return PrivateKeyReader.Read(pem, passPhrase ?? configured, keyFile, profile);
            }
            finally
            {
                if (configured != null)
                {
                    Array.Clear(configured, 0, configured.Length);
                }
            }
        }

        /// <param name="source">What named the file, for messages (<c>key_file in profile [X] of 'f'</c>, <c>-KeyFile</c>, <c>OCI_CLI_KEY_FILE</c>).</param>
        private static string ReadKeyFile(string keyFile, string source, IProcessEnvironment environment, ConfigProfile? profile = null)
        {
            if (!environment.FileExists(keyFile))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.KeyFileNotFound,
                    $"The key file '{keyFile}' named by {source} does not exist.",
                    profile == null ? $"Name an existing PEM private key in {source}." : "Fix key_file in the profile, or create the key with 'oci setup keys'.",
                    configFile: profile?.ConfigFile,
                    profile: profile?.Name,
                    setting: profile == null ? source : profile.OverriddenBy("key_file") ?? "key_file");
            }

            try
            {
                return environment.ReadAllText(keyFile);
            }
            catch (Exception ex) when (FileReadErrors.IsReadFailure(ex))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.KeyFileUnreadable,
                    $"The key file '{keyFile}' named by {source} could not be read ({ex.GetType().Name}).",
                    "Check that the file is readable by the current user (chmod 600 and owned by you).",
                    configFile: profile?.ConfigFile,
                    profile: profile?.Name,
                    setting: profile == null ? source : profile.OverriddenBy("key_file") ?? "key_file");
            }
        }

        private static string RequireOcid(ConfigProfile profile, string setting, string resourceType, string purpose)
        {
            var value = profile.GetRequired(setting, purpose).Trim();
            if (!value.StartsWith("ocid1." + resourceType + ".", StringComparison.Ordinal))
            {
                var where = profile.OverriddenBy(setting) is string variable ? variable : $"The '{setting}' setting of profile [{profile.Name}] in '{profile.ConfigFile}'";
                throw new OciConfigException(
                    OciConfigErrorKind.InvalidSetting,
                    $"{where} is '{value}', which is not a {resourceType} OCID (ocid1.{resourceType}.…).",
                    $"Copy the {resourceType} OCID from the OCI console into the profile.",
                    configFile: profile.ConfigFile,
                    profile: profile.Name,
                    setting: profile.OverriddenBy(setting) ?? setting);
            }

            return value;
        }

        private static string ExplicitOcid(string value, string source, string resourceType)
        {
            var trimmed = (value ?? string.Empty).Trim();
            if (!trimmed.StartsWith("ocid1." + resourceType + ".", StringComparison.Ordinal))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.InvalidSetting,
                    $"{source} is '{trimmed}', which is not a {resourceType} OCID (ocid1.{resourceType}.…).",
                    $"Copy the {resourceType} OCID from the OCI console into {source}.",
                    setting: source);
            }

            return trimmed;
        }
    }
}

using System;
using System.IO;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// Builds the authentication provider a config profile describes: a session token when the
    /// profile has <c>security_token_file</c>, else an API key. All checks happen here, before any
    /// request: missing settings, unreadable files, pass phrases, and the fingerprint.
    /// </summary>
    internal static class AuthenticationProviderFactory
    {
        /// <param name="passPhrase">Overrides the profile's pass_phrase; the caller owns and clears it.</param>
        public static IAuthenticationProvider FromProfile(ConfigProfile profile, IProcessEnvironment environment, char[]? passPhrase = null)
        {
            var tokenFile = profile.Get("security_token_file");
            var key = LoadKey(profile, environment, passPhrase);
            try
            {
                if (tokenFile != null)
                {
                    var token = ReadTokenFile(profile, ConfigProfile.ExpandHome(tokenFile, environment), environment);
                    return new SessionTokenAuthenticationProvider(token, key, profile.Get("tenancy"));
                }

                var tenancy = RequireOcid(profile, "tenancy", "tenancy", "signing requests with an API key");
                var user = RequireOcid(profile, "user", "user", "signing requests with an API key");
                var fingerprint = profile.GetRequired("fingerprint", "signing requests with an API key");
                if (!string.Equals(fingerprint.Trim(), key.Fingerprint, StringComparison.OrdinalIgnoreCase))
                {
                    throw new OciConfigException(
                        OciConfigErrorKind.FingerprintMismatch,
                        $"The profile [{profile.Name}] in '{profile.ConfigFile}' says fingerprint {fingerprint.Trim()}, but its key_file holds the key with fingerprint {key.Fingerprint}. OCI would refuse every request (401).",
                        "Point key_file at the key whose public half you uploaded, or set fingerprint to the one the OCI console shows for that key.",
                        configFile: profile.ConfigFile,
                        profile: profile.Name,
                        setting: "fingerprint");
                }

                return new ApiKeyAuthenticationProvider(tenancy, user, fingerprint, key);
            }
            catch
            {
                key.Dispose();
                throw;
            }
        }

        private static RsaSigningKey LoadKey(ConfigProfile profile, IProcessEnvironment environment, char[]? passPhrase)
        {
            var keyFile = ConfigProfile.ExpandHome(profile.GetRequired("key_file", "signing requests"), environment);
            if (!environment.FileExists(keyFile))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.KeyFileNotFound,
                    $"The key file '{keyFile}' named by key_file in profile [{profile.Name}] of '{profile.ConfigFile}' does not exist.",
                    "Fix key_file in the profile, or create the key with 'oci setup keys'.",
                    configFile: profile.ConfigFile,
                    profile: profile.Name,
                    setting: "key_file");
            }

            string pem;
            try
            {
                pem = environment.ReadAllText(keyFile);
            }
            catch (Exception ex) when (FileReadErrors.IsReadFailure(ex))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.KeyFileUnreadable,
                    $"The key file '{keyFile}' named by key_file in profile [{profile.Name}] of '{profile.ConfigFile}' could not be read ({ex.GetType().Name}).",
                    "Check that the file is readable by the current user (chmod 600 and owned by you).",
                    configFile: profile.ConfigFile,
                    profile: profile.Name,
                    setting: "key_file");
            }

            char[]? configured = null;
            try
            {
                if (passPhrase == null)
                {
                    configured = profile.Get("pass_phrase")?.ToCharArray();
                }

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

        private static string ReadTokenFile(ConfigProfile profile, string path, IProcessEnvironment environment)
        {
            string? token = null;
            string? problem = null;
            try
            {
                if (!environment.FileExists(path))
                {
                    problem = "does not exist";
                }
                else
                {
                    token = environment.ReadAllText(path).Trim();
                    if (token.Length == 0)
                    {
                        problem = "is empty";
                    }
                }
            }
            catch (Exception ex) when (FileReadErrors.IsReadFailure(ex))
            {
                problem = $"could not be read ({ex.GetType().Name})";
            }

            if (problem != null || token == null)
            {
                throw new OciConfigException(
                    OciConfigErrorKind.SessionTokenUnreadable,
                    $"The session token file '{path}' named by security_token_file in profile [{profile.Name}] of '{profile.ConfigFile}' {problem}.",
                    "Run 'oci session authenticate' (or 'oci session refresh') for this profile.",
                    configFile: profile.ConfigFile,
                    profile: profile.Name,
                    setting: "security_token_file");
            }

            return token;
        }

        private static string RequireOcid(ConfigProfile profile, string setting, string resourceType, string purpose)
        {
            var value = profile.GetRequired(setting, purpose).Trim();
            if (!value.StartsWith("ocid1." + resourceType + ".", StringComparison.Ordinal))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.InvalidSetting,
                    $"The '{setting}' setting of profile [{profile.Name}] in '{profile.ConfigFile}' is '{value}', which is not a {resourceType} OCID (ocid1.{resourceType}.…).",
                    $"Copy the {resourceType} OCID from the OCI console into the profile.",
                    configFile: profile.ConfigFile,
                    profile: profile.Name,
                    setting: setting);
            }

            return value;
        }
    }
}

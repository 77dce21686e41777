using System;
using System.Text.RegularExpressions;
using OciBackup.Engine.Auth;

namespace OciBackup.Engine.Huawei.Auth
{
    /// <summary>
    /// Decides which AK/SK, token and project id a session signs with, as Huawei's SDKs do: what the caller gives wins;
    /// else the SDKs' environment variables. AK and SK come as a pair from one place (a token with the pair it belongs
    /// to), so a variable left over from another account never mixes in.
    /// </summary>
    internal static class HwcCredentialResolver
    {
        public const string AccessKeyVariable = "HUAWEICLOUD_SDK_AK";
        public const string SecretKeyVariable = "HUAWEICLOUD_SDK_SK";
        public const string ProjectIdVariable = "HUAWEICLOUD_SDK_PROJECT_ID";
        public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

        private static readonly Regex ProjectIdShape = new Regex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant);

        public static HwcCredentials Resolve(string? accessKey, string? secretKey, string? securityToken, string? projectId, IProcessEnvironment environment, out HwcCredentialSource source)
        {
            if (environment == null)
            {
                throw new ArgumentNullException(nameof(environment));
            }

            string ak;
            string sk;
            string? token;
            if (accessKey != null || secretKey != null || securityToken != null)
            {
                ak = Required(accessKey, "-AccessKey", "Give -AccessKey with -SecretKey: they are a pair.");
                sk = Required(secretKey, "-SecretKey", "Give -SecretKey (a SecureString) with -AccessKey: they are a pair.");
                token = securityToken;
                source = HwcCredentialSource.Parameters;
            }
            else
            {
                var envAk = environment.GetVariable(AccessKeyVariable);
                var envSk = environment.GetVariable(SecretKeyVariable);
                if (envAk == null && envSk == null)
                {
                    throw new HwcConfigException(HwcConfigErrorKind.CredentialsMissing,
                        $"No Huawei Cloud credentials: no -AccessKey and -SecretKey, and {AccessKeyVariable} and {SecretKeyVariable} are not set.",
                        $"Pass -AccessKey and -SecretKey, or set {AccessKeyVariable} and {SecretKeyVariable} (and {SecurityTokenVariable} for temporary credentials), as for Huawei's SDKs.",
                        AccessKeyVariable);
                }

                ak = Required(envAk, AccessKeyVariable, $"Set {AccessKeyVariable} with {SecretKeyVariable}: they are a pair.");
                sk = Required(envSk, SecretKeyVariable, $"Set {SecretKeyVariable} with {AccessKeyVariable}: they are a pair.");
                token = environment.GetVariable(SecurityTokenVariable);
                source = HwcCredentialSource.Environment;
            }

            CheckShape(ak, source == HwcCredentialSource.Parameters ? "-AccessKey" : AccessKeyVariable);
            CheckShape(sk, source == HwcCredentialSource.Parameters ? "-SecretKey" : SecretKeyVariable);
            if (token != null)
            {
                CheckShape(token, source == HwcCredentialSource.Parameters ? "-SecurityToken" : SecurityTokenVariable);
            }

            var project = projectId ?? environment.GetVariable(ProjectIdVariable);
            var projectSetting = projectId != null ? "-ProjectId" : ProjectIdVariable;
            if (string.IsNullOrWhiteSpace(project))
            {
                throw new HwcConfigException(HwcConfigErrorKind.ProjectIdMissing,
                    $"No project id: no -ProjectId, and {ProjectIdVariable} is not set.",
                    $"Pass -ProjectId (the id of the region's project, under My Credentials > API Credentials in the console), or set {ProjectIdVariable}.",
                    "-ProjectId");
            }

            if (!ProjectIdShape.IsMatch(project))
            {
                throw new HwcConfigException(HwcConfigErrorKind.ProjectIdInvalid,
                    $"The project id '{project}' from {projectSetting} is not a project id: 1 to 64 letters, digits, '-' and '_' (Huawei's are 32 hexadecimal digits).",
                    "Copy the project id of the region from My Credentials > API Credentials in the console.", projectSetting);
            }

            return new HwcCredentials(ak, sk, token, project);
        }

        private static string Required(string? value, string setting, string action)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new HwcConfigException(HwcConfigErrorKind.CredentialsIncomplete, $"{setting} is missing: an AK and an SK are needed together.", action, setting);
            }

            return value!;
        }

        // The value itself is never shown: it may be a secret pasted into the wrong place.
        private static void CheckShape(string value, string setting)
        {
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    throw new HwcConfigException(HwcConfigErrorKind.CredentialsInvalid,
                        $"{setting} contains a space or control character, which no Huawei Cloud AK, SK or token does.",
                        $"Check {setting} for a stray space or line break (a copy from a file or a console).", setting);
                }
            }
        }
    }
}

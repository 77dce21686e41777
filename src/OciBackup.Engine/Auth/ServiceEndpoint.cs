using System;
using System.Net;
using System.Text.RegularExpressions;

namespace OciBackup.Engine.Auth
{
    /// <summary>The base address of an OCI service: derived from a region, or an explicit override checked before use.</summary>
    internal static class ServiceEndpoint
    {
        private const string AcceptedOverrides =
            "Use an absolute https:// address with only a host and an optional port, such as https://iaas.us-ashburn-1.oraclecloud.com, "
            + "or http:// with a loopback host (127.0.0.1, ::1 or localhost) for the local emulator, such as http://127.0.0.1:8080.";

        private static readonly Regex ServiceShape =
            new Regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant);

        /// <summary>The regional endpoint of a service: <c>https://{service}.{region}.{realm domain}</c>.</summary>
        public static Uri ForRegion(Region region, string service = "iaas")
        {
            if (region is null)
            {
                throw new ArgumentNullException(nameof(region));
            }

            if (service is null || !ServiceShape.IsMatch(service))
            {
                throw new ArgumentException($"'{service}' is not a service host prefix such as iaas.", nameof(service));
            }

            return new Uri($"https://{service}.{region.Id}.{region.Realm.SecondLevelDomain}");
        }

        /// <summary>The Identity endpoint of a region: <c>https://identity.{region}.oci.{realm domain}</c> (with an <c>oci.</c> label Core lacks).</summary>
        public static Uri IdentityForRegion(Region region)
        {
            if (region is null)
            {
                throw new ArgumentNullException(nameof(region));
            }

            return new Uri($"https://identity.{region.Id}.oci.{region.Realm.SecondLevelDomain}");
        }

        /// <summary>
        /// Checks an explicit endpoint and returns it as scheme, host and port only (no trailing slash in its
        /// original string; the default port dropped).
        /// </summary>
        /// <exception cref="OciConfigException"><see cref="OciConfigErrorKind.EndpointInvalid"/> with what was wrong.</exception>
        public static Uri ParseOverride(string endpoint) => Parse(endpoint, allowPath: false, "endpoint");

        /// <summary>
        /// Checks an explicit federation endpoint (<c>-FederationEndpoint</c>, <c>OCI_CLI_FEDERATION_ENDPOINT</c>): the same
        /// rules, but a path is allowed, since Oracle's SDKs take the full URL (<c>https://auth.{region}.{domain}/v1/x509</c>).
        /// Returned with its path, if any.
        /// </summary>
        public static Uri ParseFederationOverride(string endpoint, string setting)
        {
            var authority = Parse(endpoint, allowPath: true, setting);
            var path = new Uri(endpoint.Trim()).AbsolutePath;
            return new Uri(authority.AbsoluteUri.TrimEnd('/') + (path.Length <= 1 ? X509FederationClient.TokenPath : path));
        }

        private static Uri Parse(string endpoint, bool allowPath, string setting)
        {
            if (endpoint is null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            var text = endpoint.Trim();
            if (text.Length == 0)
            {
                throw Invalid(endpoint, "it is empty", setting);
            }

            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    throw Invalid(endpoint, "it contains white space or control characters", setting);
                }
            }

            var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd <= 0)
            {
                throw Invalid(endpoint, "it does not start with https://", setting);
            }

            var scheme = text.Substring(0, schemeEnd).ToLowerInvariant();
            if (scheme != "https" && scheme != "http")
            {
                throw Invalid(endpoint, $"the scheme '{scheme}' is not https", setting);
            }

            // Checked on the raw text: Uri would quietly turn '\' into '/' and drop an empty '?' or '#'.
            if (text.IndexOf('?') >= 0 || text.IndexOf('#') >= 0)
            {
                throw Invalid(endpoint, "it has a query or a fragment", setting);
            }

            if (text.IndexOf('\\') >= 0)
            {
                throw Invalid(endpoint, "it contains a backslash", setting);
            }

            var afterScheme = text.Substring(schemeEnd + 3);
            var slash = afterScheme.IndexOf('/');
            var authority = slash < 0 ? afterScheme : afterScheme.Substring(0, slash);
            if (authority.IndexOf('@') >= 0)
            {
                throw Invalid(endpoint, "it has user information before the host", setting);
            }

            // The client appends /20160918/...; any path of our own here would be silently lost or doubled.
            if (!allowPath && slash >= 0 && slash != afterScheme.Length - 1)
            {
                throw Invalid(endpoint, "it has a path; only the host and port are allowed", setting);
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                throw Invalid(endpoint, "it is not a well-formed absolute address", setting);
            }

            if (scheme == "http" && !IsLoopback(uri))
            {
                throw Invalid(endpoint, $"http:// is allowed only for a loopback host, and '{uri.Host}' is not one", setting);
            }

            return new Uri(uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped));
        }

        private static bool IsLoopback(Uri uri)
        {
            if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
        }

        private static OciConfigException Invalid(string endpoint, string reason, string setting) =>
            new OciConfigException(
                OciConfigErrorKind.EndpointInvalid,
                setting == "endpoint"
                    ? $"The endpoint '{WithoutUserInfo(endpoint)}' is not valid: {reason}."
                    : $"The federation endpoint '{WithoutUserInfo(endpoint)}' ({setting}) is not valid: {reason}.",
                setting == "endpoint" ? AcceptedOverrides : AcceptedOverrides.Replace("https://iaas.us-ashburn-1.oraclecloud.com", "https://auth.us-ashburn-1.oraclecloud.com"),
                setting: setting);

        // User information may hold a password, and messages never carry secrets.
        private static string WithoutUserInfo(string endpoint)
        {
            var start = endpoint.IndexOf("://", StringComparison.Ordinal);
            start = start < 0 ? 0 : start + 3;
            var end = endpoint.IndexOf('/', start);
            var at = endpoint.LastIndexOf('@', end < 0 ? endpoint.Length - 1 : end);
            return at < start ? endpoint : endpoint.Substring(0, start) + "***" + endpoint.Substring(at);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Net;
using OciBackup.Engine.Auth;

namespace OciBackup.Engine.Http
{
    /// <summary>
    /// The proxy named by <c>HTTPS_PROXY</c>/<c>HTTP_PROXY</c> (either case), with <c>NO_PROXY</c>
    /// exceptions. .NET on Linux and macOS reads these itself but Windows PowerShell 5.1 does not, so
    /// the module reads them the same way everywhere. Loopback hosts (the local emulator) are never proxied.
    /// </summary>
    internal sealed class EnvironmentProxy : IWebProxy
    {
        private readonly Uri? _httpsProxy;
        private readonly Uri? _httpProxy;
        private readonly string[] _bypass;
        private readonly bool _bypassAll;

        private EnvironmentProxy(Uri? httpsProxy, Uri? httpProxy, string[] bypass, ICredentials? credentials)
        {
            _httpsProxy = httpsProxy;
            _httpProxy = httpProxy;
            _bypass = bypass;
            _bypassAll = Array.IndexOf(bypass, "*") >= 0;
            Credentials = credentials;
        }

        public ICredentials? Credentials { get; set; }

        /// <summary>The proxy the environment names, or null when it names none (then the system proxy applies).</summary>
        public static EnvironmentProxy? FromEnvironment(IProcessEnvironment environment)
        {
            var https = Parse(environment.GetVariable("HTTPS_PROXY") ?? environment.GetVariable("https_proxy"), "HTTPS_PROXY");
            var http = Parse(environment.GetVariable("HTTP_PROXY") ?? environment.GetVariable("http_proxy"), "HTTP_PROXY");
            if (https == null && http == null)
            {
                return null;
            }

            var noProxy = environment.GetVariable("NO_PROXY") ?? environment.GetVariable("no_proxy") ?? string.Empty;
            var bypass = new List<string>();
            foreach (var entry in noProxy.Split(','))
            {
                var host = entry.Trim().ToLowerInvariant();
                if (host.StartsWith("*.", StringComparison.Ordinal))
                {
                    host = host.Substring(1);
                }

                if (host.Length > 0)
                {
                    bypass.Add(host);
                }
            }

            var withCredentials = https ?? http!;
            ICredentials? credentials = null;
            if (!string.IsNullOrEmpty(withCredentials.UserInfo))
            {
                var parts = withCredentials.UserInfo.Split(new[] { ':' }, 2);
                credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
            }

            return new EnvironmentProxy(Strip(https), Strip(http), bypass.ToArray(), credentials);
        }

        public Uri? GetProxy(Uri destination)
        {
            var proxy = destination.Scheme == Uri.UriSchemeHttps ? _httpsProxy ?? _httpProxy : _httpProxy;
            return proxy == null || IsBypassed(destination) ? null : proxy;
        }

        public bool IsBypassed(Uri host)
        {
            if (_bypassAll || host.IsLoopback)
            {
                return true;
            }

            var name = host.Host.ToLowerInvariant();
            foreach (var entry in _bypass)
            {
                if (entry[0] == '.')
                {
                    // ".example.com" matches the domain itself and every host below it.
                    if (name.EndsWith(entry, StringComparison.Ordinal) || name == entry.Substring(1))
                    {
                        return true;
                    }
                }
                else if (name == entry || name.EndsWith("." + entry, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public override string ToString() => $"EnvironmentProxy (https: {_httpsProxy?.GetLeftPart(UriPartial.Authority) ?? "none"}, http: {_httpProxy?.GetLeftPart(UriPartial.Authority) ?? "none"})";

        private static Uri? Parse(string? value, string variable)
        {
            if (value == null)
            {
                return null;
            }

            // curl and .NET accept "host:port" without a scheme and mean http.
            var candidate = value.IndexOf("://", StringComparison.Ordinal) < 0 ? "http://" + value : value;
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.InvalidSetting,
                    $"The environment variable {variable} is not a proxy URL (expected http://host:port).",
                    $"Fix or unset {variable}.",
                    setting: variable);
            }

            return uri;
        }

        /// <summary>The proxy address without user info: credentials travel through <see cref="Credentials"/>, never in a URL that could be printed.</summary>
        private static Uri? Strip(Uri? proxy) =>
            proxy == null ? null : new Uri(proxy.Scheme + "://" + proxy.Authority + "/");
    }
}

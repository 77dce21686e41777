using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using OciBackup.Engine.Huawei.Auth;

namespace OciBackup.Engine.Huawei
{
    /// <summary>
    /// Where each service of a session's region is: <c>https://{service}.{region}.{domain}</c>, unless overridden, for
    /// every service at once (one URL: a gateway, or an emulator that serves them all) or per service. An override is
    /// https, or http to a loopback address (an emulator on this machine).
    /// </summary>
    internal sealed class HwcEndpoints
    {
        private readonly Dictionary<string, Uri> _endpoints;

        private HwcEndpoints(string region, Dictionary<string, Uri> endpoints)
        {
            Region = region;
            _endpoints = endpoints;
        }

        public string Region { get; }

        /// <param name="endpoint">One URL for every service, or null.</param>
        /// <param name="perService">Service name (<c>vbs</c>, <c>rds</c>) to URL, or null; wins over <paramref name="endpoint"/>.</param>
        public static HwcEndpoints For(string region, string? endpoint, IEnumerable<KeyValuePair<string, string>>? perService)
        {
            var endpoints = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
            var all = endpoint == null ? null : ParseOverride(endpoint, "-Endpoint");
            foreach (var service in HwcServices.All)
            {
                endpoints[service] = all ?? new Uri($"https://{service}.{region}.{HwcRegions.DomainOf(region)}");
            }

            if (perService != null)
            {
                foreach (var pair in perService)
                {
                    var service = HwcServices.All.FirstOrDefault(s => string.Equals(s, pair.Key?.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (service == null)
                    {
                        throw new HwcConfigException(HwcConfigErrorKind.EndpointInvalid,
                            $"'{pair.Key}' is not a service this module calls; the services are {string.Join(" and ", HwcServices.All)}.",
                            "Give -Endpoint as @{ vbs = 'https://…'; rds = 'https://…' }, or one URL for both.", "-Endpoint");
                    }

                    endpoints[service] = ParseOverride(pair.Value, $"-Endpoint {service}");
                }
            }

            return new HwcEndpoints(region, endpoints);
        }

        public Uri Of(string service) =>
            _endpoints.TryGetValue(service, out var uri) ? uri : throw new ArgumentException($"No endpoint for service '{service}'.", nameof(service));

        private static Uri ParseOverride(string? text, string setting)
        {
            if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new HwcConfigException(HwcConfigErrorKind.EndpointInvalid, $"{setting} '{text}' is not an https:// URL.",
                    "Give the service's base URL, such as https://vbs.cn-north-4.myhuaweicloud.com (http:// only to this machine, for the emulator).", setting);
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            {
                throw new HwcConfigException(HwcConfigErrorKind.EndpointInvalid, $"{setting} '{text}' sends the signed requests unencrypted to another machine.",
                    "Use https://; http:// is allowed only to a loopback address (an emulator on this machine).", setting);
            }

            if (uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                throw new HwcConfigException(HwcConfigErrorKind.EndpointInvalid, $"{setting} '{text}' has a path or query; an endpoint is scheme, host and port only.",
                    "Remove the path: the module adds /v2/{project_id}/... itself.", setting);
            }

            return new Uri(uri.GetLeftPart(UriPartial.Authority));
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}

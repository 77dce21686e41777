using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using System.Threading.Tasks;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Sends any signed OCI request with the session's key and endpoint, and returns the parsed JSON.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "OciRestMethod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeOciRestMethodCommand : RetryingOciCmdlet
    {
        /// <summary><para type="description">The HTTP method.</para></summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary><para type="description">The path under the session's endpoint, with the API version: /20160918/volumes. Put query values in -Query.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidatePattern(@"^/[^?#\s]*$")]
        public string Path { get; set; } = string.Empty;

        /// <summary><para type="description">Query parameters: @{ compartmentId = '…'; limit = 50 }. Values are encoded once; an array value repeats the parameter.</para></summary>
        [Parameter]
        public IDictionary? Query { get; set; }

        /// <summary><para type="description">The request body: a hashtable or object (sent as JSON) or a JSON string.</para></summary>
        [Parameter(ValueFromPipeline = true)]
        public object? Body { get; set; }

        /// <summary><para type="description">Extra headers, such as @{ 'if-match' = $etag }.</para></summary>
        [Parameter]
        public IDictionary? Header { get; set; }

        /// <summary><para type="description">The opc-retry-token for a POST; a new one is made when omitted, so retries never repeat the operation.</para></summary>
        [Parameter]
        [ValidateLength(1, 64)]
        public string? RetryToken { get; set; }

        /// <summary><para type="description">For a GET that lists: follow opc-next-page and return every page's items.</para></summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary><para type="description">The region to send it to, when not the session's own (us-phoenix-1, or a short code such as phx); the session must serve it.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        protected override void ProcessRecord()
        {
            OciHttpClient http;
            try
            {
                http = Region == null ? ActiveSession.Http : ActiveSession.Clients.Blockstorage(Region).Http;
            }
            catch (OciConfigException ex)
            {
                // -Region is the same for every record: a region the session has no endpoint for fails them all.
                ThrowTerminatingError(ConfigErrorRecords.From(ex, Region));
                return;
            }

            var method = new HttpMethod(Method.ToUpperInvariant());
            var changes = method != HttpMethod.Get && method != HttpMethod.Head;
            if (changes && !ShouldProcess($"{http.Endpoint.GetLeftPart(UriPartial.Authority)}{Path}", method.Method))
            {
                return;
            }

            byte[]? body = null;
            if (Body != null)
            {
                var value = Body is PSObject wrapped ? wrapped.BaseObject : Body;
                body = value is string text ? System.Text.Encoding.UTF8.GetBytes(text) : JsonValues.Serialize(PowerShellValues.ToPlain(value));
            }

            string? page = null;
            var pages = 0;
            do
            {
                var request = new OciRequest(method, Path, body);
                AddQuery(request, page);
                if (Header != null)
                {
                    foreach (DictionaryEntry header in Header)
                    {
                        request.WithHeader(Convert.ToString(header.Key, CultureInfo.InvariantCulture)!, Convert.ToString(PowerShellValues.ToPlain(header.Value), CultureInfo.InvariantCulture));
                    }
                }

                if (method == HttpMethod.Post && request.RetryToken == null)
                {
                    request.WithHeader("opc-retry-token", RetryToken ?? RetryTokens.New());
                }

                WriteVerbose($"{method} {request.PathAndQuery}");
                OciResponse response;
                try
                {
                    response = RunToCompletion(http.SendAsync(request, StopToken, CallOptions));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception ex)
                {
                    WriteError(ServiceErrorRecords.From(ex, Path, "Resource"));
                    return;
                }

                WriteVerbose($"{(int)response.StatusCode} in {(int)response.Elapsed.TotalMilliseconds} ms; opc-request-id {response.OpcRequestId}.");
                var result = JsonValues.Parse(response.Body);
                WriteObject(PowerShellValues.FromPlain(result), enumerateCollection: true);
                page = All && method == HttpMethod.Get ? response.NextPage : null;
                pages++;
            }
            while (page != null && pages < 10_000);
        }

        private void AddQuery(OciRequest request, string? page)
        {
            if (Query != null)
            {
                foreach (DictionaryEntry entry in Query)
                {
                    var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!;
                    if (page != null && string.Equals(name, "page", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var value = PowerShellValues.ToPlain(entry.Value);
                    if (value is IList list)
                    {
                        foreach (var item in list)
                        {
                            request.WithQuery(name, PowerShellValues.QueryText(item));
                        }
                    }
                    else
                    {
                        request.WithQuery(name, PowerShellValues.QueryText(value));
                    }
                }
            }

            request.WithQuery("page", page);
        }

        /// <summary>Pumps posted -Debug/-Verbose output while the call runs, then returns its result.</summary>
        private T RunToCompletion<T>(Task<T> task)
        {
            Queue.RunUntil(task, this, StopToken);
            return task.GetAwaiter().GetResult();
        }
    }
}

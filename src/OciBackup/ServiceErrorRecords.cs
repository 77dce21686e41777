using System;
using System.Management.Automation;
using OciBackup.Engine.Auth;
using OciBackup.Engine.Http;

namespace OciBackup
{
    /// <summary>
    /// Turns what went wrong with one item into an ErrorRecord a person can act on: an ErrorId per
    /// kind of failure, the right category, the item as target, the OCI code, message and
    /// opc-request-id, and a recommended action.
    /// </summary>
    internal static class ServiceErrorRecords
    {
        /// <param name="resource">What the call was about, for the ErrorId of a 404: <c>Volume</c>, <c>VolumeGroup</c>, <c>Backup</c>.</param>
        public static ErrorRecord From(Exception exception, object? target, string resource)
        {
            switch (exception)
            {
                case OciServiceException service:
                    return FromService(service, target, resource);
                case OciTransportException transport when transport.Kind == OciTransportErrorKind.Timeout:
                    return Record(exception, "OciBackup.Timeout", ErrorCategory.OperationTimeout, target,
                        "Try again; raise -TimeoutSec on New-OciSession if the service is slow. A create retried with the same retry token never makes a second backup.");
                case OciTransportException _:
                    return Record(exception, "OciBackup.ConnectionFailed", ErrorCategory.ConnectionError, target,
                        "Check the network, proxy (HTTPS_PROXY/NO_PROXY) and endpoint, then try again.");
                case OciConfigException config:
                    return ConfigErrorRecords.From(config, target);
                case ArgumentException argument when argument.ParamName != null:
                    // A value the engine checked against what the service has (an availability domain of the region): named as input problems are.
                    return Record(exception, InputErrors.IdFor(argument.ParamName), ErrorCategory.InvalidArgument, target, "Correct the value and try again.", Unsuffixed(argument));
                case ArgumentException argument:
                    return Record(exception, "OciBackup.InvalidArgument", ErrorCategory.InvalidArgument, target, "Correct the value and try again.", argument.Message);
                default:
                    return Record(exception, "OciBackup.UnexpectedError", ErrorCategory.NotSpecified, target, "Run again with -Debug to see the HTTP exchange, and report the problem if it persists.");
            }
        }

        private static ErrorRecord FromService(OciServiceException error, object? target, string resource)
        {
            switch (error.StatusCode)
            {
                case 400:
                    return Record(error, "OciBackup.InvalidParameter", ErrorCategory.InvalidArgument, target,
                        "The service refused a value (named in the message); correct it and try again.");
                case 401:
                    return Record(error, "OciBackup.NotAuthenticated", ErrorCategory.AuthenticationError, target,
                        "Check that the profile's fingerprint matches the API key uploaded for the user, that key_file is that key, that the user and tenancy OCIDs are right, and that this machine's clock is correct (within 5 minutes).");
                case 404:
                    return Record(error, "OciBackup." + resource + "NotFound", ErrorCategory.ObjectNotFound, target,
                        $"Check the {Describe(resource)} OCID and the region, and that your user's policies allow using it (OCI answers 404 for both).");
                case 409 when string.Equals(error.Code, "IncorrectState", StringComparison.Ordinal):
                    return Record(error, "OciBackup.IncorrectState", ErrorCategory.ResourceBusy, target,
                        $"The {Describe(resource)} is busy (another backup or operation is running); try again later.");
                case 409:
                    return Record(error, "OciBackup.Conflict", ErrorCategory.ResourceExists, target,
                        "A retry token was reused with a different request, or the resource conflicts; use a new -RunKey or change nothing between re-runs.");
                case 429:
                    return Record(error, "OciBackup.TooManyRequests", ErrorCategory.LimitsExceeded, target,
                        "The service is rate limiting; lower -ThrottleLimit or try again later.");
                default:
                    return error.StatusCode >= 500
                        ? Record(error, "OciBackup.ServiceError", ErrorCategory.ResourceUnavailable, target, "The service failed; try again later and quote the opc-request-id to Oracle support if it persists.")
                        : Record(error, "OciBackup.RequestFailed", ErrorCategory.InvalidOperation, target, "See the message; quote the opc-request-id to Oracle support if needed.");
            }
        }

        // ArgumentException.Message appends " (Parameter 'name')" on .NET Core, "\r\nParameter name: name" on .NET Framework.
        private static string Unsuffixed(ArgumentException argument)
        {
            var message = argument.Message;
            var at = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (at < 0)
            {
                at = message.IndexOf(Environment.NewLine + "Parameter name:", StringComparison.Ordinal);
            }

            return at < 0 ? message : message.Substring(0, at);
        }

        private static string Describe(string resource) => resource switch
        {
            "Volume" => "volume",
            "VolumeGroup" => "volume group",
            "Backup" => "backup",
            "Compartment" => "compartment",
            _ => "resource",
        };

        private static ErrorRecord Record(Exception exception, string errorId, ErrorCategory category, object? target, string action, string? message = null)
        {
            return new ErrorRecord(exception, errorId, category, target)
            {
                ErrorDetails = new ErrorDetails(message ?? exception.Message) { RecommendedAction = action },
            };
        }
    }
}

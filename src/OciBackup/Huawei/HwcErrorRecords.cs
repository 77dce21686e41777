using System;
using System.Management.Automation;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Auth;
using OciBackup.Engine.Huawei.Bulk;
using OciBackup.Engine.Huawei.Http;

namespace OciBackup.Huawei
{
    /// <summary>
    /// Turns what went wrong with one Huawei item into an ErrorRecord a person can act on: an ErrorId per kind of failure,
    /// the right category, the item as target, the service's code, message and X-Request-Id, and advice that fits
    /// Huawei Cloud (AK/SK, project, region; creates made safe without retry tokens).
    /// </summary>
    internal static class HwcErrorRecords
    {
        /// <param name="resource">What the call was about, for the ErrorId of a 404: <c>HwcVolume</c>, <c>HwcRdsInstance</c>, <c>HwcVolumeBackup</c>, <c>HwcRdsBackup</c>.</param>
        public static ErrorRecord From(Exception exception, object? target, string resource)
        {
            switch (exception)
            {
                case HwcConfigException config:
                    return Config(config, target);
                case HwcCreateUnconfirmedException unconfirmed:
                    return Record(exception, "OciBackup.HwcCreateUnconfirmed", ErrorCategory.ResourceUnavailable, target,
                        $"Look for a backup named '{unconfirmed.BackupName}' of {unconfirmed.ItemId} before creating it again (Get-HwcVolumeBackup or Get-HwcRdsBackup).");
                case OciServiceException service:
                    return Service(service, target, resource);
                case OciTransportException transport when transport.Kind == OciTransportErrorKind.Timeout:
                    return Record(exception, "OciBackup.Timeout", ErrorCategory.OperationTimeout, target,
                        "Try again; raise -TimeoutSec on New-HwcSession if the service is slow. A create whose answer is lost is looked for before it is sent again.");
                case OciTransportException _:
                    return Record(exception, "OciBackup.ConnectionFailed", ErrorCategory.ConnectionError, target,
                        "Check the network, proxy (HTTPS_PROXY/NO_PROXY) and the session's endpoints, then try again.");
                default:
                    return ServiceErrorRecords.From(exception, target, resource);
            }
        }

        public static ErrorRecord Config(HwcConfigException exception, object? target = null)
        {
            var category = exception.Kind switch
            {
                HwcConfigErrorKind.CredentialsMissing => ErrorCategory.AuthenticationError,
                HwcConfigErrorKind.CredentialsIncomplete => ErrorCategory.AuthenticationError,
                HwcConfigErrorKind.CredentialsInvalid => ErrorCategory.AuthenticationError,
                _ => ErrorCategory.InvalidArgument,
            };
            return Record(exception, "OciBackup.Hwc" + exception.Kind, category, target ?? exception.Setting, exception.RecommendedAction);
        }

        private static ErrorRecord Service(OciServiceException error, object? target, string resource)
        {
            switch (error.StatusCode)
            {
                case 400 when CreateOutcomes.IsNameConflict(error):
                case 409:
                    return Record(error, "OciBackup.HwcBackupNameInUse", ErrorCategory.ResourceExists, target,
                        "A backup of this instance already has that name (made before this run). Choose another -Name, or find it with Get-HwcRdsBackup -InstanceId <id> -Name <name>.");
                case 400:
                    return Record(error, "OciBackup.InvalidParameter", ErrorCategory.InvalidArgument, target,
                        "The service refused a value (named in the message); correct it and try again.");
                case 401:
                    return Record(error, "OciBackup.NotAuthenticated", ErrorCategory.AuthenticationError, target,
                        "Check the AK/SK (-AccessKey/-SecretKey or HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK), that temporary credentials come with their security token and have not expired, and that this machine's clock is correct (within 15 minutes).");
                case 403:
                    return Record(error, "OciBackup.NotAuthorized", ErrorCategory.PermissionDenied, target,
                        "Check that the IAM user may use VBS or RDS in this project (its permissions, and the project of the session's region).");
                case 404:
                    return Record(error, "OciBackup." + resource + "NotFound", ErrorCategory.ObjectNotFound, target,
                        "Check the id, and that it lives in the session's project and region (New-HwcSession -Region -ProjectId).");
                case 429:
                    return Record(error, "OciBackup.TooManyRequests", ErrorCategory.LimitsExceeded, target,
                        "The service is rate limiting; lower -ThrottleLimit or try again later.");
                default:
                    return error.StatusCode >= 500
                        ? Record(error, "OciBackup.ServiceError", ErrorCategory.ResourceUnavailable, target, $"The service failed; try again later and quote the {HwcErrorReader.RequestIdHeaderName} to Huawei Cloud support if it persists.")
                        : Record(error, "OciBackup.RequestFailed", ErrorCategory.InvalidOperation, target, $"See the message; quote the {HwcErrorReader.RequestIdHeaderName} to Huawei Cloud support if needed.");
            }
        }

        private static ErrorRecord Record(Exception exception, string errorId, ErrorCategory category, object? target, string action) =>
            new ErrorRecord(exception, errorId, category, target)
            {
                ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = action },
            };
    }
}

using System.Management.Automation;
using OciBackup.Engine.Auth;

namespace OciBackup
{
    /// <summary>Turns engine configuration errors into PowerShell error records: one ErrorId per kind, the right category, and what to do.</summary>
    internal static class ConfigErrorRecords
    {
        /// <param name="target">The item that could not be sent, for an error of one item (a region the session has no endpoint for); else the setting or file.</param>
        public static ErrorRecord From(OciConfigException exception, object? target = null)
        {
            var record = new ErrorRecord(exception, "OciBackup." + exception.Kind, CategoryOf(exception.Kind), target ?? exception.Setting ?? exception.ConfigFile);
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = exception.RecommendedAction };
            return record;
        }

        private static ErrorCategory CategoryOf(OciConfigErrorKind kind)
        {
            switch (kind)
            {
                case OciConfigErrorKind.ConfigFileNotFound:
                case OciConfigErrorKind.ProfileNotFound:
                case OciConfigErrorKind.KeyFileNotFound:
                    return ErrorCategory.ObjectNotFound;
                case OciConfigErrorKind.ConfigFileUnreadable:
                case OciConfigErrorKind.KeyFileUnreadable:
                case OciConfigErrorKind.SessionTokenUnreadable:
                case OciConfigErrorKind.DelegationTokenUnreadable:
                    return ErrorCategory.ReadError;
                case OciConfigErrorKind.PassPhraseRequired:
                case OciConfigErrorKind.PassPhraseIncorrect:
                case OciConfigErrorKind.FingerprintMismatch:
                case OciConfigErrorKind.SessionTokenExpired:
                case OciConfigErrorKind.ResourcePrincipalTokenExpired:
                case OciConfigErrorKind.FederationFailed:
                    return ErrorCategory.AuthenticationError;
                case OciConfigErrorKind.InstanceMetadataUnavailable:
                    return ErrorCategory.ConnectionError;
                case OciConfigErrorKind.MissingSetting:
                case OciConfigErrorKind.RegionMissing:
                    return ErrorCategory.NotSpecified;
                case OciConfigErrorKind.RegionInvalid:
                case OciConfigErrorKind.EndpointInvalid:
                case OciConfigErrorKind.AuthTypeInvalid:
                    return ErrorCategory.InvalidArgument;
                default:
                    return ErrorCategory.InvalidData;
            }
        }
    }
}

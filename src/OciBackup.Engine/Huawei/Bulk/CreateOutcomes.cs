using System;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Huawei.Bulk
{
    /// <summary>What a failed create tells about whether it made something.</summary>
    internal static class CreateOutcomes
    {
        /// <summary>
        /// No answer, or one that says nothing about the work: a timeout, a dropped connection, a 5xx (the service may have
        /// made the backup and then failed), or a 2xx whose body was cut short. A 429 is not one of them: the gateway refused
        /// the call before the service saw it, and the client has already retried it.
        /// </summary>
        public static bool IsUnknown(Exception error) =>
            error is OciTransportException
            || (error is OciServiceException service
                && ((service.StatusCode >= 500 && service.StatusCode != 501) || (service.StatusCode < 300 && service.Code == "InvalidResponse")));

        /// <summary>
        /// RDS refused the name because a backup of the instance already has it. The error code for this is not
        /// documented, so a 409, or a 400 whose message says the name exists, counts.
        /// </summary>
        public static bool IsNameConflict(Exception error) =>
            error is OciServiceException service
            && (service.StatusCode == 409
                || (service.StatusCode == 400 && service.ServiceMessage.IndexOf("already exist", StringComparison.OrdinalIgnoreCase) >= 0));

        public static string Reason(Exception error) => error switch
        {
            OciServiceException service when service.Code != null => $"{service.StatusCode} {service.Code}",
            OciServiceException service => $"HTTP {service.StatusCode}",
            OciTransportException transport when transport.Kind == OciTransportErrorKind.Timeout => "no answer in time",
            _ => "the connection dropped",
        };
    }
}

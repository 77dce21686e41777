using System;
using OciBackup.Engine.Http;

namespace OciBackup.Engine.Waiting
{
    /// <summary>Which failed polls are worth another try next round (per oci-api.md's error table) and which end a target.</summary>
    internal static class PollErrors
    {
        public static bool IsNotFound(Exception error) => error is OciServiceException service && service.StatusCode == 404;

        public static bool IsTransient(Exception error)
        {
            if (error is OciTransportException)
            {
                return true;
            }

            if (!(error is OciServiceException service))
            {
                return false;
            }

            switch (service.StatusCode)
            {
                case 409:
                    return service.Code == "IncorrectState" || service.Code == "LockConflict";
                case 429:
                    return true;
                case 501:
                    return false;
                default:
                    // A 2xx whose body could not be read is most likely cut short on the way.
                    return service.StatusCode >= 500 || (service.StatusCode < 300 && service.Code == "InvalidResponse");
            }
        }

        /// <summary>The service turned the poll away for its rate limit (429): it says to ask less often, not that this way of asking fails.</summary>
        public static bool IsThrottled(Exception error) => error is OciServiceException service && service.StatusCode == 429;

        /// <summary>The service's Retry-After, when it sent one.</summary>
        public static TimeSpan? RetryAfter(Exception error) => (error as OciServiceException)?.RetryAfter;
    }
}

using System;
using System.Management.Automation;
using OciBackup.Engine.Emulator;

namespace OciBackup
{
    /// <summary>Error records for the emulator cmdlets: one ErrorId per problem (OciBackup.DotnetHostNotFound, ...), the right category, and what to do.</summary>
    internal static class EmulatorErrorRecords
    {
        public static ErrorRecord From(OciEmulatorException exception)
        {
            var record = new ErrorRecord(exception, "OciBackup." + exception.Kind, CategoryOf(exception.Kind), exception.Target);
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = exception.RecommendedAction };
            return record;
        }

        /// <summary>A problem found in the cmdlet's own input or session, before anything is started or sent.</summary>
        public static ErrorRecord Record(string id, ErrorCategory category, string message, string recommendedAction, object? target)
        {
            var exception = category == ErrorCategory.InvalidArgument ? new ArgumentException(message) : (Exception)new InvalidOperationException(message);
            return new ErrorRecord(exception, "OciBackup." + id, category, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction },
            };
        }

        private static ErrorCategory CategoryOf(OciEmulatorErrorKind kind)
        {
            switch (kind)
            {
                case OciEmulatorErrorKind.DotnetHostNotFound:
                case OciEmulatorErrorKind.AspNetCoreRuntimeMissing:
                    return ErrorCategory.NotInstalled;
                case OciEmulatorErrorKind.EmulatorNotFound:
                    return ErrorCategory.ObjectNotFound;
                case OciEmulatorErrorKind.EmulatorStartTimedOut:
                    return ErrorCategory.OperationTimeout;
                case OciEmulatorErrorKind.EmulatorNotRunning:
                    return ErrorCategory.ResourceUnavailable;
                case OciEmulatorErrorKind.EmulatorRequestRefused:
                    return ErrorCategory.InvalidArgument;
                default:
                    return ErrorCategory.InvalidOperation;
            }
        }
    }
}

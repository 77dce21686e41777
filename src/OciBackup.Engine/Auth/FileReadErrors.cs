using System;
using System.IO;

namespace OciBackup.Engine.Auth
{
    /// <summary>The exceptions that mean "this file cannot be read" (missing, locked, forbidden, a bad path), as opposed to a bug.</summary>
    internal static class FileReadErrors
    {
        public static bool IsReadFailure(Exception ex) =>
            ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException || ex is NotSupportedException || ex is ArgumentException;
    }
}

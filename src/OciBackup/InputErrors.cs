using System;
using System.Management.Automation;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>Input refused before any request: InvalidArgument, an ErrorId naming the field, the offending value as target, and what is expected.</summary>
    internal static class InputErrors
    {
        /// <summary><c>OciBackup.InvalidDisplayName</c> for <c>displayName</c>.</summary>
        public static string IdFor(string field) => "OciBackup.Invalid" + char.ToUpperInvariant(field[0]) + field.Substring(1);

        public static ErrorRecord Record(InputProblem problem, object target)
        {
            return new ErrorRecord(new ArgumentException(problem.Message, problem.Field), IdFor(problem.Field), ErrorCategory.InvalidArgument, target)
            {
                ErrorDetails = new ErrorDetails(problem.Message) { RecommendedAction = "Correct the value; nothing was sent for this item." },
            };
        }
    }
}

using System;
using System.Management.Automation;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>Input refused before any request: InvalidArgument, an ErrorId naming the field, the offending value as target, and what is expected.</summary>
    internal static class InputErrors
    {
        public static ErrorRecord Record(InputProblem problem, object target)
        {
            var id = "OciBackup.Invalid" + char.ToUpperInvariant(problem.Field[0]) + problem.Field.Substring(1);
            return new ErrorRecord(new ArgumentException(problem.Message, problem.Field), id, ErrorCategory.InvalidArgument, target)
            {
                ErrorDetails = new ErrorDetails(problem.Message) { RecommendedAction = "Correct the value; nothing was sent for this item." },
            };
        }
    }
}

using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>A bulk command whose results are made with a name and tags of the user's (backups, restored volumes).</summary>
    public abstract class TaggedBulkCommand : MakingBulkCommand
    {
        /// <summary><para type="description">A name for each result (1 to 255 characters). The service picks one when omitted.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        /// <summary><para type="description">Freeform tags: @{ key = 'value' }.</para></summary>
        [Parameter]
        [Alias("FreeformTags")]
        public IDictionary? FreeformTag { get; set; }

        /// <summary><para type="description">Defined tags: @{ Namespace = @{ key = 'value' } }.</para></summary>
        [Parameter]
        [Alias("DefinedTags")]
        public IDictionary? DefinedTag { get; set; }

        /// <summary>The name checked and the tags as the service takes them, each problem added to <paramref name="problems"/>.</summary>
        internal (Dictionary<string, string>? Freeform, Dictionary<string, Dictionary<string, object>>? Defined) NameAndTags(List<InputProblem> problems)
        {
            var name = InputRules.CheckName("displayName", DisplayName);
            if (name != null)
            {
                problems.Add(name);
            }

            var freeform = TagConversion.Freeform(FreeformTag, problems);
            var defined = TagConversion.Defined(DefinedTag, problems);
            problems.AddRange(InputRules.CheckFreeformTags(freeform));
            problems.AddRange(InputRules.CheckDefinedTags(defined));
            return (freeform, defined);
        }
    }
}

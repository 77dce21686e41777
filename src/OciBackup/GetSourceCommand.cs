using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Listing;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// Get-OciVolume and Get-OciVolumeGroup: what backups are made of, by id or by compartment, also filtered by
    /// availability domain (sent to the service) and freeform tags (tested here: OCI's lists have no tag filter).
    /// </summary>
    public abstract class GetSourceCommand : FindCommand
    {
        /// <summary><para type="description">The compartment (or tenancy) to list.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ByCompartmentSet)]
        [ValidateNotNullOrEmpty]
        public string CompartmentId { get; set; } = string.Empty;

        /// <summary><para type="description">Only those in this availability domain (its full name, such as Uocm:PHX-AD-1; Tab lists the region's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AvailabilityDomainCompleter))]
        public string? AvailabilityDomain { get; set; }

        /// <summary>
        /// <para type="description">Only those with all these freeform tags: @{ backup = 'nightly' }. Keys match without regard to case; values are wildcard patterns ('*' for any value).</para>
        /// </summary>
        [Parameter]
        [Alias("FreeformTag")]
        [ValidateNotNull]
        public IDictionary? Tag { get; set; }

        internal abstract SourceKind SourceKind { get; }

        internal override ResourceKind Kind => SourceKind;

        internal override string? ListedCompartmentId => CompartmentId;

        internal override void AddConditions(ResourceConditions conditions, List<InputProblem> problems)
        {
            conditions.AvailabilityDomain = AvailabilityDomain?.Trim();
            if (Tag == null)
            {
                return;
            }

            foreach (DictionaryEntry entry in Tag)
            {
                var key = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                var value = Unwrap(entry.Value);
                if (key.Length == 0 || !(value is string || value is ValueType))
                {
                    problems.Add(new InputProblem("tag", key, $"-Tag takes key = 'value pattern' pairs; '{key}' = {value ?? "$null"} is not one."));
                    continue;
                }

                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                var pattern = WildcardPattern.Get(text, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                conditions.FreeformTags.Add(new FreeformTagCondition(key, tag => pattern.IsMatch(tag ?? string.Empty), $"tag {key} like '{text}'"));
            }
        }

        internal override Task ListAsync(string compartmentId, bool subtree, string? region) =>
            Finder.ListSourcesAsync(SourceKind, compartmentId, subtree, region, Conditions, Found, StopToken);

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}

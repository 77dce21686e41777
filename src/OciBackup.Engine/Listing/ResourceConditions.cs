using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Listing
{
    /// <summary>
    /// What a found resource must be like. The lifecycle state and availability domain go to the service with a list
    /// (and are checked here on what is read by id); the display name and freeform tags are tested here, since the
    /// service matches names only exactly and case-sensitively and has no tag filter at all.
    /// </summary>
    internal sealed class ResourceConditions
    {
        /// <summary>The display name's test (a wildcard pattern, for a cmdlet), or null for any name.</summary>
        public Func<string?, bool>? DisplayName { get; set; }

        /// <summary>How a person reads <see cref="DisplayName"/>: <c>name like 'web*'</c>.</summary>
        public string? DisplayNameDescription { get; set; }

        /// <summary>A lifecycle state in the service's spelling (<c>AVAILABLE</c>).</summary>
        public string? LifecycleState { get; set; }

        /// <summary>An availability domain's full name (<c>Uocm:PHX-AD-1</c>); volumes and volume groups only.</summary>
        public string? AvailabilityDomain { get; set; }

        /// <summary>Freeform tags that must all be there; volumes and volume groups only.</summary>
        public IList<FreeformTagCondition> FreeformTags { get; } = new List<FreeformTagCondition>();

        /// <summary>Whether anything is tested here rather than by the service.</summary>
        public bool TestsHere => DisplayName != null || FreeformTags.Count > 0;

        /// <summary>Whether a resource passes every condition.</summary>
        /// <param name="availabilityDomain">Its availability domain, when its kind has one.</param>
        /// <param name="freeformTags">Its freeform tags, when its kind is filtered by them.</param>
        public bool Admits(ILifecycleResource resource, string? availabilityDomain = null, IDictionary? freeformTags = null)
        {
            if (resource == null)
            {
                throw new ArgumentNullException(nameof(resource));
            }

            return (LifecycleState == null || string.Equals(resource.LifecycleState, LifecycleState, StringComparison.OrdinalIgnoreCase))
                && (AvailabilityDomain == null || string.Equals(availabilityDomain, AvailabilityDomain, StringComparison.OrdinalIgnoreCase))
                && (DisplayName == null || DisplayName(resource.DisplayName))
                && FreeformTags.All(tag => tag.Admits(freeformTags));
        }

        /// <summary>Every condition, for -Verbose: <c>state AVAILABLE, name like 'web*'</c>; empty when there is none.</summary>
        public string Describe()
        {
            var all = new List<string>();
            if (LifecycleState != null)
            {
                all.Add("state " + LifecycleState);
            }

            if (AvailabilityDomain != null)
            {
                all.Add("availability domain " + AvailabilityDomain);
            }

            if (TestsHere)
            {
                all.Add(DescribeTestsHere());
            }

            return string.Join(", ", all);
        }

        /// <summary>The conditions tested here, for -Verbose: <c>name like 'web*', tag backup like 'nightly'</c>.</summary>
        public string DescribeTestsHere() =>
            string.Join(", ", new[] { DisplayNameDescription }.Concat(FreeformTags.Select(t => t.Description)).Where(d => !string.IsNullOrEmpty(d)));
    }
}

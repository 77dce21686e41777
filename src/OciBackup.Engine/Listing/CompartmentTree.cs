using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Listing
{
    /// <summary>
    /// A compartment and every ACTIVE compartment below it. OCI lists a whole tree in one request
    /// (<c>compartmentIdInSubtree=true</c>) only from the tenancy, so the tree below any other compartment is cut
    /// out of the tenancy's; when the tenancy is not known or its tree may not be listed (a user whose policies
    /// reach only part of it gets 404 there), the tree is walked one level at a time from the compartment down.
    /// </summary>
    internal static class CompartmentTree
    {
        private const string Active = "ACTIVE";

        /// <param name="tenancyId">The session's tenancy, if known: its tree is listed in one request.</param>
        /// <param name="explain">Told how the tree was read, for -Verbose.</param>
        /// <returns>The compartment first, then those below it, each parent before its children, siblings by name.</returns>
        public static async Task<IReadOnlyList<string>> BelowAsync(IdentityClient identity, string compartmentId, string? tenancyId, CancellationToken cancellationToken, OciCallOptions? call = null, Action<string>? explain = null)
        {
            if (identity == null)
            {
                throw new ArgumentNullException(nameof(identity));
            }

            var isTenancy = IsTenancy(compartmentId);
            var root = isTenancy ? compartmentId : tenancyId;
            if (root != null)
            {
                try
                {
                    var tree = await identity.ListAllCompartmentsAsync(new CompartmentFilter(root) { WholeSubtree = true, LifecycleState = Active }, cancellationToken, call).ConfigureAwait(false);
                    var children = ChildrenOf(tree);
                    if (isTenancy || tree.Any(c => c.Id == compartmentId))
                    {
                        var below = Walk(compartmentId, children);
                        explain?.Invoke($"Compartment {compartmentId} and {below.Count - 1} compartment(s) below it, from the tenancy's tree of {tree.Count} (one list).");
                        return below;
                    }

                    explain?.Invoke($"Compartment {compartmentId} is not among the tenancy's {tree.Count} ACTIVE compartments; listing the compartments below it level by level.");
                }
                catch (OciServiceException refused) when (!isTenancy && (refused.StatusCode == 404 || refused.StatusCode == 403))
                {
                    explain?.Invoke($"The tenancy's compartments may not be listed ({refused.StatusCode} {refused.Code}); listing the compartments below {compartmentId} level by level.");
                }
            }

            var found = new List<Compartment>();
            var level = new List<string> { compartmentId };
            var levels = 0;
            while (level.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var lists = await Task.WhenAll(level.Select(parent =>
                    identity.ListAllCompartmentsAsync(new CompartmentFilter(parent) { LifecycleState = Active }, cancellationToken, call))).ConfigureAwait(false);
                var next = lists.SelectMany(list => list).ToList();
                found.AddRange(next);
                level = next.Select(c => c.Id).ToList();
                levels++;
            }

            var result = Walk(compartmentId, ChildrenOf(found));
            explain?.Invoke($"Compartment {compartmentId} and {result.Count - 1} compartment(s) below it, in {levels} level(s) of lists.");
            return result;
        }

        public static bool IsTenancy(string? id) => InputRules.OcidType(id) == "tenancy";

        private static Dictionary<string, List<Compartment>> ChildrenOf(IEnumerable<Compartment> compartments)
        {
            var children = new Dictionary<string, List<Compartment>>(StringComparer.Ordinal);
            foreach (var compartment in compartments)
            {
                if (compartment.CompartmentId == null)
                {
                    continue;
                }

                if (!children.TryGetValue(compartment.CompartmentId, out var list))
                {
                    children[compartment.CompartmentId] = list = new List<Compartment>();
                }

                list.Add(compartment);
            }

            return children;
        }

        private static List<string> Walk(string rootId, IReadOnlyDictionary<string, List<Compartment>> children)
        {
            var order = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            pending.Push(rootId);
            while (pending.Count > 0)
            {
                var id = pending.Pop();
                // A tree never repeats a compartment; a service that did must not loop here.
                if (!seen.Add(id))
                {
                    continue;
                }

                order.Add(id);
                if (children.TryGetValue(id, out var below))
                {
                    foreach (var child in below.OrderByDescending(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenByDescending(c => c.Id, StringComparer.Ordinal))
                    {
                        pending.Push(child.Id);
                    }
                }
            }

            return order;
        }
    }
}

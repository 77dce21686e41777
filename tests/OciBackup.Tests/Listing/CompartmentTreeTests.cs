using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OciBackup.Engine.Listing;
using Xunit;

namespace OciBackup.Tests.Listing
{
    /// <summary>
    /// The compartments below one: cut out of the tenancy's tree (one list) when that may be listed, else walked
    /// level by level. A scripted Identity service answers, so each request the walk makes is seen.
    /// </summary>
    public sealed class CompartmentTreeTests
    {
        private const string Tenancy = TestConfigs.Tenancy;

        // tenancy ─ prod ─┬ db ── archive
        //                 └ app
        //         ─ dev
        private static readonly (string Id, string Parent, string Name)[] Tree =
        {
            ("ocid1.compartment.oc1..prod", Tenancy, "prod"),
            ("ocid1.compartment.oc1..dev", Tenancy, "dev"),
            ("ocid1.compartment.oc1..db", "ocid1.compartment.oc1..prod", "db"),
            ("ocid1.compartment.oc1..app", "ocid1.compartment.oc1..prod", "app"),
            ("ocid1.compartment.oc1..archive", "ocid1.compartment.oc1..db", "archive"),
        };

        [Fact]
        public async Task From_the_tenancy_the_whole_tree_is_one_list_parents_before_children_siblings_by_name()
        {
            var handler = IdentityService();
            using var session = TestSessions.Over(handler);

            var below = await CompartmentTree.BelowAsync(session.Identity, Tenancy, tenancyId: null, default);

            Assert.Equal(new[] { Tenancy, Id("dev"), Id("prod"), Id("app"), Id("db"), Id("archive") }, below);
            var request = Assert.Single(handler.Requests);
            Assert.Contains("compartmentIdInSubtree=true", request.Uri.Query);
            Assert.Contains("lifecycleState=ACTIVE", request.Uri.Query);
        }

        [Fact]
        public async Task Below_another_compartment_the_tenancys_tree_is_read_once_and_cut()
        {
            var handler = IdentityService();
            using var session = TestSessions.Over(handler);
            var told = new List<string>();

            var below = await CompartmentTree.BelowAsync(session.Identity, Id("prod"), Tenancy, default, explain: told.Add);

            Assert.Equal(new[] { Id("prod"), Id("app"), Id("db"), Id("archive") }, below);
            Assert.Single(handler.Requests);
            Assert.Contains(told, line => line.Contains("3 compartment(s) below it, from the tenancy's tree", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Without_the_tenancy_the_tree_is_walked_one_level_at_a_time()
        {
            var handler = IdentityService();
            using var session = TestSessions.Over(handler);

            var below = await CompartmentTree.BelowAsync(session.Identity, Id("prod"), tenancyId: null, default);

            Assert.Equal(new[] { Id("prod"), Id("app"), Id("db"), Id("archive") }, below);
            Assert.All(handler.Requests, r => Assert.DoesNotContain("compartmentIdInSubtree", r.Uri.Query, StringComparison.Ordinal));
            // prod; then app and db; then archive (which has none below).
            Assert.Equal(4, handler.Requests.Count);
        }

        [Fact]
        public async Task When_the_tenancys_tree_may_not_be_listed_the_tree_is_walked_from_the_compartment()
        {
            var handler = IdentityService(refuseTenancy: true);
            using var session = TestSessions.Over(handler);
            var told = new List<string>();

            var below = await CompartmentTree.BelowAsync(session.Identity, Id("db"), Tenancy, default, explain: told.Add);

            Assert.Equal(new[] { Id("db"), Id("archive") }, below);
            Assert.Contains(told, line => line.Contains("(404 NotAuthorizedOrNotFound)", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_compartment_with_none_below_is_itself_alone()
        {
            var handler = IdentityService();
            using var session = TestSessions.Over(handler);

            var below = await CompartmentTree.BelowAsync(session.Identity, Id("dev"), Tenancy, default);

            Assert.Equal(new[] { Id("dev") }, below);
        }

        [Fact]
        public async Task The_tenancy_refusing_its_own_tree_is_an_error_not_a_walk()
        {
            using var session = TestSessions.Over(IdentityService(refuseTenancy: true));

            var error = await Assert.ThrowsAsync<OciBackup.Engine.Http.OciServiceException>(() => CompartmentTree.BelowAsync(session.Identity, Tenancy, null, default));

            Assert.Equal(404, error.StatusCode);
        }

        private static string Id(string name) => "ocid1.compartment.oc1.." + name;

        /// <summary>ListCompartments over <see cref="Tree"/>, as OCI answers it: the whole tree only from the tenancy.</summary>
        private static CapturingHandler IdentityService(bool refuseTenancy = false) =>
            new CapturingHandler(request =>
            {
                var query = request.Uri.Query;
                var parent = Uri.UnescapeDataString(query.Split('&').Single(p => p.TrimStart('?').StartsWith("compartmentId=", StringComparison.Ordinal)).Split('=')[1]);
                if (refuseTenancy && parent == Tenancy)
                {
                    return CapturingHandler.Json(HttpStatusCode.NotFound, @"{""code"":""NotAuthorizedOrNotFound"",""message"":""Authorization failed or requested resource not found.""}");
                }

                var wholeTree = query.Contains("compartmentIdInSubtree=true", StringComparison.Ordinal);
                var answer = wholeTree ? Tree : Tree.Where(c => c.Parent == parent).ToArray();
                var json = string.Join(",", answer.Select(c => $@"{{""id"":""{c.Id}"",""compartmentId"":""{c.Parent}"",""name"":""{c.Name}"",""lifecycleState"":""ACTIVE""}}"));
                return CapturingHandler.Json(HttpStatusCode.OK, "[" + json + "]");
            });
    }
}

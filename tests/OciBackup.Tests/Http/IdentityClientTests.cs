using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Http
{
    public sealed class IdentityClientTests
    {
        [Fact]
        public async Task The_whole_tenancy_is_listed_with_compartmentIdInSubtree_over_every_page()
        {
            var handler = new CapturingHandler(request => request.Uri.Query.Contains("page=")
                ? CapturingHandler.Json(HttpStatusCode.OK, @"[{""id"":""c3"",""name"":""deep"",""compartmentId"":""c2"",""lifecycleState"":""ACTIVE"",""isAccessible"":true}]")
                : CapturingHandler.Json(HttpStatusCode.OK, @"[{""id"":""c1"",""name"":""prod""},{""id"":""c2"",""name"":""dev""}]", ("opc-next-page", "n/2")));
            using var session = TestSessions.Over(handler);

            var all = await session.Identity.ListAllCompartmentsAsync(new CompartmentFilter(TestConfigs.Tenancy) { WholeSubtree = true, AccessLevel = "ANY", LifecycleState = "ACTIVE" }, default);

            Assert.Equal(new[] { "prod", "dev", "deep" }, all.Select(c => c.Name));
            Assert.Equal(("c2", true), (all[2].CompartmentId, all[2].IsAccessible));
            var first = handler.Requests.First();
            Assert.Equal($"/20160918/compartments?compartmentId={Uri.EscapeDataString(TestConfigs.Tenancy)}&limit=1000&accessLevel=ANY&compartmentIdInSubtree=true&lifecycleState=ACTIVE", first.Uri.PathAndQuery);
            Assert.Contains("?compartmentId=", handler.Requests.Last().Uri.PathAndQuery);
            Assert.Contains("&page=n%2F2&", handler.Requests.Last().Uri.PathAndQuery);
        }

        [Fact]
        public async Task First_level_children_leave_compartmentIdInSubtree_out()
        {
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, "[]"));
            using var session = TestSessions.Over(handler);

            await session.Identity.ListAllCompartmentsAsync(new CompartmentFilter("ocid1.compartment.oc1..parent") { Name = "prod" }, default);

            Assert.Equal("/20160918/compartments?compartmentId=ocid1.compartment.oc1..parent&limit=1000&name=prod", handler.Single.Uri.PathAndQuery);
        }

        [Fact]
        public async Task Availability_domains_are_read_from_the_identity_endpoint_of_the_sessions_region()
        {
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, @"[{""name"":""Uocm:PHX-AD-1"",""id"":""ocid1.availabilitydomain.oc1..ad1""},{""name"":""Uocm:PHX-AD-2""}]"));
            var environment = TestConfigs.Home(TestConfigs.ApiKeyProfile(region: "us-phoenix-1"));
            using var session = OciSession.Create(new OciSessionOptions { Environment = environment, Handler = handler });

            var domains = await session.Identity.ListAvailabilityDomainsAsync(TestConfigs.Tenancy, default);

            Assert.Equal(new[] { "Uocm:PHX-AD-1", "Uocm:PHX-AD-2" }, domains.Select(d => d.Name));
            Assert.Equal($"https://identity.us-phoenix-1.oci.oraclecloud.com/20160918/availabilityDomains?compartmentId={Uri.EscapeDataString(TestConfigs.Tenancy)}", handler.Single.Uri.AbsoluteUri);
        }

        [Fact]
        public async Task With_an_endpoint_given_identity_calls_go_there_too()
        {
            var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, "[]"));
            using var session = OciSession.Create(new OciSessionOptions { Environment = TestConfigs.Home(TestConfigs.ApiKeyProfile()), Handler = handler, Endpoint = "http://127.0.0.1:8080" });

            await session.Identity.ListAvailabilityDomainsAsync(TestConfigs.Tenancy, default);

            Assert.Equal("127.0.0.1:8080", handler.Single.Uri.Authority);
        }
    }
}

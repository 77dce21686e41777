using System;
using System.IO;
using OciBackup.Engine.Emulator;
using Xunit;

namespace OciBackup.Tests.Emulator
{
    public sealed class EmulatorDescriptorTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "ocibackup-descriptor-" + Guid.NewGuid().ToString("N"));

        public EmulatorDescriptorTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void An_emulator_without_an_identity_side_has_none()
        {
            Write(@"{ ""url"": ""http://127.0.0.1:1"", ""configFile"": ""/c"", ""profile"": ""DEFAULT"", ""region"": ""us-ashburn-1"", ""processId"": 7 }");

            var descriptor = EmulatorDescriptor.Read(_folder);

            Assert.Equal(7, descriptor.ProcessId);
            Assert.Null(descriptor.MetadataBaseUrl);
            Assert.Null(descriptor.FederationEndpoint);
            Assert.Null(descriptor.ResourcePrincipalVariables);
            Assert.Null(descriptor.CloudShellVariables);
            Assert.Null(descriptor.SessionTokenConfigFile);
        }

        [Fact]
        public void The_identity_side_comes_with_the_variables_each_sign_in_reads()
        {
            Write(@"{ ""url"": ""http://127.0.0.1:1"", ""configFile"": ""/c"", ""profile"": ""DEFAULT"", ""region"": ""us-ashburn-1"",
                ""metadataBaseUrl"": ""http://127.0.0.1:2/opc/v2/"", ""federationEndpoint"": ""http://127.0.0.1:3/"",
                ""resourcePrincipal"": { ""OCI_RESOURCE_PRINCIPAL_VERSION"": ""2.2"", ""OCI_RESOURCE_PRINCIPAL_RPST"": ""/f/rpst"" },
                ""cloudShell"": { ""OCI_CLI_AUTH"": ""instance_obo_user"" }, ""sessionTokenConfigFile"": ""/s/config"" }");

            var descriptor = EmulatorDescriptor.Read(_folder);

            Assert.Equal("http://127.0.0.1:2/opc/v2/", descriptor.MetadataBaseUrl);
            Assert.Equal("http://127.0.0.1:3/", descriptor.FederationEndpoint);
            Assert.Equal("/f/rpst", descriptor.ResourcePrincipalVariables!["OCI_RESOURCE_PRINCIPAL_RPST"]);
            Assert.Equal(2, descriptor.ResourcePrincipalVariables.Count);
            Assert.Equal("instance_obo_user", descriptor.CloudShellVariables!["OCI_CLI_AUTH"]);
            Assert.Equal("/s/config", descriptor.SessionTokenConfigFile);
        }

        [Fact]
        public void A_descriptor_without_its_url_is_invalid_data()
        {
            Write(@"{ ""configFile"": ""/c"", ""profile"": ""DEFAULT"", ""region"": ""us-ashburn-1"" }");

            var error = Assert.Throws<InvalidDataException>(() => EmulatorDescriptor.Read(_folder));

            Assert.Contains("'url'", error.Message);
        }

        private void Write(string json) => File.WriteAllText(Path.Combine(_folder, EmulatorDescriptor.FileName), json);
    }
}

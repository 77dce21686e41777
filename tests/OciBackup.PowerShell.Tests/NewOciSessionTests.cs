using System;
using System.Linq;
using System.Security;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class NewOciSessionTests
    {
        [Fact]
        public void The_table_view_shows_profile_region_endpoint_and_auth()
        {
            using var config = new TempConfig();
            using var host = new ModuleHost();

            var table = host.Render("New-OciSession -ConfigFile $args[0] -Region fra", config.ConfigFile);

            Assert.Matches(@"Profile\s+Region\s+Endpoint\s+Auth", table);
            Assert.Contains("eu-frankfurt-1 https://iaas.eu-frankfurt-1.oraclecloud.com ApiKey", table);
            Assert.Contains("ApiKey", table);
        }
    }
}

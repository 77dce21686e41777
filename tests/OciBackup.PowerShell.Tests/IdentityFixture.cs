using System;
using System.IO;
using OciBackup.Emulator;
using OciBackup.Emulator.Identity;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// The emulator with its identity side on real time (metadata service, federation endpoint, resource principal,
    /// Cloud Shell and session-token files, in the fixture's folder) and compartment "main" holding 500 volumes and
    /// no volume group, shared by one test class.
    /// </summary>
    public sealed class IdentityFixture : EmulatorFixture
    {
        public EmulatorIdentity Identity => Host.Identity!;

        /// <summary>The variables an OCI instance would have for the emulator's metadata service and federation endpoint.</summary>
        public ProcessVariables InstanceVariables() => new ProcessVariables()
            .Set("OCI_METADATA_BASE_URL", Identity.MetadataBaseAddress!.ToString())
            .Set("OCI_CLI_FEDERATION_ENDPOINT", Identity.FederationEndpoint!.ToString());

        protected override void Configure(EmulatorOptions options)
        {
            options.BackupDuration = TimeSpan.FromMilliseconds(500);
            options.VolumesPerCompartment = 500;
            options.VolumeGroupsPerCompartment = 0;
            options.DefaultPageSize = 1000;
            options.RandomSeed = 20261206;
            options.Identity.InstancePrincipal = true;
            options.Identity.ResourcePrincipalDirectory = Path.Combine(Folder, "rp");
            options.Identity.CloudShellDirectory = Path.Combine(Folder, "cloudshell");
            options.Identity.SessionTokenDirectory = Path.Combine(Folder, "session");
        }
    }
}

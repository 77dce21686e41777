using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// A local OCI emulator started by Start-OciEmulator: where it listens, the throwaway OCI config that signs for
    /// it, a session ready for -Session, and its inventory. It runs as a process of its own until Stop-OciEmulator,
    /// or until the PowerShell that started it exits (even when it is killed).
    /// </summary>
    /// <remarks>
    /// An emulator may serve several regions, each on a port of its own: Regions and Endpoints list them all. Url,
    /// Region, Session and the inventory (VolumeIds, VolumeGroupIds, ...) are the home region's: the first region, that
    /// of the generated config.
    /// </remarks>
    public sealed class OciEmulator
    {
        internal OciEmulator(EmulatorProcess process, EmulatorAdminClient admin, EmulatorDescriptor descriptor, EmulatorInventory inventory,
            OciSession session, string dotnetPath, DateTimeOffset startTime, TimeSpan startDuration)
        {
            Process = process;
            Admin = admin;
            Url = admin.Url;
            Port = new Uri(admin.Url).Port;
            ProcessId = process.ProcessId;
            Region = descriptor.Region;
            Regions = descriptor.Endpoints.Select(e => e.Key).ToArray();
            Endpoints = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var endpoint in descriptor.Endpoints)
            {
                Endpoints[endpoint.Key] = endpoint.Value.TrimEnd('/');
            }

            ConfigFolder = process.ConfigFolder;
            ConfigFile = descriptor.ConfigFile;
            Profile = descriptor.Profile;
            LogFile = process.LogFile;
            Session = session;
            var compartments = inventory.Compartments;
            CompartmentIds = compartments.Select(c => c.Id).ToArray();
            CompartmentId = CompartmentIds.FirstOrDefault() ?? string.Empty;
            Compartments = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var compartment in compartments)
            {
                Compartments[compartment.Name] = compartment.Id;
            }

            var volumes = compartments.SelectMany(c => c.Volumes).Where(v => v.Region == Region).ToList();
            var groups = compartments.SelectMany(c => c.VolumeGroups).Where(g => g.Region == Region).ToList();
            VolumeIds = volumes.Select(v => v.Id).ToArray();
            StandaloneVolumeIds = volumes.Where(v => v.VolumeGroupId == null).Select(v => v.Id).ToArray();
            VolumeGroupIds = groups.Select(g => g.Id).ToArray();
            VolumeGroupMembers = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var group in groups)
            {
                VolumeGroupMembers[group.Id] = group.VolumeIds.ToArray();
            }

            MetadataBaseUrl = descriptor.MetadataBaseUrl;
            FederationEndpoint = descriptor.FederationEndpoint;
            if (MetadataBaseUrl != null && FederationEndpoint != null)
            {
                InstancePrincipalVariables = new Hashtable(StringComparer.OrdinalIgnoreCase)
                {
                    [Auth.InstanceMetadataClient.BaseUrlVariable] = MetadataBaseUrl,
                    [Auth.X509FederationClient.EndpointVariable] = FederationEndpoint,
                };
            }

            ResourcePrincipalVariables = ToHashtable(descriptor.ResourcePrincipalVariables);
            CloudShellVariables = ToHashtable(descriptor.CloudShellVariables);
            SessionTokenConfigFile = descriptor.SessionTokenConfigFile;
            DotnetPath = dotnetPath;
            StartTime = startTime;
            StartDuration = startDuration;
        }

        /// <summary>The service endpoint, <c>http://127.0.0.1:PORT</c> (what New-OciSession -Endpoint takes).</summary>
        public string Url { get; }

        /// <summary>The admin endpoint's root (counters, inventory, faults).</summary>
        public string AdminUrl => Url + "/admin";

        public int Port { get; }

        public int ProcessId { get; }

        /// <summary>The home region: that of the generated config, <see cref="Url"/> and <see cref="Session"/>.</summary>
        public string Region { get; }

        /// <summary>Every region the emulator serves, the home region first.</summary>
        public string[] Regions { get; }

        /// <summary>The service endpoint (<c>http://127.0.0.1:PORT</c>) of each region in <see cref="Regions"/>, by region.</summary>
        public Hashtable Endpoints { get; }

        /// <summary>The throwaway folder: key pair, OCI config, emulator.json and the emulator's log. Removed when it stops.</summary>
        public string ConfigFolder { get; }

        /// <summary>The throwaway OCI config file (for New-OciSession -ConfigFile, with -Endpoint Url).</summary>
        public string ConfigFile { get; }

        public string Profile { get; }

        /// <summary>What the emulator writes (start-up lines, warnings such as refused signatures, per request with -LogLevel Debug).</summary>
        public string LogFile { get; }

        /// <summary>A session for the generated config at <see cref="Url"/>, ready for -Session.</summary>
        public OciSession Session { get; }

        /// <summary>The first compartment's OCID.</summary>
        public string CompartmentId { get; }

        /// <summary>Every compartment's OCID, in the order of -Compartment.</summary>
        public string[] CompartmentIds { get; }

        /// <summary>Compartment OCIDs by name.</summary>
        public Hashtable Compartments { get; }

        /// <summary>Every volume's OCID in the home region, volume group members included.</summary>
        public string[] VolumeIds { get; }

        /// <summary>The OCIDs of the volumes in no volume group.</summary>
        public string[] StandaloneVolumeIds { get; }

        public string[] VolumeGroupIds { get; }

        /// <summary>The member volume OCIDs of each volume group, by group OCID.</summary>
        public Hashtable VolumeGroupMembers { get; }

        /// <summary>The instance metadata service (<c>-InstancePrincipal</c> or <c>-CloudShell</c>), what OCI_METADATA_BASE_URL points at; null otherwise.</summary>
        public string? MetadataBaseUrl { get; }

        /// <summary>The federation endpoint that issues instance tokens (<c>-InstancePrincipal</c> or <c>-CloudShell</c>); null otherwise.</summary>
        public string? FederationEndpoint { get; }

        /// <summary>
        /// OCI_METADATA_BASE_URL and OCI_CLI_FEDERATION_ENDPOINT: with them set, <c>New-OciSession -AuthType
        /// InstancePrincipal</c> signs in as an instance of this emulator. Null without <c>-InstancePrincipal</c> or <c>-CloudShell</c>.
        /// </summary>
        public Hashtable? InstancePrincipalVariables { get; }

        /// <summary>
        /// The OCI_RESOURCE_PRINCIPAL_* variables of an OCI Function (the token and key are files the emulator renews):
        /// with them set, <c>New-OciSession -AuthType ResourcePrincipal</c> signs in. Null without <c>-ResourcePrincipal</c>.
        /// </summary>
        public Hashtable? ResourcePrincipalVariables { get; }

        /// <summary>
        /// Cloud Shell's variables (OCI_CLI_AUTH=instance_obo_user, its config file, delegation token file, metadata
        /// service and federation endpoint): with them set, <c>New-OciSession</c> signs in with the delegation token.
        /// Null without <c>-CloudShell</c>.
        /// </summary>
        public Hashtable? CloudShellVariables { get; }

        /// <summary>A config file whose profile holds a session token and its key (<c>-SessionToken</c>); null otherwise.</summary>
        public string? SessionTokenConfigFile { get; }

        /// <summary>The Huawei Cloud side's session (<c>-Huawei</c>), ready for New-HwcVolumeBackup and New-HwcRdsBackup -Session; null without it.</summary>
        public Huawei.HwcSession? HwcSession { get; private set; }

        /// <summary>The Huawei side's region (cn-north-4 unless -HwcRegion); null without -Huawei.</summary>
        public string? HwcRegion { get; private set; }

        /// <summary>The Huawei side's project id; null without -Huawei.</summary>
        public string? HwcProjectId { get; private set; }

        /// <summary>Where the Huawei side's services are, by service (<c>vbs</c>, <c>rds</c>): what New-HwcSession -Endpoint takes.</summary>
        public Hashtable? HwcEndpoints { get; private set; }

        /// <summary>The EVS disk ids of the Huawei inventory.</summary>
        public string[] HwcVolumeIds { get; private set; } = Array.Empty<string>();

        /// <summary>The RDS instance ids of the Huawei inventory (MySQL, PostgreSQL and SQL Server in turn).</summary>
        public string[] HwcInstanceIds { get; private set; } = Array.Empty<string>();

        /// <summary>
        /// huawei.json in the throwaway folder: the region, project, endpoints and the generated AK/SK (a permanent pair,
        /// and a temporary one with its security token), for signing in some other way; removed when the emulator stops.
        /// </summary>
        public string? HwcCredentialsFile { get; private set; }

        /// <summary>The dotnet host the emulator runs under.</summary>
        public string DotnetPath { get; }

        public DateTimeOffset StartTime { get; }

        /// <summary>From starting the process to a session ready for use.</summary>
        public TimeSpan StartDuration { get; }

        /// <summary>Whether its process has ended (Stop-OciEmulator, or the emulator stopped by itself).</summary>
        public bool HasExited => Process.HasExited;

        internal EmulatorProcess Process { get; }

        internal EmulatorAdminClient Admin { get; }

        public override string ToString() => Url;

        internal void AddHuawei(HuaweiEmulatorDescriptor descriptor, HuaweiEmulatorInventory inventory, Huawei.HwcSession session)
        {
            HwcSession = session;
            HwcRegion = descriptor.Region;
            HwcProjectId = descriptor.ProjectId;
            HwcEndpoints = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["vbs"] = descriptor.VbsUrl, ["rds"] = descriptor.RdsUrl };
            HwcVolumeIds = inventory.VolumeIds.ToArray();
            HwcInstanceIds = inventory.InstanceIds.ToArray();
            HwcCredentialsFile = descriptor.Path;
        }

        private static Hashtable? ToHashtable(IReadOnlyDictionary<string, string>? variables)
        {
            if (variables == null)
            {
                return null;
            }

            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in variables)
            {
                table[pair.Key] = pair.Value;
            }

            return table;
        }

        /// <summary>Asks it to shut down, kills it if it does not, removes its folder. Returns how it ended, or null when it had been stopped before.</summary>
        internal async Task<string?> StopAsync(TimeSpan gracePeriod)
        {
            var how = await Process.StopAsync(() => Admin.ShutdownAsync(default), gracePeriod).ConfigureAwait(false);
            RunningEmulators.Remove(this);
            Admin.Dispose();
            return how;
        }

        /// <summary>Kills it at once and removes its folder: for a process that is exiting.</summary>
        internal void StopNow()
        {
            Process.StopNow();
            RunningEmulators.Remove(this);
            Admin.Dispose();
        }
    }
}

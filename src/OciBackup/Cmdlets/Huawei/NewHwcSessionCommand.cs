using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using OciBackup.Engine.Huawei;
using OciBackup.Engine.Huawei.Auth;
using OciBackup.Huawei;

namespace OciBackup.Cmdlets.Huawei
{
    /// <summary>
    /// <para type="synopsis">Creates a Huawei Cloud session: an AK/SK (from parameters, or the HUAWEICLOUD_SDK_* variables of Huawei's SDKs), a project and the endpoints of its region's services.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "HwcSession")]
    [OutputType(typeof(HwcSession))]
    public sealed class NewHwcSessionCommand : PSCmdlet
    {
        /// <summary><para type="description">The region, such as cn-north-4, ap-southeast-3 or eu-west-101 (tab completes the known ones); its services are at https://{service}.{region}.myhuaweicloud.com.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(Completion.HwcRegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string Region { get; set; } = string.Empty;

        /// <summary><para type="description">The id of the region's project. Default: HUAWEICLOUD_SDK_PROJECT_ID.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">The access key (AK). Default: HUAWEICLOUD_SDK_AK. Give it with -SecretKey.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccessKey { get; set; }

        /// <summary><para type="description">The secret key (SK), as a SecureString or a string from a secret store. Default: HUAWEICLOUD_SDK_SK.</para></summary>
        [Parameter]
        [SecureStringFromText]
        [ValidateNotNull]
        public SecureString? SecretKey { get; set; }

        /// <summary><para type="description">The security token of temporary credentials, as a SecureString or a string. Default (with the variables' AK/SK): HUAWEICLOUD_SDK_SECURITY_TOKEN.</para></summary>
        [Parameter]
        [SecureStringFromText]
        [ValidateNotNull]
        public SecureString? SecurityToken { get; set; }

        /// <summary><para type="description">Where the services are instead: one URL for all (https://, or http:// to this machine for the emulator), or @{ vbs = '…'; rds = '…' }.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public object? Endpoint { get; set; }

        /// <summary><para type="description">How long one attempt of a call may take, in seconds (default 60).</para></summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        protected override void ProcessRecord()
        {
            var options = new HwcSessionOptions
            {
                Region = Region,
                ProjectId = ProjectId,
                AccessKey = AccessKey,
                SecretKey = SecretKey == null ? null : Plain(SecretKey),
                SecurityToken = SecurityToken == null ? null : Plain(SecurityToken),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                HostDescription = ServiceCmdlet.HostDescription(this),
            };
            switch (PowerShellValues.ToPlain(Endpoint))
            {
                case null:
                    break;
                case string url:
                    options.Endpoint = url;
                    break;
                case IDictionary map:
                    var endpoints = new List<KeyValuePair<string, string>>();
                    foreach (DictionaryEntry entry in map)
                    {
                        endpoints.Add(new KeyValuePair<string, string>(entry.Key?.ToString() ?? string.Empty, entry.Value?.ToString() ?? string.Empty));
                    }

                    options.Endpoints = endpoints;
                    break;
                case var other:
                    ThrowTerminatingError(HwcErrorRecords.Config(new HwcConfigException(HwcConfigErrorKind.EndpointInvalid,
                        $"-Endpoint is a {other.GetType().Name}; it takes one URL or a hashtable of service = URL.",
                        "Give -Endpoint 'https://…' (every service), or @{ vbs = 'https://…'; rds = 'https://…' }.", "-Endpoint")));
                    return;
            }

            try
            {
                var session = HwcSession.Create(options);
                WriteVerbose($"Huawei Cloud session for {session.Region}, project {session.ProjectId}: {(session.IsTemporary ? "temporary" : "permanent")} AK/SK from {session.CredentialSource.ToLowerInvariant()}; VBS at {session.VbsEndpoint.GetLeftPart(UriPartial.Authority)}, RDS at {session.RdsEndpoint.GetLeftPart(UriPartial.Authority)}.");
                WriteObject(session);
            }
            catch (HwcConfigException e)
            {
                ThrowTerminatingError(HwcErrorRecords.Config(e));
            }
        }

        private static string Plain(SecureString secure)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}

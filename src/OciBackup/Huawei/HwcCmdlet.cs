using System.Management.Automation;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei;

namespace OciBackup.Huawei
{
    /// <summary>
    /// What every Huawei Cloud cmdlet shares: -Session (from New-HwcSession, or $PSDefaultParameterValues), on top of
    /// what every cmdlet that calls a cloud shares (<see cref="ServiceCmdlet"/>).
    /// </summary>
    public abstract class HwcCmdlet : ServiceCmdlet
    {
        /// <summary>
        /// <para type="description">The Huawei Cloud session to use (from New-HwcSession, or Start-OciEmulator -Huawei's HwcSession). Set it once for a runbook with $PSDefaultParameterValues['*-Hwc*:Session'] = $session.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public HwcSession? Session { get; set; }

        internal override RequestPacer SessionPacer => ActiveSession.Pacer;

        internal HwcSession ActiveSession
        {
            get
            {
                if (Session != null)
                {
                    return Session;
                }

                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("No Huawei Cloud session: pass -Session."), "OciBackup.HwcSessionMissing", ErrorCategory.InvalidArgument, null)
                {
                    ErrorDetails = new ErrorDetails("No Huawei Cloud session: pass -Session.")
                    {
                        RecommendedAction = "Make one with New-HwcSession -Region <region> (AK/SK from -AccessKey/-SecretKey or HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK) and pass it with -Session, or set $PSDefaultParameterValues['*-Hwc*:Session'].",
                    },
                });
                return null!;
            }
        }
    }
}

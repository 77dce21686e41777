using System.Management.Automation;
using OciBackup.Completion;
using OciBackup.Engine.Emulator;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets the counters of a local OCI emulator: requests, refused signatures, faults, and backups created per volume.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciEmulatorState", DefaultParameterSetName = EmulatorTarget.ByObject)]
    [OutputType(typeof(OciEmulatorState))]
    public sealed class GetOciEmulatorStateCommand : EmulatorCmdlet
    {
        /// <summary><para type="description">The emulator, from Start-OciEmulator. Default: the one this session started, when exactly one runs.</para></summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = EmulatorTarget.ByObject)]
        [ValidateNotNull]
        public OciEmulator? Emulator { get; set; }

        /// <summary><para type="description">The URL of an emulator started some other way (http://127.0.0.1:PORT).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = EmulatorTarget.ByUrl)]
        [ArgumentCompleter(typeof(EmulatorUrlCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Url { get; set; }

        protected override void ProcessRecord()
        {
            using (var target = EmulatorTarget.Of(this, Emulator, Url))
            {
                try
                {
                    target.CheckRunning();
                    WriteObject(Run((verbose, token) => target.Admin.GetStateAsync(token)));
                }
                catch (OciEmulatorException e)
                {
                    WriteError(EmulatorErrorRecords.From(e));
                }
            }
        }
    }
}

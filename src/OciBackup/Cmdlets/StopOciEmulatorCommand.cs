using System.Management.Automation;
using OciBackup.Engine.Emulator;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Stops local OCI emulators started by Start-OciEmulator and removes their throwaway key and config.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "OciEmulator", SupportsShouldProcess = true)]
    [OutputType(typeof(OciEmulator))]
    public sealed class StopOciEmulatorCommand : EmulatorCmdlet
    {
        /// <summary><para type="description">Emulators from Start-OciEmulator. A null is ignored, so AfterAll { $emu | Stop-OciEmulator } works when BeforeAll failed.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        [AllowEmptyCollection]
        public OciEmulator?[]? Emulator { get; set; }

        /// <summary><para type="description">Write each emulator after it stopped.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var emulator in Emulator ?? new OciEmulator?[0])
            {
                if (emulator == null)
                {
                    continue;
                }

                if (!ShouldProcess($"OCI emulator process {emulator.ProcessId} at {emulator.Url}", $"Stop it and remove '{emulator.ConfigFolder}'"))
                {
                    continue;
                }

                var how = Run((verbose, token) => emulator.StopAsync(StartedEmulators.GracePeriod));
                StartedEmulators.Remove(emulator);
                WriteVerbose(how == null
                    ? $"The emulator at {emulator.Url} had been stopped before."
                    : $"The emulator process {emulator.ProcessId} at {emulator.Url} {how}; removed '{emulator.ConfigFolder}'.");
                if (PassThru)
                {
                    WriteObject(emulator);
                }
            }
        }
    }
}

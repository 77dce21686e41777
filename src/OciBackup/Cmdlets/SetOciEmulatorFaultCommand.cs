using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using OciBackup.Completion;
using OciBackup.Engine.Emulator;

namespace OciBackup.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Changes the faults a running local OCI emulator injects (throttling, lost responses, server errors, latency, FAULTY backups), or turns them off.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OciEmulatorFault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = EmulatorTarget.ByObject)]
    [OutputType(typeof(OrderedDictionary))]
    public sealed class SetOciEmulatorFaultCommand : EmulatorCmdlet
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

        /// <summary><para type="description">Turn every fault off first; the faults given with it are then the only ones in force.</para></summary>
        [Parameter]
        public SwitchParameter Reset { get; set; }

        /// <summary><para type="description">Requests per second the emulator accepts; beyond it 429 TooManyRequests with Retry-After (0: off).</para></summary>
        [Parameter]
        [ValidateRange(0.0, double.MaxValue)]
        public double RateLimit { get; set; }

        /// <summary><para type="description">Share (0 to 1) of requests answered 500 InternalServerError, nothing done.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double InternalServerErrorShare { get; set; }

        /// <summary><para type="description">Share (0 to 1) of requests answered 503 ServiceUnavailable, nothing done.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double ServiceUnavailableShare { get; set; }

        /// <summary><para type="description">Share (0 to 1) of writes (creates, copies, deletes, restores) answered 409 IncorrectState, nothing done.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double IncorrectStateShare { get; set; }

        /// <summary><para type="description">Share (0 to 1) of writes (creates, copies, deletes, restores) that are performed and whose response is lost (the connection is cut).</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double DropShare { get; set; }

        /// <summary><para type="description">Share (0 to 1) of writes (creates, copies, deletes, restores) that are performed and then answered 500 all the same (a server error after the work was done), on OCI and Huawei alike.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double ErrorAfterWriteShare { get; set; }

        /// <summary><para type="description">Share (0 to 1) of requests performed and answered only after SlowResponseSeconds.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double SlowShare { get; set; }

        /// <summary><para type="description">How long a slow response is held (default 30 s).</para></summary>
        [Parameter]
        [ValidateRange(0.0, 86_400.0)]
        public double SlowResponseSeconds { get; set; }

        /// <summary><para type="description">Latency added to every request, in milliseconds.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 3_600_000.0)]
        public double LatencyMilliseconds { get; set; }

        /// <summary><para type="description">Up to this many more milliseconds per request, drawn at random.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 3_600_000.0)]
        public double LatencyJitterMilliseconds { get; set; }

        /// <summary><para type="description">Shift of the emulator's clock in seconds (negative: behind); beyond 300 s signed requests get 401.</para></summary>
        [Parameter]
        [ValidateRange(-31_536_000.0, 31_536_000.0)]
        public double ClockSkewSeconds { get; set; }

        /// <summary><para type="description">Share (0 to 1) of new backups that end FAULTY.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double FaultyShare { get; set; }

        /// <summary><para type="description">Write the faults in force afterwards, by these parameters' names.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private Dictionary<EmulatorFaultSetting, double> _changes = new Dictionary<EmulatorFaultSetting, double>();

        protected override void BeginProcessing()
        {
            var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
            {
                [nameof(RateLimit)] = RateLimit,
                [nameof(InternalServerErrorShare)] = InternalServerErrorShare,
                [nameof(ServiceUnavailableShare)] = ServiceUnavailableShare,
                [nameof(IncorrectStateShare)] = IncorrectStateShare,
                [nameof(DropShare)] = DropShare,
                [nameof(ErrorAfterWriteShare)] = ErrorAfterWriteShare,
                [nameof(SlowShare)] = SlowShare,
                [nameof(SlowResponseSeconds)] = SlowResponseSeconds,
                [nameof(LatencyMilliseconds)] = LatencyMilliseconds,
                [nameof(LatencyJitterMilliseconds)] = LatencyJitterMilliseconds,
                [nameof(ClockSkewSeconds)] = ClockSkewSeconds,
                [nameof(FaultyShare)] = FaultyShare,
            };
            _changes = EmulatorFaultSetting.All.Where(s => MyInvocation.BoundParameters.ContainsKey(s.ParameterName)).ToDictionary(s => s, s => values[s.ParameterName]);
            try
            {
                EmulatorFaultSetting.CheckShareTotal(_changes);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(EmulatorErrorRecords.Record("InvalidEmulatorFault", ErrorCategory.InvalidArgument, e.Message,
                    "Lower one of the two shares.", null));
            }

            if (_changes.Count == 0 && !Reset)
            {
                ThrowTerminatingError(EmulatorErrorRecords.Record("NoEmulatorFault", ErrorCategory.InvalidArgument,
                    "Give at least one fault to set (-RateLimit, -DropShare, ...), or -Reset to turn every fault off.",
                    "See Get-Help Set-OciEmulatorFault -Parameter *.", null));
            }
        }

        protected override void ProcessRecord()
        {
            using (var target = EmulatorTarget.Of(this, Emulator, Url))
            {
                var what = string.Join(", ", _changes.Select(c => c.Key.ParameterName + " " + c.Key.FormatValue(c.Value)));
                var action = Reset ? (_changes.Count == 0 ? "Turn every fault off" : "Turn every fault off, then set " + what) : "Set " + what;
                if (!ShouldProcess("OCI emulator at " + target.Url, action))
                {
                    return;
                }

                try
                {
                    target.CheckRunning();
                    var inForce = Run(async (verbose, token) =>
                    {
                        var faults = Reset ? await target.Admin.ResetFaultsAsync(token).ConfigureAwait(false) : null;
                        return _changes.Count > 0 ? await target.Admin.SetFaultsAsync(_changes, token).ConfigureAwait(false) : faults!;
                    });
                    WriteVerbose($"Faults in force at {target.Url}: {Describe(inForce)}.");
                    if (PassThru)
                    {
                        WriteObject(inForce);
                    }
                }
                catch (OciEmulatorException e)
                {
                    WriteError(EmulatorErrorRecords.From(e));
                }
            }
        }

        private static string Describe(OrderedDictionary faults)
        {
            var on = EmulatorFaultSetting.All
                .Where(s => faults[s.ParameterName] is double value && value != 0 && s.ParameterName != nameof(SlowResponseSeconds))
                .Select(s => s.ParameterName + " " + s.FormatValue((double)faults[s.ParameterName]!))
                .ToList();
            return on.Count == 0 ? "none" : string.Join(", ", on);
        }
    }
}

using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Emulator;

namespace OciBackup
{
    /// <summary>
    /// What the emulator cmdlets share: a cancellation token that Ctrl+C cancels, work run off the pipeline thread
    /// while its -Verbose lines are written on it, and the emulator to act on when none is given.
    /// </summary>
    public abstract class EmulatorCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly CancellationToken _stopToken;

        protected EmulatorCmdlet()
        {
            _stopToken = _stop.Token;
        }

        internal PipelineQueue Queue { get; } = new PipelineQueue();

        internal CancellationToken StopToken => _stopToken;

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }

        protected override void StopProcessing()
        {
            _stop.Cancel();
            base.StopProcessing();
        }

        /// <summary>Runs <paramref name="work"/> on a worker, writing what it tells -Verbose on the pipeline thread; rethrows its exception.</summary>
        internal T Run<T>(Func<Action<string>, CancellationToken, Task<T>> work)
        {
            Action<string> verbose = text => Queue.Post(cmdlet => cmdlet.WriteVerbose(text));
            var task = Task.Run(() => work(verbose, _stopToken));
            Queue.RunUntil(task, this, CancellationToken.None);
            return task.GetAwaiter().GetResult();
        }

        /// <summary>The emulator given, else the one this session started that still runs; terminating error when there is none or several.</summary>
        internal OciEmulator DefaultEmulator()
        {
            var running = StartedEmulators.Running();
            if (running.Count == 1)
            {
                return running[0];
            }

            if (running.Count == 0)
            {
                ThrowTerminatingError(EmulatorErrorRecords.Record("NoEmulator", ErrorCategory.ObjectNotFound,
                    "No emulator started with Start-OciEmulator in this session is running.",
                    "Start one ($emu = Start-OciEmulator) or name one with -Emulator or -Url.", null));
            }

            ThrowTerminatingError(EmulatorErrorRecords.Record("EmulatorAmbiguous", ErrorCategory.InvalidArgument,
                $"{running.Count} emulators started in this session are running ({string.Join(", ", running)}): which one is meant?",
                "Name one with -Emulator (an object from Start-OciEmulator) or -Url.", null));
            throw new InvalidOperationException("unreachable");
        }
    }
}

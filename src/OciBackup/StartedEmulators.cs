using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using OciBackup.Engine.Emulator;

namespace OciBackup
{
    /// <summary>
    /// The emulators each runspace started: the one Get-OciEmulatorState and Set-OciEmulatorFault use when given
    /// none, and the ones stopped (cleanly) when the runspace closes, as it does when PowerShell exits.
    /// </summary>
    internal static class StartedEmulators
    {
        public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);

        private static readonly ConditionalWeakTable<Runspace, Entry> PerRunspace = new ConditionalWeakTable<Runspace, Entry>();

        public static void Add(PSCmdlet cmdlet, OciEmulator emulator)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null)
            {
                return;
            }

            var entry = PerRunspace.GetValue(runspace, _ => new Entry());
            lock (entry)
            {
                if (!entry.Subscribed)
                {
                    // PowerShell raises this when the runspace closes: on exit, at the end of a -File or -Command run, and
                    // when a host disposes it. Hidden (supportEvent) so Get-EventSubscriber does not list it.
                    cmdlet.Events.SubscribeEvent(null, null, PSEngineEvent.Exiting, null, (_, __) => entry.StopAll(), true, false);
                    entry.Subscribed = true;
                }

                entry.Emulators.Add(emulator);
            }
        }

        public static void Remove(OciEmulator emulator)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null && PerRunspace.TryGetValue(runspace, out var entry))
            {
                lock (entry)
                {
                    entry.Emulators.Remove(emulator);
                }
            }
        }

        /// <summary>The emulators this runspace started that still run, oldest first.</summary>
        public static IReadOnlyList<OciEmulator> Running()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null || !PerRunspace.TryGetValue(runspace, out var entry))
            {
                return Array.Empty<OciEmulator>();
            }

            lock (entry)
            {
                return entry.Emulators.Where(e => !e.HasExited).ToList();
            }
        }

        private sealed class Entry
        {
            public List<OciEmulator> Emulators { get; } = new List<OciEmulator>();

            public bool Subscribed { get; set; }

            public void StopAll()
            {
                OciEmulator[] emulators;
                lock (this)
                {
                    emulators = Emulators.ToArray();
                    Emulators.Clear();
                }

                try
                {
                    Task.WaitAll(emulators.Select(e => e.StopAsync(GracePeriod)).ToArray<Task>());
                }
                catch (AggregateException)
                {
                    // PowerShell is exiting: what could not be stopped cleanly is killed by the process-exit handler,
                    // and stops by itself once this process is gone.
                }
            }
        }
    }
}

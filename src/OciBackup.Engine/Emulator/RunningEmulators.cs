using System;
using System.Collections.Generic;
using System.Linq;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// Every emulator this process started and has not stopped. When the process exits they are killed and their
    /// folders removed. This is the last line: PowerShell's engine-exit event stops them cleanly before, and each
    /// emulator also stops by itself when this process is gone (--parent-process-id), even after a kill.
    /// </summary>
    internal static class RunningEmulators
    {
        private static readonly object Gate = new object();
        private static readonly List<OciEmulator> Emulators = new List<OciEmulator>();
        private static bool _hooked;

        public static void Add(OciEmulator emulator)
        {
            lock (Gate)
            {
                if (!_hooked)
                {
                    AppDomain.CurrentDomain.ProcessExit += (_, __) => StopAll();
                    _hooked = true;
                }

                Emulators.Add(emulator);
            }
        }

        public static void Remove(OciEmulator emulator)
        {
            lock (Gate)
            {
                Emulators.Remove(emulator);
            }
        }

        public static IReadOnlyList<OciEmulator> All
        {
            get
            {
                lock (Gate)
                {
                    return Emulators.ToArray();
                }
            }
        }

        private static void StopAll()
        {
            foreach (var emulator in All)
            {
                try
                {
                    emulator.StopNow();
                }
                catch (Exception)
                {
                    // The process is exiting: one emulator that cannot be stopped must not keep the others running.
                }
            }
        }
    }
}

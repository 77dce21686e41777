using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OciBackup.Engine.Emulator
{
    /// <summary>
    /// One emulator executable running under a dotnet host: its process, its output (drained all the time, so a
    /// chatty log can never fill a pipe and stall it, and written to a log file), the URL it announced, and its
    /// stop. Owns its throwaway config folder and removes it when stopped.
    /// </summary>
    internal sealed class EmulatorProcess : IDisposable
    {
        public const string ListeningPrefix = "OCI emulator listening on ";
        public const string LogFileName = "emulator.log";
        private const int TailLines = 20;

        private readonly Process _process;
        private readonly object _gate = new object();
        private readonly StreamWriter _log;
        private readonly Queue<string> _tail = new Queue<string>();
        private readonly TaskCompletionSource<string> _listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _stopped;

        private EmulatorProcess(Process process, string configFolder, StreamWriter log)
        {
            _process = process;
            ConfigFolder = configFolder;
            _log = log;
            // A start that timed out or was cancelled never reads the failure set when the process then exits.
            _listening.Task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        public int ProcessId => _process.Id;

        public string ConfigFolder { get; }

        public string LogFile => Path.Combine(ConfigFolder, LogFileName);

        public bool HasExited
        {
            get
            {
                try
                {
                    return _process.HasExited;
                }
                catch (InvalidOperationException)
                {
                    return true; // disposed: it was stopped
                }
            }
        }

        /// <summary>Starts <c>HOST EMULATOR.dll ARGUMENTS</c>, its output going to the log in <paramref name="configFolder"/> (which must exist).</summary>
        public static EmulatorProcess Start(string hostPath, string emulatorAssembly, IReadOnlyList<string> arguments, string configFolder)
        {
            var all = new List<string> { emulatorAssembly };
            all.AddRange(arguments);
            var start = new ProcessStartInfo(hostPath, CommandLineArguments.Join(all))
            {
                UseShellExecute = false,
                // Its own stdin (never read) and no console window: the parent's terminal input and Ctrl+C stay the parent's.
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
                CreateNoWindow = true,
                // Not the config folder, which the emulator removes as it exits (Windows cannot remove a process's current folder).
                WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(configFolder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)) ?? configFolder,
            };
            var log = new StreamWriter(new FileStream(Path.Combine(configFolder, LogFileName), FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete), new UTF8Encoding(false))
            {
                AutoFlush = true,
            };
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            var running = new EmulatorProcess(process, configFolder, log);
            process.OutputDataReceived += (_, e) => running.OnLine(e.Data, isError: false);
            process.ErrorDataReceived += (_, e) => running.OnLine(e.Data, isError: true);
            process.Exited += (_, __) => running.OnExited();
            try
            {
                process.Start();
            }
            catch
            {
                log.Dispose();
                process.Dispose();
                throw;
            }

            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return running;
        }

        /// <summary>
        /// The URL the emulator announced (<c>http://127.0.0.1:PORT</c>). Throws <see cref="OciEmulatorException"/>
        /// when it exits first or is not listening within <paramref name="timeout"/>; cancelled with the token.
        /// </summary>
        public async Task<string> WaitForUrlAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using (var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeoutSource.CancelAfter(timeout);
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (timeoutSource.Token.Register(() => cancelled.TrySetResult(true)))
                {
                    if (await Task.WhenAny(_listening.Task, cancelled.Task).ConfigureAwait(false) == _listening.Task)
                    {
                        return await _listening.Task.ConfigureAwait(false);
                    }
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new OciEmulatorException(OciEmulatorErrorKind.EmulatorStartTimedOut,
                $"The emulator (process {ProcessId}) did not listen within {timeout.TotalSeconds:0.#} s. Its output: {Tail()}",
                "Try again with a longer -TimeoutSec on a busy machine, or read the output above for the cause.", ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// Stops the emulator: asks it to shut down (<paramref name="requestShutdown"/>), waits up to
        /// <paramref name="gracePeriod"/>, then kills it; removes the config folder. Runs once; later calls return
        /// null. Returns how it ended, for -Verbose.
        /// </summary>
        public async Task<string?> StopAsync(Func<Task>? requestShutdown, TimeSpan gracePeriod)
        {
            if (Interlocked.Exchange(ref _stopped, 1) != 0)
            {
                return null;
            }

            string how;
            if (HasExited)
            {
                how = $"had already exited (exit code {ExitCode()})";
            }
            else
            {
                if (requestShutdown != null)
                {
                    try
                    {
                        await requestShutdown().ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is OciEmulatorException || e is System.Net.Http.HttpRequestException || e is TaskCanceledException)
                    {
                        // Not answering: it is killed below.
                    }
                }

                var stopwatch = Stopwatch.StartNew();
                if (requestShutdown != null && await WaitForExitAsync(gracePeriod).ConfigureAwait(false))
                {
                    how = $"shut down cleanly in {stopwatch.Elapsed.TotalSeconds:0.00} s (exit code {ExitCode()})";
                }
                else
                {
                    Kill();
                    await WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                    how = requestShutdown == null ? "was killed" : $"did not shut down within {gracePeriod.TotalSeconds:0.#} s and was killed";
                }
            }

            Release();
            return how;
        }

        /// <summary>Kills it at once and removes the folder (the process is exiting: no time for a clean stop).</summary>
        public void StopNow()
        {
            if (Interlocked.Exchange(ref _stopped, 1) != 0)
            {
                return;
            }

            if (!HasExited)
            {
                Kill();
                _process.WaitForExit(5_000);
            }

            Release();
        }

        public void Dispose() => StopNow();

        /// <summary>The last lines the emulator wrote, but the indented details of its start (for a start failure's message).</summary>
        public string Tail()
        {
            lock (_gate)
            {
                return _tail.Count == 0 ? "(none)" : string.Join(" | ", _tail);
            }
        }

        private void OnLine(string? line, bool isError)
        {
            if (line == null)
            {
                return;
            }

            lock (_gate)
            {
                try
                {
                    _log.WriteLine(line);
                }
                catch (ObjectDisposedException)
                {
                }

                if (isError || !line.StartsWith("  ", StringComparison.Ordinal))
                {
                    _tail.Enqueue(line);
                    if (_tail.Count > TailLines)
                    {
                        _tail.Dequeue();
                    }
                }
            }

            if (!isError && line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                _listening.TrySetResult(line.Substring(ListeningPrefix.Length).Trim());
            }
        }

        private void OnExited()
        {
            // Wait for the output readers to reach the end, so the message carries the emulator's last words.
            Task.Run(() =>
            {
                try
                {
                    _process.WaitForExit();
                }
                catch (InvalidOperationException)
                {
                }

                _listening.TrySetException(new OciEmulatorException(OciEmulatorErrorKind.EmulatorStartFailed,
                    $"The emulator exited with code {ExitCode()} before it listened: {Tail()}",
                    "Correct what the emulator's message names (an option value, the seed file) and start it again.",
                    ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            });
        }

        private async Task<bool> WaitForExitAsync(TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (!HasExited)
            {
                if (deadline.Elapsed >= timeout)
                {
                    return false;
                }

                await Task.Delay(25).ConfigureAwait(false);
            }

            return true;
        }

        private void Kill()
        {
            try
            {
                _process.Kill();
            }
            catch (Exception e) when (e is InvalidOperationException || e is System.ComponentModel.Win32Exception || e is NotSupportedException)
            {
                // Exited meanwhile.
            }
        }

        private string ExitCode()
        {
            try
            {
                return _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (InvalidOperationException)
            {
                return "unknown";
            }
        }

        private void Release()
        {
            try
            {
                // Lets the output readers reach the end before the log closes.
                _process.WaitForExit(2_000);
            }
            catch (InvalidOperationException)
            {
            }

            lock (_gate)
            {
                _log.Dispose();
            }

            _process.Dispose();
            DeleteFolder(ConfigFolder);
        }

        private static void DeleteFolder(string folder)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                    }

                    return;
                }
                catch (Exception e) when ((e is IOException || e is UnauthorizedAccessException) && attempt < 5)
                {
                    // Windows may hold a file of a process that has just exited for a moment.
                    Thread.Sleep(100 * attempt);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    return;
                }
            }
        }
    }
}

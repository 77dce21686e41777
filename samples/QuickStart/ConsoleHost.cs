using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace OciBackup.QuickStart
{
    /// <summary>Just enough of a PowerShell host to print a runbook's output, verbose lines and errors to the console.</summary>
    internal sealed class ConsoleHost : PSHost
    {
        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override string Name => "OciBackup.QuickStart";

        public override PSHostUserInterface UI { get; } = new ConsoleUserInterface();

        public override Version Version => new Version(1, 0);

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        public override void SetShouldExit(int exitCode)
        {
        }

        private sealed class ConsoleUserInterface : PSHostUserInterface
        {
            private int _lastProgressPercent = -1;

            public override PSHostRawUserInterface RawUI { get; } = new ConsoleRawInterface();

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => defaultChoice;

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

            public override string ReadLine() => string.Empty;

            public override SecureString ReadLineAsSecureString() => new SecureString();

            public override void Write(string value) => Console.Write(Plain(value));

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Write(Plain(value));

            public override void WriteLine(string value) => Console.WriteLine(Plain(value));

            // Colour codes only where a terminal shows them, not in a log or a CI transcript.
            private static string Plain(string value) =>
                Console.IsOutputRedirected ? System.Text.RegularExpressions.Regex.Replace(value, "\u001b\\[[0-9;]*m", string.Empty) : value;

            public override void WriteErrorLine(string value) => Console.Error.WriteLine(value);

            public override void WriteDebugLine(string message) => Console.WriteLine("DEBUG: " + message);

            public override void WriteVerboseLine(string message) => Console.WriteLine("VERBOSE: " + message);

            public override void WriteWarningLine(string message) => Console.WriteLine("WARNING: " + message);

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
                // One line per 25 % step is enough for a log.
                var step = record.PercentComplete / 25;
                if (record.RecordType == ProgressRecordType.Processing && step != _lastProgressPercent)
                {
                    _lastProgressPercent = step;
                    Console.WriteLine($"[{record.Activity}] {record.StatusDescription}");
                }
            }
        }

        private sealed class ConsoleRawInterface : PSHostRawUserInterface
        {
            public override ConsoleColor BackgroundColor { get; set; }

            public override Size BufferSize { get; set; } = new Size(Width(), 1000);

            public override Coordinates CursorPosition { get; set; }

            public override int CursorSize { get; set; }

            public override ConsoleColor ForegroundColor { get; set; }

            public override bool KeyAvailable => false;

            public override Size MaxPhysicalWindowSize => new Size(Width(), 100);

            public override Size MaxWindowSize => new Size(Width(), 100);

            public override Coordinates WindowPosition { get; set; }

            public override Size WindowSize { get; set; } = new Size(Width(), 100);

            public override string WindowTitle { get; set; } = string.Empty;

            public override void FlushInputBuffer()
            {
            }

            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();

            private static int Width()
            {
                try
                {
                    // The terminal's own width: the module's views fit 80 columns. A log gets room for whole OCIDs.
                    return Console.IsOutputRedirected ? 200 : Console.WindowWidth > 0 ? Console.WindowWidth : 120;
                }
                catch (System.IO.IOException)
                {
                    return 200;
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// A PowerShell host that records what would reach a console: formatted output (Out-Default
    /// renders the module's format views through it), progress, verbose and debug lines.
    /// </summary>
    public sealed class RecordingHost : PSHost
    {
        private readonly RecordingUserInterface _ui = new RecordingUserInterface();

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override string Name => "OciBackupTestHost";

        public override PSHostUserInterface UI => _ui;

        public override Version Version => new Version(1, 0);

        public string Text => _ui.Text;

        public IReadOnlyList<ProgressRecord> Progress => _ui.Progress;

        public void Clear() => _ui.Clear();

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

        private sealed class RecordingUserInterface : PSHostUserInterface
        {
            private readonly object _gate = new object();
            private readonly StringBuilder _text = new StringBuilder();
            private readonly List<ProgressRecord> _progress = new List<ProgressRecord>();

            public string Text
            {
                get
                {
                    lock (_gate)
                    {
                        return _text.ToString();
                    }
                }
            }

            public IReadOnlyList<ProgressRecord> Progress
            {
                get
                {
                    lock (_gate)
                    {
                        return _progress.ToArray();
                    }
                }
            }

            public override PSHostRawUserInterface RawUI { get; } = new RawInterface();

            public void Clear()
            {
                lock (_gate)
                {
                    _text.Clear();
                    _progress.Clear();
                }
            }

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException("No prompts in tests.");

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException("No prompts in tests.");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

            public override string ReadLine() => throw new NotSupportedException();

            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();

            public override void Write(string value) => Append(value);

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

            public override void WriteLine(string value) => Append(value + "\n");

            public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");

            public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");

            public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");

            public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
                lock (_gate)
                {
                    _progress.Add(record);
                }
            }

            private void Append(string value)
            {
                lock (_gate)
                {
                    // Plain text, as a log or a redirected console would get it.
                    _text.Append(System.Text.RegularExpressions.Regex.Replace(value, "\u001b\\[[0-9;]*m", string.Empty));
                }
            }
        }

        private sealed class RawInterface : PSHostRawUserInterface
        {
            public override ConsoleColor BackgroundColor { get; set; }

            public override Size BufferSize { get; set; } = new Size(200, 1000);

            public override Coordinates CursorPosition { get; set; }

            public override int CursorSize { get; set; }

            public override ConsoleColor ForegroundColor { get; set; }

            public override bool KeyAvailable => false;

            public override Size MaxPhysicalWindowSize => new Size(200, 100);

            public override Size MaxWindowSize => new Size(200, 100);

            public override Coordinates WindowPosition { get; set; }

            public override Size WindowSize { get; set; } = new Size(200, 100);

            public override string WindowTitle { get; set; } = string.Empty;

            public override void FlushInputBuffer()
            {
            }

            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
        }
    }
}

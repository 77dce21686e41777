using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OciBackup.Engine.Emulator;
using Xunit;

namespace OciBackup.Tests.Emulator
{
    public sealed class CommandLineArgumentsTests
    {
        [Theory]
        [InlineData("plain", "plain")]
        [InlineData("", "\"\"")]
        [InlineData("with space", "\"with space\"")]
        [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
        [InlineData(@"C:\Program Files\", "\"C:\\Program Files\\\\\"")]
        [InlineData(@"a\\""b", "\"a\\\\\\\\\\\"b\"")]
        [InlineData(@"no\quote", @"no\quote")]
        public void Quotes_only_what_needs_quoting(string argument, string expected)
        {
            Assert.Equal(expected, CommandLineArguments.Quote(argument));
        }

        [Fact]
        public void A_started_process_receives_exactly_the_arguments_that_were_joined()
        {
            if (OperatingSystem.IsWindows())
            {
                return; // /bin/sh prints them here; Windows' C runtime splits by the same rules
            }

            var arguments = new[] { "plain", "", "two words", "tab\there", "quote\"inside", @"back\slash", @"trailing\", @"\\""mixed\""", "ümlaut", "--name=value with space" };
            var start = new ProcessStartInfo("/bin/sh", CommandLineArguments.Join(new[] { "-c", "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done", "sh" }.Concat(arguments)))
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(arguments.Select(a => "[" + a + "]"), output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}

using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine;
using OciBackup.Engine.Http;

namespace OciBackup.Completion
{
    /// <summary>
    /// Completes -AvailabilityDomain with the domains of the region the command will act in, as the service lists them
    /// (their names differ per tenancy, so they are read, never made up): the -Region on the line, else the region of
    /// the backup OCID on the line, else the session's. The session is the -Session on the line, else the one
    /// $PSDefaultParameterValues gives the command, else the runspace's default. Each session's domains are listed once
    /// per region, within a few seconds; anything that goes wrong completes nothing.
    /// </summary>
    public sealed class AvailabilityDomainCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
        private static readonly string[] ItemParameters = { "VolumeBackupId", "VolumeGroupBackupId", "Id" };
        private static readonly ConditionalWeakTable<OciSession, ConcurrentDictionary<string, string[]>> Listed = new ConditionalWeakTable<OciSession, ConcurrentDictionary<string, string[]>>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var session = SessionFor(commandName, fakeBoundParameters);
                if (session == null)
                {
                    return Array.Empty<CompletionResult>();
                }

                var endpoints = session.Clients.Endpoints;
                var typedRegion = Typed(fakeBoundParameters, "Region");
                var region = endpoints.Normalize(typedRegion ?? endpoints.RegionOf(ItemParameters.Select(p => Typed(fakeBoundParameters, p)).FirstOrDefault(v => v != null)));
                var compartmentId = session.TenancyId ?? Typed(fakeBoundParameters, "CompartmentId");
                if (compartmentId == null)
                {
                    return Array.Empty<CompletionResult>();
                }

                var names = Listed.GetOrCreateValue(session).GetOrAdd(region ?? string.Empty, _ => List(session, region, compartmentId));
                var prefix = CompletionText.PrefixOf(wordToComplete);
                return names.Where(n => CompletionText.Matches(n, prefix))
                    .Select(n => CompletionText.Result(n, n, $"An availability domain of {region ?? "the session's region"}"))
                    .ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        private static string[] List(OciSession session, string? region, string compartmentId)
        {
            using var patience = new CancellationTokenSource(Patience);
            var call = new OciCallOptions { RetryPolicy = RetryPolicy.None };
            var domains = Task.Run(() => session.Clients.Identity(region).ListAvailabilityDomainsAsync(compartmentId, patience.Token, call)).GetAwaiter().GetResult();
            return domains.Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        }

        private static OciSession? SessionFor(string commandName, IDictionary? fakeBoundParameters)
        {
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Session"))
            {
                return Unwrap(fakeBoundParameters["Session"]) as OciSession;
            }

            using (var shell = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                var defaults = shell.AddScript("$PSDefaultParameterValues").Invoke<IDictionary>().FirstOrDefault();
                foreach (DictionaryEntry entry in (IEnumerable?)defaults ?? Array.Empty<DictionaryEntry>())
                {
                    var key = entry.Key?.ToString() ?? string.Empty;
                    var colon = key.LastIndexOf(':');
                    if (colon > 0
                        && new WildcardPattern(key.Substring(0, colon), WildcardOptions.IgnoreCase).IsMatch(commandName)
                        && new WildcardPattern(key.Substring(colon + 1), WildcardOptions.IgnoreCase).IsMatch("Session")
                        && Unwrap(entry.Value) is OciSession preset)
                    {
                        return preset;
                    }
                }
            }

            return DefaultSessions.Get("PowerShell");
        }

        private static string? Typed(IDictionary? fakeBoundParameters, string name) =>
            fakeBoundParameters != null && fakeBoundParameters.Contains(name) ? Unwrap(fakeBoundParameters[name])?.ToString() : null;

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}

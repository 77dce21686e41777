using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OciBackup.Engine.Auth;

namespace OciBackup.Completion
{
    /// <summary>
    /// Completes -Region with the regions the module knows (the OCI SDKs' list, plus ~/.oci/regions-config.json
    /// and OCI_REGION_METADATA): identifiers such as eu-frankfurt-1 and short codes such as fra. Needs no network.
    /// </summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var prefix = CompletionText.PrefixOf(wordToComplete);
                var regions = new RegionCatalog(ProcessEnvironment.Instance).KnownRegions;
                var byId = regions.Where(r => CompletionText.Matches(r.Id, prefix))
                    .OrderBy(r => r.Id, StringComparer.Ordinal)
                    .Select(r => CompletionText.Result(r.Id, r.Id, Describe(r)));
                var byShortCode = regions.Where(r => r.ShortCode != null && CompletionText.Matches(r.ShortCode, prefix))
                    .OrderBy(r => r.ShortCode, StringComparer.Ordinal)
                    .Select(r => CompletionText.Result(r.ShortCode!, $"{r.ShortCode} ({r.Id})", Describe(r)));
                return byId.Concat(byShortCode).ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        private static string Describe(Region region) =>
            region.ShortCode == null ? region.Id : $"{region.Id} ({region.ShortCode})";
    }
}

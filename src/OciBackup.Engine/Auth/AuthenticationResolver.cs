using System;
using System.Collections.Generic;
using System.Threading;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// Decides how a session signs in, as the OCI CLI decides: an API key given directly; else the kind asked for
    /// (<c>-AuthType</c>, else <c>OCI_CLI_AUTH</c>); else the CLI's variables when they hold a whole API key (no config
    /// file is read then); else the config profile, with the CLI's variables laid over it. Instance and resource
    /// principals read no config file. Builds the provider, and the region the sign-in implies when none is asked for.
    /// </summary>
    internal static class AuthenticationResolver
    {
        public const string CliRegionVariable = "OCI_CLI_REGION";
        public const string RegionVariable = "OCI_REGION";

        public static ResolvedAuthentication Resolve(OciSessionOptions options, RegionCatalog catalog, AuthHttpSettings http, bool regionGiven)
        {
            var environment = options.Environment;
            if (options.ApiKey != null)
            {
                return Explicit(options, environment);
            }

            AuthenticationKind? kind = null;
            if (options.AuthType != null)
            {
                kind = AuthenticationKindNames.Parse(options.AuthType, "-AuthType");
            }
            else if (environment.GetVariable(AuthenticationKindNames.CliVariable) is string cliAuth)
            {
                kind = AuthenticationKindNames.Parse(cliAuth, AuthenticationKindNames.CliVariable);
            }

            switch (kind)
            {
                case AuthenticationKind.InstancePrincipal:
                    return InstancePrincipal(options, catalog, http, null, null, null, delegation: false);
                case AuthenticationKind.ResourcePrincipal:
                    return ResourcePrincipal(options, catalog);
                case null:
                case AuthenticationKind.ApiKey:
                    var fromVariables = ApiKeySettings.FromCliVariables(environment);
                    if (fromVariables != null && (regionGiven || RegionFromVariables(environment) != null))
                    {
                        return FromCliVariables(options, environment, fromVariables, catalog);
                    }

                    break;
            }

            return FromProfile(options, catalog, http, kind);
        }

        private static ResolvedAuthentication Explicit(OciSessionOptions options, IProcessEnvironment environment)
        {
            var settings = options.ApiKey!;
            settings.PassPhrase = options.PassPhrase;
            var provider = AuthenticationProviderFactory.FromApiKey(settings, environment);
            return new ResolvedAuthentication(provider, null, null, RegionFromVariables(environment),
                "neither -Region, OCI_CLI_REGION nor OCI_REGION is set", Array.Empty<string?>());
        }

        private static ResolvedAuthentication FromCliVariables(OciSessionOptions options, IProcessEnvironment environment, ApiKeySettings settings, RegionCatalog catalog)
        {
            var passPhrase = options.PassPhrase == null ? environment.GetVariable("OCI_CLI_PASSPHRASE")?.ToCharArray() : null;
            settings.PassPhrase = options.PassPhrase ?? passPhrase;
            try
            {
                var regionText = RegionFromVariables(environment);
                var region = regionText == null ? null : catalog.Resolve(regionText);
                var provider = AuthenticationProviderFactory.FromApiKey(settings, environment);
                return new ResolvedAuthentication(provider, null, null, region?.Id, "neither -Region, OCI_CLI_REGION nor OCI_REGION is set",
                    new[] { environment.GetVariable("OCI_CLI_PASSPHRASE") });
            }
            finally
            {
                if (passPhrase != null)
                {
                    Array.Clear(passPhrase, 0, passPhrase.Length);
                }
            }
        }

        private static ResolvedAuthentication FromProfile(OciSessionOptions options, RegionCatalog catalog, AuthHttpSettings http, AuthenticationKind? kind)
        {
            var environment = options.Environment;
            var path = ConfigFileLocator.ResolvePath(options.ConfigFile, environment);
            var profileName = ConfigFileLocator.ResolveProfile(options.Profile, environment);
            if (kind == AuthenticationKind.DelegationToken && options.ConfigFile == null && !environment.FileExists(path))
            {
                // Cloud Shell names the token by a variable; a config file only adds defaults.
                return InstancePrincipal(options, catalog, http, null, null, null, delegation: true);
            }

            var profile = ConfigFile.Load(path, environment).GetProfile(profileName).WithCliOverrides(environment);
            var regionText = profile.Get("region") ?? RegionFromVariables(environment);
            var region = regionText == null ? null : catalog.Resolve(regionText);
            var missing = $"the profile [{profile.Name}] in '{profile.ConfigFile}' has no 'region', and neither -Region, OCI_CLI_REGION nor OCI_REGION is set";

            // Oracle's .NET SDK: authentication_type=instance_principal, with delegation_token_file for Cloud Shell.
            var instancePrincipal = kind == null && string.Equals(profile.Get("authentication_type")?.Trim(), "instance_principal", StringComparison.OrdinalIgnoreCase);
            if (kind == AuthenticationKind.DelegationToken || instancePrincipal)
            {
                var delegation = kind == AuthenticationKind.DelegationToken || profile.Get(DelegationTokenAuthenticationProvider.FileSetting) != null;
                return InstancePrincipal(options, catalog, http, profile, region?.Id, missing, delegation);
            }

            var provider = AuthenticationProviderFactory.FromProfile(profile, environment, options.PassPhrase, options.Clock, kind);
            return new ResolvedAuthentication(provider, profile.ConfigFile, profile.Name, region?.Id, missing, new[] { profile.Get("pass_phrase") });
        }

        /// <param name="profile">For Cloud Shell's config: where delegation_token_file, region and tenancy may come from.</param>
        private static ResolvedAuthentication InstancePrincipal(OciSessionOptions options, RegionCatalog catalog, AuthHttpSettings http, ConfigProfile? profile,
            string? profileRegion, string? missingRegion, bool delegation)
        {
            var environment = options.Environment;
            var delegationFile = profile?.Get(DelegationTokenAuthenticationProvider.FileSetting) ?? environment.GetVariable(DelegationTokenAuthenticationProvider.FileVariable);
            if (delegation && delegationFile == null)
            {
                throw new OciConfigException(
                    OciConfigErrorKind.MissingSetting,
                    profile == null
                        ? $"A delegation token needs its file: {DelegationTokenAuthenticationProvider.FileVariable} is not set and there is no config file with delegation_token_file."
                        : $"A delegation token needs its file: neither {DelegationTokenAuthenticationProvider.FileVariable} nor delegation_token_file in profile [{profile.Name}] of '{profile.ConfigFile}' names one.",
                    $"In Cloud Shell, run in the shell's own environment (it sets {DelegationTokenAuthenticationProvider.FileVariable}); elsewhere set it, or delegation_token_file in the profile.",
                    configFile: profile?.ConfigFile,
                    profile: profile?.Name,
                    setting: DelegationTokenAuthenticationProvider.FileSetting);
            }

            var metadata = InstanceMetadataClient.BaseUrlFrom(environment);
            var federation = FederationEndpoint(options, environment);
            var redactor = new Http.SecretRedactor(Array.Empty<string>());
            var provider = InstancePrincipalAuthenticationProvider.CreateAsync(metadata, federation, catalog.Resolve, http, redactor, CancellationToken.None)
                .ConfigureAwait(false).GetAwaiter().GetResult();
            IAuthenticationProvider result = provider;
            try
            {
                if (delegation)
                {
                    var path = ConfigProfile.ExpandHome(delegationFile!, environment);
                    var source = profile?.Get(DelegationTokenAuthenticationProvider.FileSetting) != null && profile.OverriddenBy(DelegationTokenAuthenticationProvider.FileSetting) == null
                        ? DelegationTokenAuthenticationProvider.FileSetting
                        : DelegationTokenAuthenticationProvider.FileVariable;
                    result = new DelegationTokenAuthenticationProvider(provider, new WatchedTextFile(path, environment), source);
                }

                var region = profileRegion ?? catalog.Resolve(provider.InstanceRegion).Id;
                return new ResolvedAuthentication(result, profile?.ConfigFile, profile?.Name, region, missingRegion ?? "the instance's region is unknown", Array.Empty<string?>());
            }
            catch
            {
                result.Dispose();
                throw;
            }
        }

        private static ResolvedAuthentication ResourcePrincipal(OciSessionOptions options, RegionCatalog catalog)
        {
            var environment = options.Environment;
            var provider = ResourcePrincipalAuthenticationProvider.FromEnvironment(environment, options.Clock);
            try
            {
                var region = catalog.Resolve(provider.Region).Id;
                var passPhrase = environment.GetVariable(ResourcePrincipalAuthenticationProvider.PassPhraseVariable);
                return new ResolvedAuthentication(provider, null, null, region, ResourcePrincipalAuthenticationProvider.RegionVariable + " names no region",
                    new[] { passPhrase != null && !ResourcePrincipalAuthenticationProvider.IsPath(passPhrase) ? passPhrase : null });
            }
            catch
            {
                provider.Dispose();
                throw;
            }
        }

        private static Uri? FederationEndpoint(OciSessionOptions options, IProcessEnvironment environment)
        {
            var text = options.FederationEndpoint ?? environment.GetVariable(X509FederationClient.EndpointVariable);
            return text == null ? null : ServiceEndpoint.ParseFederationOverride(text, options.FederationEndpoint != null ? "-FederationEndpoint" : X509FederationClient.EndpointVariable);
        }

        private static string? RegionFromVariables(IProcessEnvironment environment) =>
            environment.GetVariable(CliRegionVariable) ?? environment.GetVariable(RegionVariable);
    }
}

using System;
using System.Collections.Generic;

namespace OciBackup.Engine.Auth
{
    /// <summary>The names of the kinds of authentication: ours (<c>-AuthType</c>) and the OCI CLI's (<c>OCI_CLI_AUTH</c>, <c>--auth</c>).</summary>
    internal static class AuthenticationKindNames
    {
        public const string CliVariable = "OCI_CLI_AUTH";

        /// <summary>The values -AuthType takes, in the order tab completion offers them.</summary>
        public static readonly IReadOnlyList<string> Names = new[]
        {
            nameof(AuthenticationKind.ApiKey),
            nameof(AuthenticationKind.SessionToken),
            nameof(AuthenticationKind.InstancePrincipal),
            nameof(AuthenticationKind.ResourcePrincipal),
            nameof(AuthenticationKind.DelegationToken),
        };

        private static readonly Dictionary<string, AuthenticationKind> CliNames = new Dictionary<string, AuthenticationKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["api_key"] = AuthenticationKind.ApiKey,
            ["security_token"] = AuthenticationKind.SessionToken,
            ["instance_principal"] = AuthenticationKind.InstancePrincipal,
            ["resource_principal"] = AuthenticationKind.ResourcePrincipal,
            ["instance_obo_user"] = AuthenticationKind.DelegationToken,
        };

        /// <summary>The OCI CLI's name of a kind (what <c>OCI_CLI_AUTH</c> takes).</summary>
        public static string CliName(AuthenticationKind kind)
        {
            foreach (var pair in CliNames)
            {
                if (pair.Value == kind)
                {
                    return pair.Key;
                }
            }

            return kind.ToString();
        }

        /// <summary>One of <see cref="Names"/> or of the CLI's names, in any case.</summary>
        /// <param name="source">Where the value came from (<c>-AuthType</c>, <c>OCI_CLI_AUTH</c>), for the message.</param>
        public static AuthenticationKind Parse(string value, string source)
        {
            var text = (value ?? string.Empty).Trim();
            if (CliNames.TryGetValue(text, out var kind))
            {
                return kind;
            }

            foreach (var name in Names)
            {
                if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                {
                    return (AuthenticationKind)Enum.Parse(typeof(AuthenticationKind), name);
                }
            }

            var hint = string.Equals(text, "oke_workload_identity", StringComparison.OrdinalIgnoreCase)
                ? " OKE workload identity is not supported."
                : string.Empty;
            throw new OciConfigException(
                OciConfigErrorKind.AuthTypeInvalid,
                $"{source} is '{text}', which is not a kind of authentication OciBackup knows.{hint}",
                $"Use one of {string.Join(", ", Names)} (or the OCI CLI's api_key, security_token, instance_principal, resource_principal, instance_obo_user).",
                setting: source);
        }
    }
}

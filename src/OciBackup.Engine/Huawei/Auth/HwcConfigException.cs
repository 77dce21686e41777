using System;

namespace OciBackup.Engine.Huawei.Auth
{
    /// <summary>
    /// A Huawei Cloud session cannot be built from what was given: which problem, which setting, and what to do about
    /// it. Raised before any request is sent. Never carries a secret: an AK, SK or token is named, never shown.
    /// </summary>
    public sealed class HwcConfigException : Exception
    {
        internal HwcConfigException(HwcConfigErrorKind kind, string message, string recommendedAction, string? setting = null)
            : base(message)
        {
            Kind = kind;
            RecommendedAction = recommendedAction;
            Setting = setting;
        }

        public HwcConfigErrorKind Kind { get; }

        /// <summary>What to do about it, for the error record.</summary>
        public string RecommendedAction { get; }

        /// <summary>The parameter or environment variable at fault, when there is one.</summary>
        public string? Setting { get; }

        public override string ToString() => $"{GetType().FullName} ({Kind}): {Message}";
    }
}

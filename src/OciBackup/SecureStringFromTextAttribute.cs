using System;
using System.Management.Automation;
using System.Security;

namespace OciBackup
{
    /// <summary>
    /// Lets a SecureString parameter also take plain text, as a runbook has it from a secret store
    /// (Get-AutomationVariable returns an encrypted variable's value as a string). The text becomes a read-only
    /// SecureString at once; it is never echoed or kept.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringFromTextAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text))
            {
                return inputData;
            }

            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}

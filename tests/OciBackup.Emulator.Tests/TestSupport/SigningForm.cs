namespace OciBackup.Emulator.Tests.TestSupport;

/// <summary>The two request forms Oracle's SDKs send (signing.md).</summary>
public enum SigningForm
{
    /// <summary>.NET SDK: date, host without port, content-length before content-type.</summary>
    DotNet,

    /// <summary>TypeScript SDK: x-date, host with port, Content-Type Content-Length capitalised in the list.</summary>
    TypeScript,
}

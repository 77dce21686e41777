namespace OciBackup.Emulator.Huawei;

/// <summary>The outcome of checking one request's SDK-HMAC-SHA256 signature.</summary>
internal readonly record struct HuaweiAuthenticationResult(HuaweiAuthenticationFailure Failure, string Detail, string? AccessKey)
{
    public bool Succeeded => Failure == HuaweiAuthenticationFailure.None;

    public static HuaweiAuthenticationResult Fail(HuaweiAuthenticationFailure failure, string detail) => new(failure, detail, null);
}

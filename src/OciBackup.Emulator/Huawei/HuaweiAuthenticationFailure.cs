namespace OciBackup.Emulator.Huawei;

/// <summary>Why a Huawei request's signature was refused; counted by name.</summary>
internal enum HuaweiAuthenticationFailure
{
    None,
    MissingAuthorization,
    MalformedAuthorization,
    UnknownAccessKey,
    MissingDate,
    DateOutOfRange,
    HeaderNotSigned,
    SignedHeaderMissing,
    SecurityTokenMismatch,
    BadSignature,
}

namespace OciBackup.Emulator.Auth;

/// <summary>Why a request was refused with 401. Logged and counted; never sent to the client.</summary>
internal enum AuthenticationFailure
{
    None,
    MissingAuthorization,
    MalformedAuthorization,
    UnsupportedAlgorithm,
    UnsupportedVersion,
    RequiredHeaderNotSigned,
    SignedHeaderMissing,
    UnknownKey,
    ExpiredSessionToken,
    DateUnparseable,
    DateOutOfRange,
    BodyHashMismatch,
    ContentLengthMismatch,
    BadSignature,
    InvalidDelegationToken,
}

namespace OciBackup.Emulator.Auth;

/// <summary>The verdict on a request's signature; <see cref="Detail"/> is for the log only (it never holds keys or signatures).</summary>
internal readonly record struct AuthenticationResult(AuthenticationFailure Failure, string Detail, string Principal, bool Delegated = false)
{
    public bool Succeeded => Failure == AuthenticationFailure.None;

    public static AuthenticationResult Success(string principal, bool delegated = false) => new(AuthenticationFailure.None, "", principal, delegated);

    public static AuthenticationResult Fail(AuthenticationFailure failure, string detail) => new(failure, detail, "");
}

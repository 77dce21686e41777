namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// A security token as read from where it is kept (a session token, a resource principal token), its claims, and
    /// the credentials that sign with it: the key id <c>ST$token</c> and the key the token was issued for.
    /// </summary>
    internal sealed class SecurityTokenCredentials
    {
        public SecurityTokenCredentials(string token, RsaSigningKey key)
        {
            Token = token;
            Claims = SecurityTokenClaims.Read(token);
            Credentials = new RequestCredentials("ST$" + token, key);
        }

        public string Token { get; }

        public SecurityTokenClaims Claims { get; }

        public RequestCredentials Credentials { get; }
    }
}

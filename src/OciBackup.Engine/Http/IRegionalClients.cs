namespace OciBackup.Engine.Http
{
    /// <summary>The service clients of one session, one per region it signs for, all over one connection pool.</summary>
    internal interface IRegionalClients
    {
        /// <summary>The block storage client of a region; null for the session's own region.</summary>
        /// <exception cref="Auth.OciConfigException">The session has no endpoint for that region.</exception>
        BlockstorageClient Blockstorage(string? region);

        /// <summary>The Identity client of a region (compartments, its availability domains); null for the session's own region.</summary>
        /// <exception cref="Auth.OciConfigException">The session has no endpoint for that region.</exception>
        IdentityClient Identity(string? region);
    }
}

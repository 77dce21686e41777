using System;

namespace OciBackup.Engine.Auth
{
    /// <summary>An OCI region: its identifier (<c>us-ashburn-1</c>), its short key (<c>iad</c>) when known, and its realm.</summary>
    internal sealed class Region : IEquatable<Region>
    {
        public Region(string id, string? shortCode, Realm realm)
        {
            if (string.IsNullOrEmpty(id))
            {
                throw new ArgumentException("A region needs an identifier.", nameof(id));
            }

            if (shortCode is not null && shortCode.Length == 0)
            {
                throw new ArgumentException("A short code cannot be empty; pass null when it is not known.", nameof(shortCode));
            }

            Id = id;
            ShortCode = shortCode;
            Realm = realm ?? throw new ArgumentNullException(nameof(realm));
        }

        /// <summary>The region identifier, lower case, as used in endpoints: <c>us-ashburn-1</c>.</summary>
        public string Id { get; }

        /// <summary>The region key, lower case (<c>iad</c>), or null when it is not known.</summary>
        public string? ShortCode { get; }

        public Realm Realm { get; }

        public bool Equals(Region? other) =>
            other is not null
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && string.Equals(ShortCode, other.ShortCode, StringComparison.Ordinal)
            && Realm.Equals(other.Realm);

        public override bool Equals(object? obj) => Equals(obj as Region);

        public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Id) * 397) ^ Realm.GetHashCode());

        public override string ToString() => Id;
    }
}

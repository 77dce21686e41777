using System;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// An OCI realm: a set of regions that share one second-level domain for their endpoints
    /// (<c>oc1</c> is <c>oraclecloud.com</c>, <c>oc4</c> is <c>oraclegovcloud.uk</c>).
    /// </summary>
    internal sealed class Realm : IEquatable<Realm>
    {
        /// <param name="id">The realm key, such as <c>oc1</c>; null when only the domain is known.</param>
        /// <param name="secondLevelDomain">The domain endpoints end with, such as <c>oraclecloud.com</c>.</param>
        public Realm(string? id, string secondLevelDomain)
        {
            if (id is not null && id.Length == 0)
            {
                throw new ArgumentException("A realm key cannot be empty; pass null when it is not known.", nameof(id));
            }

            if (string.IsNullOrEmpty(secondLevelDomain))
            {
                throw new ArgumentException("A realm needs a second-level domain.", nameof(secondLevelDomain));
            }

            Id = id;
            SecondLevelDomain = secondLevelDomain;
        }

        /// <summary>
        /// The realm key (<c>oc1</c>, <c>oc19</c>, ...), or null for a realm known only by the domain
        /// that <c>OCI_DEFAULT_REALM</c> names.
        /// </summary>
        public string? Id { get; }

        public string SecondLevelDomain { get; }

        public bool Equals(Realm? other) =>
            other is not null
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && string.Equals(SecondLevelDomain, other.SecondLevelDomain, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as Realm);

        public override int GetHashCode() =>
            unchecked(((Id is null ? 0 : StringComparer.Ordinal.GetHashCode(Id)) * 397)
                ^ StringComparer.Ordinal.GetHashCode(SecondLevelDomain));

        public override string ToString() => Id is null ? SecondLevelDomain : $"{Id} ({SecondLevelDomain})";
    }
}

using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;

namespace OciBackup.Emulator.Auth;

/// <summary>
/// Reads an OCI API private key PEM (PKCS#1 or PKCS#8, plain or encrypted, as the OCI config allows) through
/// BouncyCastle, which also reads the legacy "Proc-Type: 4,ENCRYPTED" PKCS#1 form the platform cannot.
/// The emulator only needs the public half.
/// </summary>
internal static class PrivateKeyFile
{
    public static byte[] ReadPublicKeyInfo(string path, string? passPhrase)
    {
        string pem = File.ReadAllText(path);
        object? read;
        try
        {
            using var reader = new StringReader(pem);
            read = new PemReader(reader, passPhrase is null ? null : new FixedPassword(passPhrase)).ReadObject();
        }
        catch (Exception e) when (e is PemException or InvalidCipherTextException or IOException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"Cannot read the private key in {path} (wrong pass phrase or not a PEM RSA key).", e);
        }

        RsaKeyParameters? publicKey = read switch
        {
            AsymmetricCipherKeyPair pair => pair.Public as RsaKeyParameters,
            RsaPrivateCrtKeyParameters crt => new RsaKeyParameters(false, crt.Modulus, crt.PublicExponent),
            _ => null,
        };
        if (publicKey is null)
        {
            throw new InvalidDataException($"{path} does not hold an RSA private key.");
        }

        return SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey).GetDerEncoded();
    }

    private sealed class FixedPassword : IPasswordFinder
    {
        private readonly string _passPhrase;

        public FixedPassword(string passPhrase)
        {
            _passPhrase = passPhrase;
        }

        public char[] GetPassword() => _passPhrase.ToCharArray();
    }
}

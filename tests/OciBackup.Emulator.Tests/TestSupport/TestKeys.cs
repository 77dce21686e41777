using System.Security.Cryptography;

namespace OciBackup.Emulator.Tests.TestSupport;

/// <summary>The throwaway keys of tests/vectors/keys and the principal the vectors use.</summary>
internal static class TestKeys
{
    public const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaa5nfwo53cezleyy6t73v6rn6knhu3molvptnl3kcq34l5zb7ptz2q";
    public const string User = "ocid1.user.oc1..aaaaaaaaflhvp4ewyhnvq4obbfcqyzgf7w7xy5ohcqn7fjzzq6tdbxtoqu2q";
    public const string Rsa2048Fingerprint = "1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe";
    public const string Rsa4096Fingerprint = "e6:2a:b3:66:4c:c3:d7:9a:10:45:a1:75:1b:71:05:35";

    public static string Rsa2048KeyId => $"{Tenancy}/{User}/{Rsa2048Fingerprint}";

    public static string Rsa2048PublicPem => ReferenceFiles.Read("keys/test-rsa2048-public.pem");

    public static string Rsa4096PublicPem => ReferenceFiles.Read("keys/test-rsa4096-public.pem");

    public static RSA Rsa2048Private()
    {
        RSA rsa = RSA.Create();
        rsa.ImportFromPem(ReferenceFiles.Read("keys/test-rsa2048-pkcs1.pem"));
        return rsa;
    }

    public static RSA Rsa4096Private()
    {
        RSA rsa = RSA.Create();
        rsa.ImportFromPem(ReferenceFiles.Read("keys/test-rsa4096-pkcs1.pem"));
        return rsa;
    }
}

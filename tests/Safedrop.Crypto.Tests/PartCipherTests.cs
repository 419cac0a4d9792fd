using System.Text;

namespace Safedrop.Crypto.Tests;

public sealed class PartCipherTests
{
    private const string PackageId = "pkg_a";
    private static readonly byte[] Key = DataKeyWrapper.NewDataKey();
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("part plaintext");

    [Fact]
    public void Should_Open_To_The_Plaintext_When_Sealed_With_The_Same_Place()
    {
        using var cipher = new PartCipher(Key, PackageId, "f_1");

        var sealedPart = cipher.Seal(3, isLast: false, Plaintext);

        Assert.Equal(Plaintext.Length + EncryptionFormat.PartOverhead, sealedPart.Length);
        Assert.Equal(Plaintext, cipher.Open(3, isLast: false, sealedPart));
    }

    [Fact]
    public void Should_Use_A_Fresh_Nonce_When_Sealing_The_Same_Part_Twice()
    {
        using var cipher = new PartCipher(Key, PackageId, "f_1");

        var first = cipher.Seal(0, isLast: true, Plaintext);
        var second = cipher.Seal(0, isLast: true, Plaintext);

        Assert.NotEqual(first[..EncryptionFormat.NonceSize], second[..EncryptionFormat.NonceSize]);
    }

    [Fact]
    public void Should_Fail_When_A_Part_Is_Swapped_Between_Files_Of_A_Package()
    {
        using var file1 = new PartCipher(Key, PackageId, "f_1");
        using var file2 = new PartCipher(Key, PackageId, "f_2");

        var sealedPart = file1.Seal(0, isLast: true, Plaintext);

        Assert.Throws<PartAuthenticationException>(() => file2.Open(0, isLast: true, sealedPart));
    }

    [Fact]
    public void Should_Fail_When_Parts_Are_Reordered()
    {
        using var cipher = new PartCipher(Key, PackageId, "f_1");
        var part0 = cipher.Seal(0, isLast: false, Plaintext);
        var part1 = cipher.Seal(1, isLast: false, Plaintext);

        Assert.Throws<PartAuthenticationException>(() => cipher.Open(0, isLast: false, part1));
        Assert.Throws<PartAuthenticationException>(() => cipher.Open(1, isLast: false, part0));
    }

    [Fact]
    public void Should_Fail_When_The_File_Is_Truncated_Before_Its_Last_Part()
    {
        using var cipher = new PartCipher(Key, PackageId, "f_1");
        var notLast = cipher.Seal(1, isLast: false, Plaintext);

        // Dropping part 2 leaves part 1 as the apparent last part.
        Assert.Throws<PartAuthenticationException>(() => cipher.Open(1, isLast: true, notLast));
    }

    [Fact]
    public void Should_Fail_When_Opened_Under_Another_Package_Id()
    {
        using var cipher = new PartCipher(Key, PackageId, "f_1");
        using var elsewhere = new PartCipher(Key, "pkg_b", "f_1");

        Assert.Throws<PartAuthenticationException>(() => elsewhere.Open(0, isLast: true, cipher.Seal(0, isLast: true, Plaintext)));
    }

    [Fact]
    public void Should_Fail_When_Any_Bit_Of_The_Sealed_Part_Is_Flipped()
    {
        using var cipher = new PartCipher(Key, PackageId, "f_1");
        var sealedPart = cipher.Seal(0, isLast: true, Plaintext);

        for (var bit = 0; bit < sealedPart.Length * 8; bit++)
        {
            var tampered = (byte[])sealedPart.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<PartAuthenticationException>(() => cipher.Open(0, isLast: true, tampered));
        }
    }

    [Fact]
    public void Should_Fail_When_The_Sealed_Part_Is_Shorter_Than_Nonce_And_Tag()
    {
        using var cipher = new PartCipher(Key, PackageId, "f_1");

        Assert.Throws<PartAuthenticationException>(() => cipher.Open(0, isLast: true, new byte[EncryptionFormat.PartOverhead - 1]));
    }
}

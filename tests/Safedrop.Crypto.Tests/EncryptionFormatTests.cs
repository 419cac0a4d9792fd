using Safedrop.Crypto;

namespace Safedrop.Crypto.Tests;

public sealed class EncryptionFormatTests
{
    [Theory]
    [InlineData(0L, 1L, 28L)]
    [InlineData(1L, 1L, 29L)]
    [InlineData(4L * 1024 * 1024, 1L, 4L * 1024 * 1024 + 28)]
    [InlineData(4L * 1024 * 1024 + 1, 2L, 4L * 1024 * 1024 + 1 + 56)]
    public void Should_Count_Parts_And_Sealed_Bytes_When_Given_A_Plaintext_Length(long plaintext, long parts, long sealedLength)
    {
        Assert.Equal(parts, EncryptionFormat.PartCount(plaintext));
        Assert.Equal(sealedLength, EncryptionFormat.SealedLength(plaintext));
        var sum = Enumerable.Range(0, (int)parts).Sum(i => EncryptionFormat.SealedPartLength(plaintext, i));
        Assert.Equal(sealedLength, sum);
    }
}

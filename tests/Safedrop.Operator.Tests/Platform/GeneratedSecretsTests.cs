using Safedrop.Operator.Platform;

namespace Safedrop.Operator.Tests.Platform;

public class GeneratedSecretsTests
{
    [Fact]
    public void Should_KeepAnExistingValueByteForByte()
    {
        byte[] value = [0, 1, 2, 255];

        Assert.Equal(value, GeneratedSecrets.Keep(new Dictionary<string, byte[]> { ["k"] = value }, "k", () => "new"));
    }

    [Fact]
    public void Should_GenerateOnlyMissingKeys_When_TheSecretIsIncomplete()
    {
        var existing = new Dictionary<string, byte[]> { ["accessKey"] = "KEPT"u8.ToArray() };

        Assert.Equal("KEPT"u8.ToArray(), GeneratedSecrets.Keep(existing, "accessKey", () => "new"));
        Assert.Equal("new"u8.ToArray(), GeneratedSecrets.Keep(existing, "secretKey", () => "new"));
    }

    [Fact]
    public void Should_RegenerateAnEmptyValue()
    {
        Assert.Equal("new"u8.ToArray(), GeneratedSecrets.Keep(new Dictionary<string, byte[]> { ["k"] = [] }, "k", () => "new"));
    }

    [Fact]
    public void Should_NotShareTheExistingArray_When_Keeping()
    {
        byte[] value = [1, 2, 3];

        Assert.NotSame(value, GeneratedSecrets.Keep(new Dictionary<string, byte[]> { ["k"] = value }, "k", () => "new"));
    }
}

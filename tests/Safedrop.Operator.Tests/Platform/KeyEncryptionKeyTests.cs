using k8s.Models;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Model;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class KeyEncryptionKeyTests
{
    [Fact]
    public void Should_Generate32RandomBytesAsBase64_When_NoSecretIsReferenced()
    {
        var secret = Plan().Get<V1Secret>("safedrop-acme-kek");

        Assert.Equal(32, Convert.FromBase64String(secret.Text("kek")).Length);
        Assert.Equal(["kek"], secret.Data.Keys);
    }

    [Fact]
    public void Should_KeepTheExistingKey_When_SecretAlreadyExists()
    {
        var existing = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var inputs = Inputs with { ExistingKeyEncryptionKey = new Dictionary<string, byte[]> { ["kek"] = System.Text.Encoding.UTF8.GetBytes(existing) } };

        Assert.Equal(existing, Plan(inputs: inputs).Get<V1Secret>("safedrop-acme-kek").Text("kek"));
    }

    [Fact]
    public void Should_UseTheReferencedSecret_When_OneIsGiven()
    {
        var plan = Plan(spec => spec.Platform.KeyEncryptionKeySecretRef = new SecretReference { Name = "acme-kek" });

        Assert.False(plan.Has<V1Secret>("safedrop-acme-kek"));
        Assert.Equal("acme-kek", plan.ApiContainer().Env(ApiEnvironment.KeyEncryptionKey).ValueFrom.SecretKeyRef.Name);
    }

    [Theory]
    [InlineData(null, "safedrop-acme-kek")]
    [InlineData("acme-kek", "acme-kek")]
    public void Should_PassThePreviousKeysToTheApi_FromTheOptionalKeyOfTheKeySecret(string? referenced, string secret)
    {
        var env = Plan(spec => spec.Platform.KeyEncryptionKeySecretRef = referenced is null ? null : new SecretReference { Name = referenced })
            .ApiContainer().Env(ApiEnvironment.PreviousKeyEncryptionKeys);

        Assert.Null(env.Value);
        Assert.Equal((secret, "kek-previous", true), (env.ValueFrom.SecretKeyRef.Name, env.ValueFrom.SecretKeyRef.Key, env.ValueFrom.SecretKeyRef.Optional));
    }

    [Fact]
    public void Should_KeepARotatedKey_And_DeclareNoPreviousKey_When_AnAdminRotated()
    {
        var rotated = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());
        var old = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
        var inputs = Inputs with
        {
            ExistingKeyEncryptionKey = new Dictionary<string, byte[]>
            {
                ["kek"] = System.Text.Encoding.UTF8.GetBytes(rotated),
                ["kek-previous"] = System.Text.Encoding.UTF8.GetBytes(old),
            },
        };

        var secret = Plan(inputs: inputs).Get<V1Secret>("safedrop-acme-kek");

        Assert.Equal(rotated, secret.Text("kek"));
        // Server-side apply leaves a key it does not declare to whoever wrote it: the admin's previous key stays.
        Assert.Equal(["kek"], secret.Data.Keys);
    }

    [Fact]
    public void Should_MarkTheGeneratedKeyNeverToBePruned()
    {
        var secret = Plan().Get<V1Secret>("safedrop-acme-kek");

        Assert.Equal(KeyEncryptionKeyBuilder.NeverPruneValue, secret.Metadata.Annotations[KeyEncryptionKeyBuilder.NeverPruneAnnotation]);
    }
}

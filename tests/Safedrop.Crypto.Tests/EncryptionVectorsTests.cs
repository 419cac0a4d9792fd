using Safedrop.Crypto.Tests.Vectors;

namespace Safedrop.Crypto.Tests;

/// <summary>The committed known-answer vectors are what the code produces, and the public API reads them back.</summary>
public sealed class EncryptionVectorsTests
{
    [Fact]
    public void Should_Equal_Committed_Vectors_When_Generated_From_The_Code()
    {
        var generated = VectorFile.Serialize(VectorGenerator.Generate());
        if (Environment.GetEnvironmentVariable(VectorFile.WriteVariable) == "1")
        {
            File.WriteAllText(VectorFile.FilePath, generated);
        }

        Assert.True(File.Exists(VectorFile.FilePath), $"{VectorFile.FilePath} is missing; run this test with {VectorFile.WriteVariable}=1.");
        var committed = File.ReadAllText(VectorFile.FilePath).ReplaceLineEndings("\n");
        Assert.True(committed == generated,
            $"{VectorFile.FilePath} differs from what the code produces. If the format change is intended, regenerate it with "
            + $"{VectorFile.WriteVariable}=1 and update the JavaScript port and docs/encryption.md with it.");
    }

    [Fact]
    public void Should_Derive_Verifier_Hash_And_Keys_When_Given_The_Vector_Inputs()
    {
        var vectors = VectorFile.Load();
        var keycode = Keycode.Parse(vectors.Inputs.Keycode);
        var serverSecret = Base64Url.Decode(vectors.Inputs.ServerSecret);

        var verifier = keycode.DeriveVerifier();
        Assert.Equal(vectors.Derived.Verifier, Base64Url.Encode(verifier));
        Assert.Equal(vectors.Derived.VerifierHash, Base64Url.Encode(KeycodeVerifier.Hash(verifier)));
        Assert.True(KeycodeVerifier.Matches(Base64Url.Decode(vectors.Derived.VerifierHash), verifier));
        Assert.Equal(vectors.Derived.FileKey, Base64Url.Encode(PackageKeys.DeriveFileKey(keycode, serverSecret, vectors.Inputs.PackageId, vectors.Inputs.FileId)));
        Assert.Equal(vectors.Derived.MessageKey, Base64Url.Encode(PackageKeys.DeriveMessageKey(keycode, serverSecret, vectors.Inputs.PackageId)));
    }

    [Fact]
    public void Should_Open_Every_Part_When_Read_From_The_Vectors()
    {
        foreach (var part in VectorFile.Load().Parts)
        {
            using var cipher = new PartCipher(Base64Url.Decode(part.Key), part.PackageId, part.FileId);
            var plaintext = cipher.Open(part.Index, part.IsLast, Base64Url.Decode(part.Sealed));
            Assert.Equal(part.Plaintext, Base64Url.Encode(plaintext));
        }
    }

    [Fact]
    public void Should_Fail_Authentication_When_Opening_The_Vectors_That_Must_Fail()
    {
        var vectors = VectorFile.Load();
        Assert.NotEmpty(vectors.PartsThatMustFail);
        foreach (var part in vectors.PartsThatMustFail)
        {
            using var cipher = new PartCipher(Base64Url.Decode(part.Key), part.PackageId, part.FileId);
            var sealedPart = Base64Url.Decode(part.Sealed);
            var error = Record.Exception(() => cipher.Open(part.Index, part.IsLast, sealedPart));
            Assert.True(error is PartAuthenticationException, $"\"{part.Name}\" must fail authentication, got {error?.GetType().Name ?? "plaintext"}.");
        }
    }

    [Fact]
    public void Should_Unwrap_The_Keycode_When_Given_The_Vector_Device_Key()
    {
        var wrap = VectorFile.Load().DeviceKeyWrap;
        using var recipient = DeviceKeyPair.ImportPkcs8(Base64Url.Decode(wrap.RecipientPrivateKeyPkcs8));
        Assert.Equal(wrap.RecipientPublicKeySpki, recipient.PublicKey);

        var keycode = DeviceKeyWrap.Unwrap(recipient, Base64Url.Decode(wrap.Wrapped), wrap.PackageId);

        Assert.Equal(wrap.Keycode, keycode.ToBase64Url());
        Assert.Throws<KeyUnwrapException>(() => DeviceKeyWrap.Unwrap(recipient, Base64Url.Decode(wrap.Wrapped), wrap.WrongPackageIdMustFail));
    }

    [Fact]
    public void Should_Unwrap_The_Data_Key_When_Given_The_Vector_Kek()
    {
        var wrap = VectorFile.Load().DataKeyWrap;
        var kek = KeyEncryptionKey.Parse(wrap.Kek);
        var wrapper = new DataKeyWrapper(kek);

        Assert.Equal(wrap.KeyId, kek.KeyId);
        Assert.Equal(wrap.DataKey, Base64Url.Encode(wrapper.Unwrap(Base64Url.Decode(wrap.Wrapped), wrap.ObjectKey)));
        Assert.Throws<KeyUnwrapException>(() => wrapper.Unwrap(Base64Url.Decode(wrap.Wrapped), wrap.WrongObjectKeyMustFail));
    }
}

using System.Text;

namespace Safedrop.Crypto.Tests;

public sealed class DataKeyWrapperTests
{
    private const string ObjectKey = "workspaces/team/objects/obj_1";

    [Fact]
    public void Should_Unwrap_The_Data_Key_When_Wrapped_Under_The_Current_Kek()
    {
        var kek = KeyEncryptionKey.Generate();
        var wrapper = new DataKeyWrapper(kek);
        var dataKey = DataKeyWrapper.NewDataKey();

        var wrapped = wrapper.Wrap(dataKey, ObjectKey);

        Assert.Equal(kek.KeyId, DataKeyWrapper.KeyIdOf(wrapped));
        Assert.Equal(dataKey, wrapper.Unwrap(wrapped, ObjectKey));
    }

    [Fact]
    public void Should_Fail_When_The_Wrapped_Key_Belongs_To_Another_Object_Or_An_Unknown_Kek()
    {
        var wrapped = new DataKeyWrapper(KeyEncryptionKey.Generate()).Wrap(DataKeyWrapper.NewDataKey(), ObjectKey);

        Assert.Throws<KeyUnwrapException>(() => new DataKeyWrapper(KeyEncryptionKey.Generate()).Unwrap(wrapped, ObjectKey));
        Assert.Throws<KeyUnwrapException>(() => new DataKeyWrapper(KeyEncryptionKey.Generate()).Unwrap([], ObjectKey));
    }

    [Fact]
    public void Should_Fail_When_Unwrapped_For_Another_Object_Key()
    {
        var wrapper = new DataKeyWrapper(KeyEncryptionKey.Generate());
        var wrapped = wrapper.Wrap(DataKeyWrapper.NewDataKey(), ObjectKey);

        Assert.Throws<KeyUnwrapException>(() => wrapper.Unwrap(wrapped, "workspaces/team/objects/obj_2"));
    }

    [Fact]
    public void Should_Rewrap_Under_The_New_Kek_Without_Touching_The_Data_When_Rotating()
    {
        var oldKek = KeyEncryptionKey.Generate();
        var newKek = KeyEncryptionKey.Generate();
        var dataKey = DataKeyWrapper.NewDataKey();
        var wrapped = new DataKeyWrapper(oldKek).Wrap(dataKey, ObjectKey);
        byte[] sealedPart;
        using (var cipher = new PartCipher(dataKey, "workspace/team", "obj_1"))
        {
            sealedPart = cipher.Seal(0, isLast: true, Encoding.UTF8.GetBytes("stored once"));
        }

        var rotating = new DataKeyWrapper(newKek, [oldKek]);
        Assert.False(rotating.IsCurrent(wrapped));
        var rewrapped = rotating.Rewrap(wrapped, ObjectKey);

        // After rotation the old KEK is gone; the untouched part opens with the data key the new KEK unwraps.
        var afterRotation = new DataKeyWrapper(newKek);
        Assert.True(afterRotation.IsCurrent(rewrapped));
        using var reader = new PartCipher(afterRotation.Unwrap(rewrapped, ObjectKey), "workspace/team", "obj_1");
        Assert.Equal("stored once", Encoding.UTF8.GetString(reader.Open(0, isLast: true, sealedPart)));
        Assert.Throws<KeyUnwrapException>(() => afterRotation.Unwrap(wrapped, ObjectKey));
    }
}

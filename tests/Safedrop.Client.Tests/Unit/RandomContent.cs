using System.Security.Cryptography;

namespace Safedrop.Client.Tests.Unit;

internal static class RandomContent
{
    public const int MiB = 1024 * 1024;

    public static byte[] Bytes(int length) => RandomNumberGenerator.GetBytes(length);

    public static UploadFile File(string name, byte[] content) => UploadFile.FromStream(name, new MemoryStream(content), content.Length);
}

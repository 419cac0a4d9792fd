using System.Security.Cryptography;
using Safedrop.Crypto;

namespace Safedrop.Api.Workflows.Engine.Copy;

/// <summary>
/// The files an event offers for copying, or why it offers none. A package's files hold its keycode and server secret
/// for as long as the copy runs; disposing zeroes both, so they do not linger in the engine's memory.
/// </summary>
public sealed class CopySources : IDisposable
{
    private readonly Keycode? keycode;
    private readonly byte[]? serverSecret;

    private CopySources(IReadOnlyList<CopySource> files, ActionAttempt? failure, Keycode? keycode, byte[]? serverSecret)
    {
        Files = files;
        Failure = failure;
        this.keycode = keycode;
        this.serverSecret = serverSecret;
    }

    public IReadOnlyList<CopySource> Files { get; }

    public ActionAttempt? Failure { get; }

    public static CopySources Of(params IReadOnlyList<CopySource> files) => new(files, null, null, null);

    /// <summary>A package's files, opened with secrets this instance owns from now on.</summary>
    public static CopySources OfPackage(IReadOnlyList<CopySource> files, Keycode keycode, byte[] serverSecret) => new(files, null, keycode, serverSecret);

    public static CopySources None(ActionAttempt failure) => new([], failure, null, null);

    public void Dispose()
    {
        keycode?.Dispose();
        if (serverSecret is not null) CryptographicOperations.ZeroMemory(serverSecret);
    }
}

using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Crypto;

namespace Safedrop.Api.Encryption;

/// <summary>
/// The key-encryption keys in force: the configured ones, or in local mode one kept in
/// <c>keys/kek</c> under the data folder (created on first start, readable by this user only).
/// Every replica of a tenant gets the same key from one Secret, so all of them read each other's records.
/// </summary>
public sealed class KeyEncryptionKeys
{
    public const string LocalKeyFile = "keys/kek";

    public KeyEncryptionKeys(IOptions<KeyEncryptionOptions> options, IOptions<SafedropOptions> mode, IOptions<LocalModeOptions> local)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(local);
        Current = options.Value.Key is { Length: > 0 } configured
            ? KeyEncryptionKey.Parse(configured)
            : mode.Value.Mode == SafedropMode.Local
                ? LocalKey(Path.Combine(local.Value.DataFolder, LocalKeyFile))
                : throw new InvalidOperationException($"{KeyEncryptionOptions.SectionName}:Key is required in cluster mode (the operator sets it from the Organization's key-encryption key Secret).");
        Previous = [.. (options.Value.PreviousKeys ?? "")
            .Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(KeyEncryptionKey.Parse)
            .Where(k => k.KeyId != Current.KeyId)];
    }

    public KeyEncryptionKey Current { get; }

    public IReadOnlyList<KeyEncryptionKey> Previous { get; }

    private static KeyEncryptionKey LocalKey(string path)
    {
        if (File.Exists(path)) return KeyEncryptionKey.Parse(File.ReadAllText(path));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = KeyEncryptionKey.Generate();
        var temporary = path + ".new";
        File.WriteAllText(temporary, key.ToBase64());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            // Two processes starting at once on one folder: the first key written wins, the other reads it.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
        return KeyEncryptionKey.Parse(File.ReadAllText(path));
    }
}

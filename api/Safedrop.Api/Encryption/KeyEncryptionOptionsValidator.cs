using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Crypto;

namespace Safedrop.Api.Encryption;

/// <summary>A cluster needs the key-encryption key from its Secret; a malformed key is refused at start, never at first use.</summary>
public sealed class KeyEncryptionOptionsValidator(IOptions<SafedropOptions> mode) : IValidateOptions<KeyEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            if (mode.Value.Mode == SafedropMode.Cluster)
                failures.Add($"{KeyEncryptionOptions.SectionName}:Key is required in cluster mode (the operator sets it from the Organization's key-encryption key Secret).");
        }
        else if (!Parses(options.Key))
        {
            failures.Add($"{KeyEncryptionOptions.SectionName}:Key must be 32 bytes in base64.");
        }
        if (!(options.PreviousKeys ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).All(Parses))
            failures.Add($"{KeyEncryptionOptions.SectionName}:PreviousKeys must be keys of 32 bytes in base64, separated by commas.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool Parses(string key)
    {
        try
        {
            KeyEncryptionKey.Parse(key);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Safedrop.Resources.Identity;

/// <summary>
/// An identity: an e-mail address compared case-insensitively after trimming, its domain (the part
/// after the last '@') IDN-normalised to punycode. Two spellings of one address normalise to one value.
/// </summary>
public readonly record struct EmailAddress
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    private EmailAddress(string localPart, string domain)
    {
        LocalPart = localPart;
        Domain = domain;
    }

    public string LocalPart { get; }

    /// <summary>Lower-case punycode domain.</summary>
    public string Domain { get; }

    public string Value => LocalPart + "@" + Domain;

    public override string ToString() => Value;

    public static EmailAddress Parse(string raw) =>
        TryParse(raw, out var address) ? address : throw new FormatException($"'{raw}' is not an e-mail address.");

    public static bool TryParse([NotNullWhen(true)] string? raw, out EmailAddress address)
    {
        address = default;
        if (raw is null) return false;
        var trimmed = raw.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.Length > 320) return false;

        var local = trimmed[..at];
        if (local.Length > 64 || local.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '@' or '"')) return false;

        if (!TryNormalizeDomain(trimmed[(at + 1)..], out var domain)) return false;
        address = new EmailAddress(local.ToLowerInvariant(), domain);
        return true;
    }

    /// <summary>Lower-cases and punycode-encodes a domain; false when it is not a valid host name with a dot.</summary>
    public static bool TryNormalizeDomain(string? raw, [NotNullWhen(true)] out string? domain)
    {
        domain = null;
        var trimmed = raw?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(trimmed) || !trimmed.Contains('.', StringComparison.Ordinal)) return false;
        try
        {
            domain = Idn.GetAscii(trimmed).ToLowerInvariant();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static string NormalizeDomain(string raw) =>
        TryNormalizeDomain(raw, out var domain) ? domain : throw new FormatException($"'{raw}' is not a domain name.");
}

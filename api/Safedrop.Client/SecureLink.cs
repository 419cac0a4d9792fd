using System.Diagnostics.CodeAnalysis;
using Safedrop.Crypto;

namespace Safedrop.Client;

/// <summary>
/// A package's secure link, <c>{base}/p/{packageId}#k={keycode}</c>. The keycode sits in the fragment, which browsers
/// never send; this client never sends it either. <see cref="ToString"/> is redacted so that the link cannot reach a
/// log by accident: use <see cref="Url"/> where the whole link is meant to be shown.
/// </summary>
public sealed class SecureLink
{
    private const string PathMarker = "/p/";
    private const string KeycodeMarker = "#k=";

    public SecureLink(Uri baseAddress, string packageId, Keycode? keycode)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(packageId);
        BaseAddress = new Uri(baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        PackageId = packageId;
        Keycode = keycode;
    }

    /// <summary>The server's address, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    public string PackageId { get; }

    /// <summary>Null for a link without a fragment (open it with a device key instead).</summary>
    public Keycode? Keycode { get; }

    /// <summary>The whole link, keycode included: show it to the user who made it, never log it.</summary>
    public string Url => Keycode is null ? UrlWithoutKeycode : UrlWithoutKeycode + KeycodeMarker + Keycode.ToBase64Url();

    /// <summary>The link as e-mails carry it: no keycode.</summary>
    public string UrlWithoutKeycode => BaseAddress.AbsoluteUri + PathMarker[1..] + Uri.EscapeDataString(PackageId);

    /// <exception cref="FormatException">Not a Safedrop package link.</exception>
    public static SecureLink Parse(string text) =>
        TryParse(text, out var link) ? link : throw new FormatException("Not a Safedrop link: expected https://host/p/<package id>#k=<keycode>.");

    public static bool TryParse(string? text, [NotNullWhen(true)] out SecureLink? link)
    {
        link = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = hash < 0 ? text : text[..hash];
        Keycode? keycode = null;
        if (hash >= 0)
        {
            var fragment = text[hash..];
            if (!fragment.StartsWith(KeycodeMarker, StringComparison.Ordinal) || !Keycode.TryParse(fragment[KeycodeMarker.Length..], out keycode)) return false;
        }

        var marker = withoutFragment.LastIndexOf(PathMarker, StringComparison.Ordinal);
        if (marker < 0 || !Uri.TryCreate(withoutFragment[..(marker + 1)], UriKind.Absolute, out var baseAddress)) return false;
        if (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp) return false;
        var packageId = Uri.UnescapeDataString(withoutFragment[(marker + PathMarker.Length)..].TrimEnd('/'));
        if (packageId.Length == 0 || packageId.Contains('/', StringComparison.Ordinal) || packageId.Contains('?', StringComparison.Ordinal)) return false;
        link = new SecureLink(baseAddress, packageId, keycode);
        return true;
    }

    public override string ToString() => Keycode is null ? UrlWithoutKeycode : UrlWithoutKeycode + KeycodeMarker + "(redacted)";
}

namespace Safedrop.Resources.Identity;

/// <summary>
/// Public mailbox providers. Anyone can get an address there, so a shared domain proves no common
/// employer and never grants Sender Domain Access. The list is data: Organizations and Dropzones add to it.
/// </summary>
public static class PersonalDomains
{
    public static readonly IReadOnlyList<string> BuiltIn =
    [
        // From SPEC.md §1.
        "gmail.com", "googlemail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "mail.com",
        "yandex.com", "yandex.ru", "qq.com", "163.com", "126.com", "zoho.com",
        // Their obvious variants: country domains and aliases of the same providers.
        "gmail.co.uk", "googlemail.co.uk",
        "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es", "hotmail.nl", "hotmail.be", "hotmail.ca",
        "outlook.co.uk", "outlook.fr", "outlook.de", "outlook.it", "outlook.es", "outlook.jp", "outlook.com.au",
        "live.co.uk", "live.fr", "live.de", "live.it", "live.nl", "live.ca", "live.com.au", "windowslive.com", "passport.com",
        "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.it", "yahoo.es", "yahoo.ca", "yahoo.co.jp", "yahoo.co.in", "yahoo.com.au",
        "yahoo.com.br", "yahoo.com.mx", "rocketmail.com", "ymail.co.uk",
        "aol.co.uk", "aol.de", "aim.com",
        "protonmail.ch", "pm.me", "proton.ch",
        "gmx.net", "gmx.at", "gmx.ch", "gmx.fr", "gmx.co.uk", "gmx.us",
        "yandex.ua", "yandex.by", "yandex.kz", "ya.ru",
        "foxmail.com", "vip.qq.com", "vip.163.com", "yeah.net",
        "zohomail.com", "zohomail.eu",
    ];

    /// <summary>True when <paramref name="domain"/> (normalised) is one of <paramref name="personal"/> or a subdomain of one.</summary>
    public static bool Contains(IReadOnlySet<string> personal, string domain)
    {
        ArgumentNullException.ThrowIfNull(personal);
        ArgumentNullException.ThrowIfNull(domain);
        for (var candidate = domain; ; )
        {
            if (personal.Contains(candidate)) return true;
            var dot = candidate.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || candidate.IndexOf('.', dot + 1) < 0) return false;
            candidate = candidate[(dot + 1)..];
        }
    }
}

using Safedrop.Resources.Identity;

namespace Safedrop.Api.Packages;

/// <summary>The sent and received boxes of an address: complete, unexpired packages, newest first.</summary>
public sealed class PackageBoxes(PackageStore packages, TimeProvider time)
{
    private const int MaxListed = 500;

    public async Task<IReadOnlyList<PackageSummary>> ListAsync(PackageBox box, EmailAddress owner, CancellationToken cancellationToken)
    {
        var index = box == PackageBox.Sent ? PackageIndex.Sent : PackageIndex.Received;
        var now = time.GetUtcNow();
        var listed = new List<PackageSummary>();
        await foreach (var id in packages.ListAsync(index, PackageStore.AddressKey(owner.Value), cancellationToken))
        {
            if (await packages.GetAsync(id, cancellationToken) is { State: PackageState.Complete } package && package.ExpiresAt > now)
                listed.Add(PackageSummary.From(package));
        }
        return [.. listed.OrderByDescending(p => p.CreatedAt).Take(MaxListed)];
    }
}

public enum PackageBox
{
    Sent,
    Received,
}

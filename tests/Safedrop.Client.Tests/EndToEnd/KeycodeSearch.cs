using System.Text;
using Safedrop.Api.Storage;
using Safedrop.Client.Tests.Hosting;
using Safedrop.Crypto;

namespace Safedrop.Client.Tests.EndToEnd;

/// <summary>Looks for a keycode in every spelling it could leak in: base64url, standard base64, hex, raw bytes.</summary>
internal static class KeycodeSearch
{
    public static IReadOnlyList<byte[]> Spellings(Keycode keycode)
    {
        var raw = keycode.Bytes.ToArray();
        return
        [
            raw,
            Encoding.UTF8.GetBytes(keycode.ToBase64Url()),
            Encoding.UTF8.GetBytes(Convert.ToBase64String(raw)),
            Encoding.UTF8.GetBytes(Convert.ToBase64String(raw).TrimEnd('=')),
            Encoding.UTF8.GetBytes(Convert.ToHexStringLower(raw)),
            Encoding.UTF8.GetBytes(Convert.ToHexString(raw)),
            Encoding.UTF8.GetBytes(Uri.EscapeDataString(keycode.ToBase64Url())),
        ];
    }

    public static void AssertAbsentFromRequests(Keycode keycode, IEnumerable<RecordedRequest> requests)
    {
        var spellings = Spellings(keycode);
        foreach (var request in requests)
        {
            var text = Encoding.UTF8.GetBytes(request.Method + " " + request.Uri.OriginalString + "\n" + string.Join("\n", request.Headers));
            foreach (var spelling in spellings)
            {
                Assert.False(text.AsSpan().IndexOf(spelling) >= 0, $"The keycode appears in the URL or headers of {request.Method} {request.Uri.AbsolutePath}.");
                Assert.False(request.Body.AsSpan().IndexOf(spelling) >= 0, $"The keycode appears in the body of {request.Method} {request.Uri.AbsolutePath}.");
            }
        }
    }

    /// <summary>Every line the API logged, at every level.</summary>
    public static void AssertAbsentFromLogs(Keycode keycode, ApiHost api)
    {
        var logged = Encoding.UTF8.GetBytes(api.Logs.Text);
        Assert.NotEmpty(logged);
        foreach (var spelling in Spellings(keycode)) Assert.False(logged.AsSpan().IndexOf(spelling) >= 0, "The keycode appears in the API's log.");
    }

    /// <summary>Every file under the API's data folder and every object in its store.</summary>
    public static async Task AssertAbsentFromStorageAsync(Keycode keycode, ApiHost api)
    {
        var spellings = Spellings(keycode);
        var searched = 0;
        if (Directory.Exists(api.DataFolder))
        {
            foreach (var file in Directory.EnumerateFiles(api.DataFolder, "*", SearchOption.AllDirectories))
            {
                var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
                foreach (var spelling in spellings) Assert.False(bytes.AsSpan().IndexOf(spelling) >= 0, $"The keycode is stored in {file}.");
                searched++;
            }
        }

        await foreach (var entry in api.Store.ListAsync("", TestContext.Current.CancellationToken))
        {
            await using var stream = await api.Store.OpenReadAsync(entry.Key, TestContext.Current.CancellationToken);
            using var copy = new MemoryStream();
            await stream!.CopyToAsync(copy, TestContext.Current.CancellationToken);
            foreach (var spelling in spellings) Assert.False(copy.ToArray().AsSpan().IndexOf(spelling) >= 0, $"The keycode is stored in object {entry.Key}.");
            searched++;
        }

        Assert.True(searched > 0, "Nothing was searched: the store is empty.");
    }
}

using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube;
using Safedrop.Testing.FakeKube.Patching;

namespace Safedrop.Testing.Tests.FakeKube;

/// <summary>The generated CRDs (crds/) install in the fake, and every example tenant applies cleanly through their schemas and rules.</summary>
public sealed class GeneratedManifestTests : IAsyncLifetime
{
    private FakeKubeServer? server;
    private WireClient? wire;

    private WireClient Wire => wire!;

    public async ValueTask InitializeAsync()
    {
        server = await FakeKubeServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        wire = new WireClient(server);
    }

    public async ValueTask DisposeAsync()
    {
        wire?.Dispose();
        if (server is not null) await server.DisposeAsync();
    }

    [Fact]
    public async Task Should_EstablishEveryGeneratedCrd_When_Installed()
    {
        await InstallCrdsAsync();

        var (_, list) = await Wire.GetAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
        var items = list["items"]!.AsArray();
        Assert.Equal(Directory.GetFiles(RepositoryPaths.Crds, "*.yaml").Length, items.Count);
        Assert.All(items, crd => Assert.Contains(crd!["status"]!["conditions"]!.AsArray(), c => c!["type"]!.GetValue<string>() == "Established"));
    }

    [Fact]
    public async Task Should_AcceptEveryExampleManifest_When_AppliedAfterTheCrds()
    {
        await InstallCrdsAsync();

        foreach (var (path, manifest) in ExampleManifests())
        {
            var (code, body) = await ApplyAsync(manifest);
            Assert.True(code is 200 or 201, $"{path} {manifest["kind"]} {manifest["metadata"]!["name"]}: {code} {body.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Should_WriteNothing_When_ExamplesAreAppliedTwice()
    {
        await InstallCrdsAsync();
        foreach (var (_, manifest) in ExampleManifests()) await ApplyAsync(manifest);
        var mark = server!.Requests.Mark();

        foreach (var (_, manifest) in ExampleManifests()) await ApplyAsync(manifest);

        Assert.Equal(0, server.Requests.MutationsSince(mark));
        Assert.True(server.Requests.WritesSince(mark) > 10);
    }

    private async Task InstallCrdsAsync()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Crds, "*.yaml").Order(StringComparer.Ordinal))
        {
            var crd = YamlJson.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))!;
            var (code, body) = await Wire.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd.ToJsonString());
            Assert.True(code == 201, $"{file}: {code} {body.ToJsonString()}");
        }
    }

    private Task<(int Code, JsonObject Body)> ApplyAsync(JsonObject manifest)
    {
        var apiVersion = manifest["apiVersion"]!.GetValue<string>();
        var kind = manifest["kind"]!.GetValue<string>();
        var name = manifest["metadata"]!["name"]!.GetValue<string>();
        var ns = manifest["metadata"]!["namespace"]?.GetValue<string>();
        var plural = kind switch
        {
            "Namespace" => "namespaces",
            "Secret" => "secrets",
            "ConfigMap" => "configmaps",
            _ => Safedrop.Resources.Model.ResourceKinds.Find(kind)?.Plural ?? throw new InvalidOperationException("unknown kind " + kind),
        };
        var prefix = apiVersion.Contains('/', StringComparison.Ordinal) ? "/apis/" + apiVersion : "/api/" + apiVersion;
        var path = ns is null ? $"{prefix}/{plural}/{name}" : $"{prefix}/namespaces/{ns}/{plural}/{name}";
        return Wire.PatchAsync(path + "?fieldManager=kubectl", manifest.ToJsonString(), "application/apply-patch+yaml");
    }

    private static IEnumerable<(string Path, JsonObject Manifest)> ExampleManifests() =>
        Directory.EnumerateFiles(RepositoryPaths.Examples, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(path => YamlJson.ParseAll(File.ReadAllText(path)).OfType<JsonObject>().Select(m => (Path.GetRelativePath(RepositoryPaths.Root, path), m)));
}

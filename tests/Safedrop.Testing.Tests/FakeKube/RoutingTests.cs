namespace Safedrop.Testing.Tests.FakeKube;

public sealed class RoutingTests : FakeKubeTestBase
{
    [Fact]
    public async Task Should_Return405_When_PostingToANamedObject()
    {
        var (code, status) = await Wire.PostAsync(Fixtures.Dropzones + "/x", Fixtures.Dropzone("x"));

        Assert.Equal(405, code);
        Assert.Equal("MethodNotAllowed", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Return404_When_ResourceIsNotServed()
    {
        var (code, status) = await Wire.GetAsync("/apis/safedrop.io/v1alpha1/namespaces/demo/gadgets");

        Assert.Equal(404, code);
        Assert.Equal("the server could not find the requested resource", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_ListAcrossNamespaces_When_NoNamespaceIsGiven()
    {
        await Wire.PostAsync("/api/v1/namespaces", """{"metadata":{"name":"other"}}""");
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("a"));
        await Wire.PostAsync("/apis/safedrop.io/v1alpha1/namespaces/other/dropzones", Fixtures.Dropzone("b"));

        var (_, list) = await Wire.GetAsync("/apis/safedrop.io/v1alpha1/dropzones");

        Assert.Equal(2, list["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Should_ServeCrdResourcesInDiscovery_When_CrdIsEstablished()
    {
        var (code, resources) = await Wire.GetAsync("/apis/safedrop.io/v1alpha1");

        Assert.Equal(200, code);
        var names = resources["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>());
        Assert.Equal(["dropzones", "dropzones/status"], names);
    }

    [Fact]
    public async Task Should_StopServingResources_When_CrdIsDeleted()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("a"));

        await Wire.DeleteAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/dropzones.safedrop.io");

        Assert.Equal(404, (await Wire.GetAsync(Fixtures.Dropzones)).Code);
    }

    [Fact]
    public async Task Should_NameManagerAfterUserAgent_When_NoFieldManagerIsGiven()
    {
        var (_, body) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("a"));

        Assert.Equal("curl", body["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
    }
}

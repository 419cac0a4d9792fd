using System.Text.Json.Nodes;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Tests.Schema;

public class SchemaDefaultsTests
{
    private static JsonObject Defaulted(string kind, JsonObject resource)
    {
        SchemaDefaults.Apply(resource, SchemaPaths.Crd(kind));
        return resource;
    }

    [Fact]
    public void Should_FillOmittedFields_When_TheyHaveDefaults()
    {
        var resource = JsonNode.Parse("""{"metadata":{"name":"dz"},"spec":{"owner":"alice@acme.example"}}""")!.AsObject();

        var spec = Defaulted("Dropzone", resource)["spec"]!;

        Assert.Equal(30, spec["retentionDays"]!.GetValue<long>());
        Assert.Equal("2Gi", spec["maxFileSize"]!.GetValue<string>());
        Assert.Equal("10Gi", spec["maxPackageSize"]!.GetValue<string>());
        Assert.Equal(100, spec["maxFiles"]!.GetValue<long>());
        Assert.False(spec["senderDomainAccess"]!.GetValue<bool>());
        Assert.Null(spec["members"]);
        Assert.Empty(SchemaValidator.Validate(resource, SchemaPaths.Crd("Dropzone")));
    }

    [Fact]
    public void Should_KeepGivenValues_When_FieldsAreSet()
    {
        var resource = ValidResources.Of("Dropzone").With("spec.retentionDays", "7");

        Assert.Equal(7, Defaulted("Dropzone", resource)["spec"]!["retentionDays"]!.GetValue<int>());
    }

    [Fact]
    public void Should_ReplaceNull_When_TheFieldHasADefault()
    {
        var resource = ValidResources.Of("Dropzone").With("spec.maxFiles", "null");

        Assert.Equal(100, Defaulted("Dropzone", resource)["spec"]!["maxFiles"]!.GetValue<long>());
    }

    [Fact]
    public void Should_LeaveAbsentObjectsAbsent_When_OnlyTheirFieldsHaveDefaults()
    {
        var resource = JsonNode.Parse("""{"spec":{"plan":"Team","domains":["a.example"],"admins":["a@a.example"]}}""")!.AsObject();

        var spec = Defaulted("Organization", resource)["spec"]!.AsObject();

        Assert.Equal(["plan", "domains", "admins"], spec.Select(p => p.Key));
    }

    [Fact]
    public void Should_FillNestedObjects_When_TheyArePresent()
    {
        var resource = JsonNode.Parse("""{"spec":{"features":{"apiKeys":false},"dataRetention":{}}}""")!.AsObject();

        var spec = Defaulted("Organization", resource)["spec"]!;

        Assert.False(spec["features"]!["apiKeys"]!.GetValue<bool>());
        Assert.True(spec["features"]!["externalSharing"]!.GetValue<bool>());
        Assert.Equal("Retain", spec["dataRetention"]!["onDelete"]!.GetValue<string>());
    }

    [Fact]
    public void Should_FillListItems_When_ItemsHaveDefaults()
    {
        var resource = ValidResources.Of("PersonalWorkflow").With("spec.actions[1].copyToWorkspace.folder", JsonEdits.Removed);

        var action = Defaulted("PersonalWorkflow", resource)["spec"]!["actions"]![1]!;

        Assert.Equal("/", action["copyToWorkspace"]!["folder"]!.GetValue<string>());
        Assert.Null(action["webhook"]);
    }

    [Fact]
    public void Should_GiveEachFieldItsOwnCopy_When_TheSameDefaultIsUsedTwice()
    {
        var first = Defaulted("Dropzone", JsonNode.Parse("""{"spec":{}}""")!.AsObject());
        var second = Defaulted("Dropzone", JsonNode.Parse("""{"spec":{}}""")!.AsObject());
        first["spec"]!["maxFileSize"] = "1Gi";

        Assert.Equal("2Gi", second["spec"]!["maxFileSize"]!.GetValue<string>());
    }
}

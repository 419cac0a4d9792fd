using System.Text.Json.Nodes;

namespace Safedrop.Testing.Tests.KubeWire;

/// <summary>The contract comparison itself: silent on a faithful answer, loud on a wrong one.</summary>
public sealed class ShapeComparerTests
{
    public static TheoryData<string> Exchanges() => [.. KubeWireFiles.Load().Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Exchanges))]
    public void Should_FindNoDifference_When_AnswerIsTheRecordingItself(string name)
    {
        var recorded = Load(name);

        Assert.Empty(ShapeComparer.Compare(Replay(recorded, recorded.ResponseValues)));
    }

    [Fact]
    public void Should_IgnoreUidAndTimestamps_When_TheyDiffer()
    {
        var recorded = Load("04-cr-create");
        var answer = Edit(recorded, obj =>
        {
            obj["metadata"]!["uid"] = "other";
            obj["metadata"]!["creationTimestamp"] = "2030-01-01T00:00:00Z";
            obj["metadata"]!["managedFields"]![0]!["time"] = "2030-01-01T00:00:00Z";
        });

        Assert.Empty(ShapeComparer.Compare(Replay(recorded, [answer])));
    }

    [Fact]
    public void Should_ReportDifference_When_GenerationDiffers()
    {
        var recorded = Load("11-cr-merge-patch-spec");
        var answer = Edit(recorded, obj => obj["metadata"]!["generation"] = 1);

        Assert.Contains(ShapeComparer.Compare(Replay(recorded, [answer])), d => d.Contains("generation", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportDifference_When_ManagedFieldSetDiffers()
    {
        var recorded = Load("12-cr-server-side-apply");
        var answer = Edit(recorded, obj => obj["metadata"]!["managedFields"]![0]!["fieldsV1"] = new JsonObject { ["f:spec"] = new JsonObject() });

        Assert.Contains(ShapeComparer.Compare(Replay(recorded, [answer])), d => d.Contains("fieldsV1", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportDifference_When_CauseFieldDiffers()
    {
        var recorded = Load("13-cr-server-side-apply-conflict");
        var answer = Edit(recorded, obj => obj["details"]!["causes"]![0]!["field"] = ".spec.owner");

        Assert.Contains(ShapeComparer.Compare(Replay(recorded, [answer])), d => d.Contains("causes[0].field", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportDifference_When_WatchEventIsMissing()
    {
        var recorded = Load("15-cr-watch-from-rv");

        Assert.NotEmpty(ShapeComparer.Compare(Replay(recorded, [.. recorded.ResponseValues.Skip(1)])));
    }

    [Fact]
    public void Should_ReportDifference_When_StatusCodeDiffers()
    {
        var recorded = Load("19-cr-get-after-delete");

        Assert.NotEmpty(ShapeComparer.Compare(new ReplayedExchange(recorded, 200, recorded.ResponseValues, [])));
    }

    private static HttpExchange Load(string name) => KubeWireFiles.Load().Single(e => e.Name == name);

    private static ReplayedExchange Replay(HttpExchange recorded, IReadOnlyList<JsonNode> answer) => new(recorded, recorded.StatusCode, answer, []);

    private static JsonObject Edit(HttpExchange recorded, Action<JsonObject> change)
    {
        var copy = recorded.ResponseValues[0].DeepClone().AsObject();
        change(copy);
        return copy;
    }
}

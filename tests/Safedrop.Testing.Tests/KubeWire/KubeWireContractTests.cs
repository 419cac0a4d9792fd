namespace Safedrop.Testing.Tests.KubeWire;

/// <summary>The fake answers each request recorded from a real kube-apiserver with a response of the same shape.</summary>
public sealed class KubeWireContractTests(KubeWireReplay replay) : IClassFixture<KubeWireReplay>
{
    public static TheoryData<string> Exchanges() => [.. KubeWireFiles.Load().Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Exchanges))]
    public void Should_AnswerLikeARealApiServer_When_RecordedRequestIsReplayed(string exchange)
    {
        var differences = ShapeComparer.Compare(replay.Results[exchange]);

        Assert.True(differences.Count == 0, exchange + ":\n" + string.Join("\n", differences));
    }

    [Fact]
    public void Should_ReplayEveryRecording_When_FolderIsRead()
    {
        Assert.True(KubeWireFiles.Load().Count >= 23, "expected the 23 recordings in " + KubeWireFiles.Folder);
        Assert.Equal(KubeWireFiles.Load().Count, replay.Results.Count);
    }
}

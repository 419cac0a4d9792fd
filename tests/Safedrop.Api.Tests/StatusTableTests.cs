using Safedrop.Api.Configuration;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Tests;

public class StatusTableTests
{
    [Fact]
    public void Should_AlignColumnsLikeKubectl_When_ResourcesAreFormatted()
    {
        var now = DateTimeOffset.UnixEpoch;
        ResourceState[] resources =
        [
            new("acme", "Organization", "acme", 1, [new("Ready", ConditionStatus.True, "Compiled", "", 1, now)]),
            new("acme", "Dropzone", "invoices", 2, [new("Ready", ConditionStatus.False, "OwnerNotRegistered", "owner is not registered", 2, now)]),
        ];

        var table = StatusTable.Format(resources);

        Assert.Equal(
            """
            NAMESPACE   KIND           NAME       READY   REASON               MESSAGE
            acme        Organization   acme       True    Compiled             
            acme        Dropzone       invoices   False   OwnerNotRegistered   owner is not registered
            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            table);
    }

    [Fact]
    public void Should_ShowUnknown_When_ResourceHasNoReadyCondition()
    {
        var table = StatusTable.Format([new ResourceState("acme", "Workspace", "shared", 1, [])]);

        Assert.Contains("Unknown", table.Split('\n')[1], StringComparison.Ordinal);
    }
}

using Safedrop.Api.Workflows.Engine;
using Safedrop.Api.Workflows.Events;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Tests.Workflows;

/// <summary>The owner filter comes first and no optional filter can widen it.</summary>
public sealed class WorkflowMatcherTests
{
    private const string Owner = "alice@acme.example";
    private const string Other = "bob@acme.example";

    public static TheoryData<string[], string[], string[], string[]> FilterCombinations()
    {
        var data = new TheoryData<string[], string[], string[], string[]>();
        string[][] dropzones = [[], ["support"], ["other"]];
        string[][] workspaces = [[], ["inbox"]];
        string[][] domains = [[], ["customer.example"], ["acme.example"]];
        string[][] patterns = [[], ["*"], ["*.pdf"], ["report.???"]];
        foreach (var d in dropzones)
            foreach (var w in workspaces)
                foreach (var s in domains)
                    foreach (var p in patterns)
                        data.Add(d, w, s, p);
        return data;
    }

    [Theory]
    [MemberData(nameof(FilterCombinations))]
    public void Should_Never_Match_Another_Users_Event_When_Any_Filters_Are_Set(string[] dropzones, string[] workspaces, string[] domains, string[] patterns)
    {
        var config = Config(Workflow(WorkflowTrigger.DropzoneUploadReceived, dropzones, workspaces, domains, patterns));
        foreach (var trigger in Enum.GetValues<WorkflowTrigger>())
        {
            var theirs = Event(trigger, Other);
            Assert.Empty(WorkflowMatcher.Match(config, theirs));
        }
    }

    [Theory]
    [InlineData(new string[0], new string[0], new string[0], true)]
    [InlineData(new[] { "support" }, new string[0], new string[0], true)]
    [InlineData(new[] { "other" }, new string[0], new string[0], false)]
    [InlineData(new string[0], new[] { "customer.example" }, new string[0], true)]
    [InlineData(new string[0], new[] { "acme.example" }, new string[0], false)]
    [InlineData(new string[0], new string[0], new[] { "*.PDF" }, true)]
    [InlineData(new string[0], new string[0], new[] { "report.???" }, true)]
    [InlineData(new string[0], new string[0], new[] { "*.zip" }, false)]
    [InlineData(new[] { "support" }, new[] { "customer.example" }, new[] { "*.zip" }, false)]
    public void Should_Only_Narrow_The_Owners_Events_When_Filters_Are_Set(string[] dropzones, string[] domains, string[] patterns, bool matches)
    {
        var config = Config(Workflow(WorkflowTrigger.DropzoneUploadReceived, dropzones, [], domains, patterns));

        Assert.Equal(matches, WorkflowMatcher.Match(config, Event(WorkflowTrigger.DropzoneUploadReceived, Owner)).Count == 1);
        Assert.Empty(WorkflowMatcher.Match(config, Event(WorkflowTrigger.PackageReceived, Owner)));
    }

    [Fact]
    public void Should_Skip_Disabled_Workflows_When_Matching()
    {
        var config = Config(Workflow(WorkflowTrigger.DropzoneUploadReceived, [], [], [], []) with { Enabled = false });

        Assert.Empty(WorkflowMatcher.Match(config, Event(WorkflowTrigger.DropzoneUploadReceived, Owner)));
    }

    private static WorkflowEvent Event(WorkflowTrigger trigger, string owner) =>
        new("e1", trigger, DateTimeOffset.UnixEpoch, owner)
        {
            PackageId = "p1",
            Dropzone = "support",
            Workspace = "inbox",
            Sender = "jane@customer.example",
            FileNames = ["report.pdf", "notes.txt"],
        };

    private static CompiledWorkflow Workflow(WorkflowTrigger trigger, string[] dropzones, string[] workspaces, string[] domains, string[] patterns) => new()
    {
        Name = "w",
        Owner = Owner,
        Enabled = true,
        Trigger = trigger,
        Filters = new WorkflowFilters { Dropzones = [.. dropzones], Workspaces = [.. workspaces], SenderDomains = [.. domains], FileNamePatterns = [.. patterns] },
        Actions = [new WorkflowAction { Email = new EmailAction() }],
    };

    private static TenantConfig Config(CompiledWorkflow workflow) => TenantConfig.Empty("acme") with
    {
        Workflows = new Dictionary<string, CompiledWorkflow> { [workflow.Name] = workflow },
    };
}

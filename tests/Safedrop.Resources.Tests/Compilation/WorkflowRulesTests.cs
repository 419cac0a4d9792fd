using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Resources.Tests.Compilation;

public class WorkflowRulesTests
{
    private static readonly SecurityGroup Robots = AGroup("robots", [Permission.PersonalWorkflows, Permission.WorkspaceOwnership], "robot@acme.example", "other@acme.example");

    [Fact]
    public void Should_RefuseTheSixthWorkflowOfAnOwnerByCreationTime()
    {
        // Created in reverse name order, so only creation time can pick the sixth.
        var workflows = Enumerable.Range(0, 6).Select(i => AWorkflow($"wf-{5 - i}", createdMinute: i)).ToArray();

        var result = Compile([AnOrganization(), Robots, .. workflows]);

        Assert.Equal("LimitExceeded", result.ReadyOrReason(PersonalWorkflow.KindName, "wf-0"));
        Assert.All(new[] { "wf-1", "wf-2", "wf-3", "wf-4", "wf-5" }, n => Assert.Equal("True", result.ReadyOrReason(PersonalWorkflow.KindName, n)));
        Assert.DoesNotContain("wf-0", result.Config.Workflows.Keys);
    }

    [Fact]
    public void Should_BreakCreationTimeTiesByName()
    {
        var workflows = new[] { "f", "e", "d", "c", "b", "a" }.Select(n => AWorkflow(n, createdMinute: 0)).ToArray();

        var result = Compile([AnOrganization(), Robots, .. workflows]);

        Assert.Equal("LimitExceeded", result.ReadyOrReason(PersonalWorkflow.KindName, "f"));
        Assert.Equal("True", result.ReadyOrReason(PersonalWorkflow.KindName, "e"));
    }

    [Fact]
    public void Should_CountEachOwnerSeparately_And_CountDisabledWorkflows()
    {
        var mine = Enumerable.Range(0, 5).Select(i => AWorkflow($"mine-{i}", createdMinute: i, configure: s => s.Enabled = i != 0)).ToArray();

        var result = Compile([AnOrganization(), Robots, .. mine, AWorkflow("theirs", "other@acme.example", 99), AWorkflow("mine-5", createdMinute: 50)]);

        Assert.Equal("True", result.ReadyOrReason(PersonalWorkflow.KindName, "theirs"));
        Assert.Equal("LimitExceeded", result.ReadyOrReason(PersonalWorkflow.KindName, "mine-5"));
        Assert.False(result.Config.Workflows["mine-0"].Enabled);
    }

    [Fact]
    public void Should_RefuseAnOwnerChange_When_TheWorkflowWasCompiledBefore()
    {
        var before = Compile(AnOrganization(), Robots, AWorkflow("notify"));

        var after = Compile(before.Config, null, AnOrganization(), Robots, AWorkflow("notify", "other@acme.example").WithGeneration(2));

        Assert.Equal("OwnerImmutable", after.ReadyOrReason(PersonalWorkflow.KindName, "notify"));
        Assert.DoesNotContain("notify", after.Config.Workflows.Keys);
    }

    public static TheoryData<string, Action<PersonalWorkflowSpec>, string> Actions => new()
    {
        { "https webhook", s => s.Actions = [Webhook("https://hooks.partner.example/safedrop")], "True" },
        { "http to localhost", s => s.Actions = [Webhook("http://127.0.0.1:9000/hook")], "True" },
        { "plain http", s => s.Actions = [Webhook("http://hooks.partner.example/")], "InvalidAction" },
        { "two kinds in one action", s => s.Actions = [new WorkflowAction { Webhook = Webhook("https://x.example/").Webhook, Email = new EmailAction() }], "InvalidAction" },
        { "copy to own workspace", s => s.Actions = [Copy("robot-files")], "True" },
        { "copy to unknown workspace", s => s.Actions = [Copy("nowhere")], "UnknownReference" },
        { "copy to workspace without write role", s => s.Actions = [Copy("others-files")], "MissingPermission" },
        { "e-mail an external address", s => s.Actions = [new WorkflowAction { Email = new EmailAction { To = ["eve@partner.example"] } }], "InvalidAction" },
        { "filter on unknown dropzone", s => s.Filters.Dropzones = ["nowhere"], "UnknownReference" },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public void Should_CheckActionsAndFilters(string because, Action<PersonalWorkflowSpec> configure, string expected)
    {
        var result = Compile(AnOrganization(), Robots,
            AWorkspace("robot-files", "robot@acme.example"),
            AWorkspace("others-files", "other@acme.example", collaborators: ("robot@acme.example", CollaboratorRole.View)),
            AWorkflow("notify", configure: configure));

        Assert.True(expected == result.ReadyOrReason(PersonalWorkflow.KindName, "notify"), because);
    }

    [Fact]
    public void Should_KeepTheLastValidForm_When_AnAuthorizedWorkflowGetsAnInvalidAction()
    {
        var before = Compile(AnOrganization(), Robots, AWorkflow("notify"));

        var after = Compile(before.Config, null, AnOrganization(), Robots,
            AWorkflow("notify", configure: s => s.Actions = [Webhook("http://hooks.partner.example/")]).WithGeneration(2));

        Assert.Equal("InvalidAction", after.ReadyOrReason(PersonalWorkflow.KindName, "notify"));
        Assert.Equal(1, after.Config.Workflows["notify"].Generation);
        Assert.Contains("generation 1", after.Find(PersonalWorkflow.KindName, "notify")!.Message);
    }

    public static TheoryData<string, bool, string> CopyingOwners => new()
    {
        { "TrustedDeviceKeys unrestricted", false, "True" },
        { "TrustedDeviceKeys granted to others only", true, "MissingPermission" },
    };

    [Theory]
    [MemberData(nameof(CopyingOwners))]
    public void Should_LetOnlyHoldersOfTrustedDeviceKeysCopyPackages(string because, bool restrictDeviceKeys, string expected)
    {
        SecurityGroup[] groups = restrictDeviceKeys ? [Robots, AGroup("devices", [Permission.TrustedDeviceKeys], "other@acme.example")] : [Robots];

        var result = Compile([AnOrganization(), .. groups, AWorkspace("robot-files", "robot@acme.example"),
            AWorkflow("copier", configure: s => s.Actions = [Copy("robot-files")]),
            AWorkflow("notifier", configure: s => s.Actions = [Webhook("https://hooks.partner.example/safedrop")])]);

        Assert.True(expected == result.ReadyOrReason(PersonalWorkflow.KindName, "copier"), because);
        Assert.Equal(expected == "True", result.Config.Workflows.ContainsKey("copier"));
        // Only the copy action needs a device key: the owner's other workflows run either way.
        Assert.Equal("True", result.ReadyOrReason(PersonalWorkflow.KindName, "notifier"));
    }

    [Fact]
    public void Should_TakeACopyingWorkflowOutOfForceAtOnce_When_TheSwitchTurnsDeviceKeysOff()
    {
        ISafedropResource[] rest = [Robots, AWorkspace("robot-files", "robot@acme.example"), AWorkflow("copier", configure: s => s.Actions = [Copy("robot-files")])];
        var before = Compile([AnOrganization(), .. rest]);

        var after = Compile(before.Config, null, [AnOrganization(configure: o => o.Features.TrustedDeviceKeys = false), .. rest]);

        Assert.Equal("True", before.ReadyOrReason(PersonalWorkflow.KindName, "copier"));
        Assert.Equal("MissingPermission", after.ReadyOrReason(PersonalWorkflow.KindName, "copier"));
        Assert.Contains("TrustedDeviceKeys", after.Find(PersonalWorkflow.KindName, "copier")!.Message);
        Assert.DoesNotContain("copier", after.Config.Workflows.Keys);
    }

    private static WorkflowAction Webhook(string url) =>
        new() { Webhook = new WebhookAction { Url = url, SecretRef = new SecretKeyReference { Name = "hook" } } };

    private static WorkflowAction Copy(string workspace) =>
        new() { CopyToWorkspace = new CopyToWorkspaceAction { Workspace = workspace, Folder = "/inbox" } };
}

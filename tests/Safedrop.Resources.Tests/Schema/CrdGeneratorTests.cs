using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;
using Safedrop.Testing;

namespace Safedrop.Resources.Tests.Schema;

public class CrdGeneratorTests
{
    private const string Regenerate = "Regenerate them from the repository root with: dotnet run --project operator/Safedrop.Operator -- crds crds";

    public static TheoryData<string> Kinds => [.. ValidResources.Kinds];

    private static V1CustomResourceDefinition Crd(string kind) => CrdGenerator.Generate(ResourceKinds.Find(kind)!.Type);

    [Fact]
    public void Should_MatchTheCommittedFiles_When_CrdsFolderIsUpToDate()
    {
        var stale = new List<string>();
        foreach (var crd in CrdGenerator.GenerateAll())
        {
            var path = Path.Combine(RepositoryPaths.Crds, CrdGenerator.FileName(crd));
            if (!File.Exists(path)) stale.Add($"{CrdGenerator.FileName(crd)} is missing");
            // Line endings aside (a Windows checkout may convert them), the file must be what the generator writes.
            else if (File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n") != CrdGenerator.ToYaml(crd)) stale.Add($"{CrdGenerator.FileName(crd)} differs from the C# types");
        }

        Assert.True(stale.Count == 0, $"crds/ is stale: {string.Join("; ", stale)}. {Regenerate}");
    }

    [Fact]
    public void Should_HoldNoOtherFiles_When_CrdsFolderIsUpToDate()
    {
        var expected = CrdGenerator.GenerateAll().Select(CrdGenerator.FileName).ToHashSet();
        var extra = Directory.GetFiles(RepositoryPaths.Crds).Select(Path.GetFileName).Where(f => !expected.Contains(f!)).ToList();

        Assert.True(extra.Count == 0, $"crds/ holds files no kind generates: {string.Join(", ", extra)}. Delete them. {Regenerate}");
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_ParseBackStrictly_When_LoadedWithKubernetesYaml(string kind)
    {
        var yaml = CrdGenerator.ToYaml(Crd(kind));

        var objects = KubernetesYaml.LoadAllFromString(yaml, strict: true);

        var crd = Assert.IsType<V1CustomResourceDefinition>(Assert.Single(objects));
        Assert.Equal(kind, crd.Spec.Names.Kind);
        Assert.Equal(yaml, CrdGenerator.ToYaml(crd));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_WriteHeaderCommentAndFinalNewline_When_Serialized(string kind)
    {
        var yaml = CrdGenerator.ToYaml(Crd(kind));

        Assert.StartsWith(
            "# Generated from the C# types by: dotnet run --project operator/Safedrop.Operator -- crds crds. Do not edit.\napiVersion: apiextensions.k8s.io/v1\n",
            yaml, StringComparison.Ordinal);
        Assert.EndsWith("\n", yaml, StringComparison.Ordinal);
        Assert.False(yaml.EndsWith("\n\n", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', yaml);
    }

    [Fact]
    public void Should_WriteTheSameText_When_GeneratedTwice() =>
        Assert.Equal(CrdGenerator.ToYaml(Crd("Organization")), CrdGenerator.ToYaml(Crd("Organization")));

    [Theory]
    [InlineData("Organization", "organizations", "org")]
    [InlineData("Dropzone", "dropzones", "dz")]
    [InlineData("SecurityGroup", "securitygroups", "sg")]
    [InlineData("Workspace", "workspaces", "ws")]
    [InlineData("PersonalWorkflow", "personalworkflows", "pwf")]
    public void Should_NameTheKindForKubectl_When_Generated(string kind, string plural, string shortName)
    {
        var crd = Crd(kind);

        Assert.Equal($"{plural}.safedrop.io", crd.Metadata.Name);
        Assert.Equal($"{plural}.safedrop.io.yaml", CrdGenerator.FileName(crd));
        Assert.Equal("safedrop.io", crd.Spec.Group);
        Assert.Equal(kind, crd.Spec.Names.Kind);
        Assert.Equal(kind + "List", crd.Spec.Names.ListKind);
        Assert.Equal(plural, crd.Spec.Names.Plural);
        Assert.Equal(kind.ToLowerInvariant(), crd.Spec.Names.Singular);
        Assert.Equal([shortName], crd.Spec.Names.ShortNames);
        Assert.Equal(["safedrop"], crd.Spec.Names.Categories);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_ServeOneNamespacedStorageVersion_When_Generated(string kind)
    {
        var crd = Crd(kind);

        Assert.Equal("Namespaced", crd.Spec.Scope);
        var version = Assert.Single(crd.Spec.Versions);
        Assert.Equal("v1alpha1", version.Name);
        Assert.True(version.Served);
        Assert.True(version.Storage);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_EnableTheStatusSubresource_When_Generated(string kind)
    {
        var version = Crd(kind).Spec.Versions[0];

        Assert.NotNull(version.Subresources?.Status);
        Assert.Null(version.Subresources.Scale);
        Assert.Contains("subresources:\n      status: {}\n", CrdGenerator.ToYaml(Crd(kind)), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ShowReadyReasonTheKindsColumnsThenAge_When_Generated()
    {
        var columns = Crd("Dropzone").Spec.Versions[0].AdditionalPrinterColumns;

        Assert.Equal(["Ready", "Reason", "Owner", "SenderDomainAccess", "URL", "Age"], columns.Select(c => c.Name));
        Assert.Equal(".status.conditions[?(@.type==\"Ready\")].status", columns[0].JsonPath);
        Assert.Equal(".status.conditions[?(@.type==\"Ready\")].reason", columns[1].JsonPath);
        Assert.Equal(("boolean", ".status.senderDomainAccess"), (columns[3].Type, columns[3].JsonPath));
        Assert.Equal(1, columns[4].Priority);
        Assert.Null(columns[2].Priority);
        Assert.Equal(("date", ".metadata.creationTimestamp"), (columns[5].Type, columns[5].JsonPath));
    }

    [Fact]
    public void Should_OrderTheKindsColumnsByOrder_When_Generated()
    {
        var columns = Crd("PersonalWorkflow").Spec.Versions[0].AdditionalPrinterColumns;

        Assert.Equal(["Ready", "Reason", "Owner", "Trigger", "Enabled", "Runs", "Age"], columns.Select(c => c.Name));
    }

    [Fact]
    public void Should_MakeTheOwnerImmutable_When_PersonalWorkflow()
    {
        var owner = SchemaPaths.Crd("PersonalWorkflow").At("spec.owner");

        var rule = Assert.Single(owner.XKubernetesValidations);
        Assert.Equal("self == oldSelf", rule.Rule);
        Assert.StartsWith("spec.owner is immutable", rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PutClassRulesOnTheClassNode_When_TheClassIsAListItem()
    {
        var collaborator = SchemaPaths.Crd("Workspace").At("spec.collaborators[]");

        var rule = Assert.Single(collaborator.XKubernetesValidations);
        Assert.Equal("!has(self.external) || !self.external || self.role != 'CoOwner'", rule.Rule);
        Assert.Equal(".role", rule.FieldPath);
        Assert.Null(SchemaPaths.Crd("Workspace").At("spec.collaborators").XKubernetesValidations);
    }

    [Fact]
    public void Should_PutSpecRulesOnSpec_When_TheSpecClassHasARule()
    {
        var rule = Assert.Single(SchemaPaths.Crd("SecurityGroup").At("spec").XKubernetesValidations);

        Assert.Equal(".dropzones", rule.FieldPath);
        Assert.Contains("DropzoneManager", rule.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Organization", "spec.plan", new[] { "Team", "Business", "Enterprise" })]
    [InlineData("Organization", "spec.dataRetention.onDelete", new[] { "Retain", "Delete" })]
    [InlineData("Workspace", "spec.collaborators[].role", new[] { "View", "Modify", "CoOwner" })]
    [InlineData("PersonalWorkflow", "spec.trigger", new[] { "PackageReceived", "PackageSent", "TransferCompleted", "DropzoneUploadReceived", "WorkspaceFileUploaded" })]
    [InlineData("SecurityGroup", "spec.permissions[]", new[] { "WorkspaceOwnership", "DropzoneOwnership", "DropzoneManager", "ApiKeys", "TrustedDeviceKeys", "PersonalWorkflows", "InviteExternalUsers" })]
    [InlineData("Dropzone", "status.conditions[].status", new[] { "True", "False", "Unknown" })]
    public void Should_ListTheEnumMembersAsStrings_When_PropertyIsAnEnum(string kind, string path, string[] members)
    {
        var node = SchemaPaths.Crd(kind).At(path);

        Assert.Equal("string", node.Type);
        Assert.Equal(members, node.EnumProperty.Cast<string>());
    }

    [Theory]
    [InlineData("Dropzone", "spec.members", 500)]
    [InlineData("Organization", "spec.domains", 100)]
    [InlineData("SecurityGroup", "spec.permissions", 32)]
    [InlineData("PersonalWorkflow", "spec.filters.fileNamePatterns", 50)]
    public void Should_MarkTheListAsASet_When_PropertyHasSet(string kind, string path, long maxItems)
    {
        var list = SchemaPaths.Crd(kind).At(path);

        Assert.Equal("array", list.Type);
        Assert.Equal("set", list.XKubernetesListType);
        Assert.Null(list.XKubernetesListMapKeys);
        Assert.Equal(maxItems, list.MaxItems);
    }

    [Fact]
    public void Should_PutStringRulesOnTheItems_When_AListOfStringsHasThem()
    {
        var members = SchemaPaths.Crd("Dropzone").At("spec.members");
        var patterns = SchemaPaths.Crd("PersonalWorkflow").At("spec.filters.fileNamePatterns");

        Assert.Null(members.Pattern);
        Assert.Equal(Patterns.Email, ((V1JSONSchemaProps)members.Items).Pattern);
        Assert.Equal((1L, 256L), (((V1JSONSchemaProps)patterns.Items).MinLength, ((V1JSONSchemaProps)patterns.Items).MaxLength));
        Assert.Null(patterns.MinLength);
    }

    [Fact]
    public void Should_KeyCollaboratorsByEmail_When_PropertyHasListMapKeys()
    {
        var collaborators = SchemaPaths.Crd("Workspace").At("spec.collaborators");

        Assert.Equal("map", collaborators.XKubernetesListType);
        Assert.Equal(["email"], collaborators.XKubernetesListMapKeys);
        Assert.Contains("email", ((V1JSONSchemaProps)collaborators.Items).Required);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_KeyConditionsByType_When_StatusHasConditions(string kind)
    {
        var conditions = SchemaPaths.Crd(kind).At("status.conditions");

        Assert.Equal("map", conditions.XKubernetesListType);
        Assert.Equal(["type"], conditions.XKubernetesListMapKeys);
        Assert.Equal(["lastTransitionTime", "reason", "status", "type"], ((V1JSONSchemaProps)conditions.Items).Required);
    }

    [Theory]
    [InlineData("Dropzone", "spec.maxFileSize", "2Gi")]
    [InlineData("Workspace", "spec.quota", "10Gi")]
    [InlineData("Organization", "spec.platform.storage.managed.size", "10Gi")]
    [InlineData("Organization", "spec.platform.api.resources.limits.cpu", null)]
    public void Should_UseTheKubernetesQuantityShape_When_PropertyIsAQuantity(string kind, string path, string? defaultValue)
    {
        var quantity = SchemaPaths.Crd(kind).At(path);

        Assert.Null(quantity.Type);
        Assert.True(quantity.XKubernetesIntOrString);
        Assert.Equal(["integer", "string"], quantity.AnyOf.Select(s => s.Type));
        Assert.Equal(Patterns.Quantity, quantity.Pattern);
        Assert.Equal(defaultValue, quantity.DefaultProperty);
    }

    [Fact]
    public void Should_DescribeTopLevelFieldsAsKubernetesDoes_When_Generated()
    {
        var root = SchemaPaths.Crd("Dropzone");

        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], root.Properties.Keys);
        Assert.Equal(["spec"], root.Required);
        Assert.Equal(("string", "string"), (root.At("apiVersion").Type, root.At("kind").Type));
        Assert.StartsWith("An upload point", root.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_DeclareMetadataAsAPlainObject_When_Generated()
    {
        var metadata = SchemaPaths.Crd("Workspace").At("metadata");

        Assert.Equal(KubernetesJson.Serialize(new V1JSONSchemaProps { Type = "object" }), KubernetesJson.Serialize(metadata));
    }

    [Fact]
    public void Should_NameFieldsInCamelCase_When_Generated()
    {
        var spec = SchemaPaths.Crd("Dropzone").At("spec");

        Assert.Equal(
            ["allowedExtensions", "description", "displayName", "maxFileSize", "maxFiles", "maxPackageSize", "members", "owner", "personalDomains", "retentionDays", "senderDomainAccess"],
            spec.Properties.Keys);
        Assert.Equal(["owner"], spec.Required);
    }

    [Theory]
    [InlineData("Dropzone", "spec.retentionDays", "integer", "int32")]
    [InlineData("Workspace", "status.usedBytes", "integer", "int64")]
    [InlineData("Dropzone", "spec.senderDomainAccess", "boolean", null)]
    [InlineData("Dropzone", "spec.owner", "string", null)]
    [InlineData("Dropzone", "status.conditions[].lastTransitionTime", "string", "date-time")]
    [InlineData("PersonalWorkflow", "status.lastRun.startedAt", "string", "date-time")]
    [InlineData("PersonalWorkflow", "spec.actions[].webhook.url", "string", "uri")]
    [InlineData("Organization", "spec.features", "object", null)]
    [InlineData("PersonalWorkflow", "spec.actions", "array", null)]
    public void Should_MapTheCSharpType_When_Generated(string kind, string path, string type, string? format)
    {
        var node = SchemaPaths.Crd(kind).At(path);

        Assert.Equal((type, format), (node.Type, node.Format));
    }

    [Theory]
    [InlineData("Dropzone", "spec.retentionDays", "30")]
    [InlineData("Dropzone", "spec.senderDomainAccess", "false")]
    [InlineData("Dropzone", "spec.maxFileSize", "\"2Gi\"")]
    [InlineData("Organization", "spec.dataRetention.onDelete", "\"Retain\"")]
    [InlineData("Organization", "spec.pin.length", "8")]
    [InlineData("PersonalWorkflow", "spec.actions[].copyToWorkspace.folder", "\"/\"")]
    public void Should_WriteTheDefault_When_PropertyHasDefault(string kind, string path, string json)
    {
        var node = SchemaPaths.Crd(kind).At(path);

        Assert.Equal(json, JsonSerializer.Serialize(node.DefaultProperty));
    }

    [Fact]
    public void Should_WriteBoundsFromRangeLengthAndItems_When_PropertyHasThem()
    {
        var spec = SchemaPaths.Crd("Dropzone").At("spec");

        Assert.Equal((1d, 3650d), (spec.At("retentionDays").Minimum, spec.At("retentionDays").Maximum));
        Assert.Equal((3L, 320L), (spec.At("owner").MinLength, spec.At("owner").MaxLength));
        Assert.Equal((null, 200L), (spec.At("displayName").MinLength, spec.At("displayName").MaxLength));
        Assert.Equal((1L, 100L), (SchemaPaths.Crd("Organization").At("spec.domains").MinItems, SchemaPaths.Crd("Organization").At("spec.domains").MaxItems));
        Assert.Null(spec.At("members").MinItems);
    }

    [Fact]
    public void Should_PreferThePropertysDescription_When_BothPropertyAndClassHaveOne()
    {
        var spec = SchemaPaths.Crd("Organization").At("spec");

        Assert.Equal("Organization-wide feature switches: turn a feature off for the whole tenant in one line.", spec.At("features").Description);
        Assert.Equal("One aspect of the resource's state, in the shape of metav1.Condition.", SchemaPaths.Crd("Organization").At("status.conditions[]").Description);
        Assert.Equal("Observed state of the tenant.", SchemaPaths.Crd("Organization").At("status").Description);
    }

    [Fact]
    public void Should_ReadAsSpecOfTheKind_When_TheSpecClassHasNoDescription() =>
        Assert.Equal("Desired state of the Dropzone.", SchemaPaths.Crd("Dropzone").At("spec").Description);
}

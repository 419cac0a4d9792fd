using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;
using Safedrop.Testing;

namespace Safedrop.Resources.Tests.Schema;

public class SchemaValidatorTests
{
    private const string Removed = JsonEdits.Removed;

    public static TheoryData<string> Kinds => [.. ValidResources.Kinds];

    private static IReadOnlyList<SchemaViolation> Validate(string kind, JsonNode resource) =>
        SchemaValidator.Validate(resource, SchemaPaths.Crd(kind));

    private static string Many(int count, Func<int, string> item) => "[" + string.Join(",", Enumerable.Range(0, count).Select(item)) + "]";

    [Theory, MemberData(nameof(Kinds))]
    public void Should_Pass_When_AResourceIsCompleteAndValid(string kind) =>
        Assert.Empty(Validate(kind, ValidResources.Of(kind)));

    /// <summary>kind, field set (JSON, or removed), expected violation: field, reason, message.</summary>
    public static TheoryData<string, string, string, string, string, string> Violations => new()
    {
        // types
        { "Dropzone", "spec.retentionDays", "\"30\"", "spec.retentionDays", "FieldValueTypeInvalid", "Invalid value: \"string\": spec.retentionDays in body must be of type integer: \"string\"" },
        { "Dropzone", "spec.retentionDays", "1.5", "spec.retentionDays", "FieldValueTypeInvalid", "Invalid value: \"number\": spec.retentionDays in body must be of type integer: \"number\"" },
        { "Dropzone", "spec.senderDomainAccess", "\"yes\"", "spec.senderDomainAccess", "FieldValueTypeInvalid", "Invalid value: \"string\": spec.senderDomainAccess in body must be of type boolean: \"string\"" },
        { "Dropzone", "spec.members", "\"bob@acme.example\"", "spec.members", "FieldValueTypeInvalid", "Invalid value: \"string\": spec.members in body must be of type array: \"string\"" },
        { "Dropzone", "spec.members[0]", "null", "spec.members[0]", "FieldValueTypeInvalid", "Invalid value: \"null\": spec.members[0] in body must be of type string: \"null\"" },
        { "Dropzone", "spec.owner", "42", "spec.owner", "FieldValueTypeInvalid", "Invalid value: \"integer\": spec.owner in body must be of type string: \"integer\"" },
        { "Organization", "spec.features", "\"on\"", "spec.features", "FieldValueTypeInvalid", "Invalid value: \"string\": spec.features in body must be of type object: \"string\"" },
        { "Dropzone", "spec", "[]", "spec", "FieldValueTypeInvalid", "Invalid value: \"array\": spec in body must be of type object: \"array\"" },
        // int-or-string quantities
        { "Dropzone", "spec.maxFileSize", "\"ten\"", "spec.maxFileSize", "FieldValueInvalid", $"Invalid value: \"ten\": spec.maxFileSize in body should match '{Patterns.Quantity}'" },
        { "Dropzone", "spec.maxFileSize", "true", "spec.maxFileSize", "FieldValueTypeInvalid", "Invalid value: \"boolean\": spec.maxFileSize in body must be of type integer,string: \"boolean\"" },
        { "Organization", "spec.platform.api.resources.limits.cpu", "1.5", "spec.platform.api.resources.limits.cpu", "FieldValueTypeInvalid", "Invalid value: \"number\": spec.platform.api.resources.limits.cpu in body must be of type integer,string: \"number\"" },
        // required
        { "Dropzone", "spec.owner", Removed, "spec.owner", "FieldValueRequired", "Required value" },
        { "Dropzone", "spec.owner", "null", "spec.owner", "FieldValueRequired", "Required value" },
        { "Dropzone", "spec", Removed, "spec", "FieldValueRequired", "Required value" },
        { "Workspace", "spec.collaborators[0].email", Removed, "spec.collaborators[0].email", "FieldValueRequired", "Required value" },
        { "PersonalWorkflow", "spec.actions[0].webhook.secretRef", Removed, "spec.actions[0].webhook.secretRef", "FieldValueRequired", "Required value" },
        { "Dropzone", "metadata.name", Removed, "metadata.name", "FieldValueRequired", "Required value: name or generateName is required" },
        { "Dropzone", "metadata", Removed, "metadata.name", "FieldValueRequired", "Required value: name or generateName is required" },
        // enums
        { "Organization", "spec.plan", "\"Gold\"", "spec.plan", "FieldValueNotSupported", "Unsupported value: \"Gold\": supported values: \"Team\", \"Business\", \"Enterprise\"" },
        { "Workspace", "spec.collaborators[1].role", "\"Owner\"", "spec.collaborators[1].role", "FieldValueNotSupported", "Unsupported value: \"Owner\": supported values: \"View\", \"Modify\", \"CoOwner\"" },
        { "SecurityGroup", "spec.permissions[1]", "\"Everything\"", "spec.permissions[1]", "FieldValueNotSupported", "Unsupported value: \"Everything\": supported values: \"WorkspaceOwnership\", \"DropzoneOwnership\", \"DropzoneManager\", \"ApiKeys\", \"TrustedDeviceKeys\", \"PersonalWorkflows\", \"InviteExternalUsers\"" },
        { "Dropzone", "status.conditions[0].status", "\"Yes\"", "status.conditions[0].status", "FieldValueNotSupported", "Unsupported value: \"Yes\": supported values: \"True\", \"False\", \"Unknown\"" },
        // patterns
        { "Dropzone", "spec.members[1]", "\"carol\"", "spec.members[1]", "FieldValueInvalid", $"Invalid value: \"carol\": spec.members[1] in body should match '{Patterns.Email}'" },
        { "Dropzone", "spec.allowedExtensions[0]", "\"pdf\"", "spec.allowedExtensions[0]", "FieldValueInvalid", "Invalid value: \"pdf\": spec.allowedExtensions[0] in body should match '^\\.[A-Za-z0-9]{1,16}$'" },
        { "SecurityGroup", "spec.dropzones[0]", "\"Support Desk\"", "spec.dropzones[0]", "FieldValueInvalid", $"Invalid value: \"Support Desk\": spec.dropzones[0] in body should match '{Patterns.DnsSubdomain}'" },
        { "PersonalWorkflow", "spec.actions[1].copyToWorkspace.folder", "\"invoices\"", "spec.actions[1].copyToWorkspace.folder", "FieldValueInvalid", "Invalid value: \"invoices\": spec.actions[1].copyToWorkspace.folder in body should match '^/([^/\\x00]+(/[^/\\x00]+)*)?$'" },
        // numeric bounds
        { "Dropzone", "spec.retentionDays", "0", "spec.retentionDays", "FieldValueInvalid", "Invalid value: 0: spec.retentionDays in body should be greater than or equal to 1" },
        { "Dropzone", "spec.retentionDays", "3651", "spec.retentionDays", "FieldValueInvalid", "Invalid value: 3651: spec.retentionDays in body should be less than or equal to 3650" },
        { "Organization", "spec.pin.length", "5", "spec.pin.length", "FieldValueInvalid", "Invalid value: 5: spec.pin.length in body should be greater than or equal to 6" },
        // string lengths
        { "Dropzone", "spec.owner", "\"a@\"", "spec.owner", "FieldValueInvalid", "Invalid value: \"a@\": spec.owner in body should be at least 3 chars long" },
        { "Dropzone", "spec.displayName", "\"" + new string('x', 201) + "\"", "spec.displayName", "FieldValueTooLong", "Too long: may not be longer than 200" },
        { "PersonalWorkflow", "spec.filters.fileNamePatterns[0]", "\"\"", "spec.filters.fileNamePatterns[0]", "FieldValueInvalid", "Invalid value: \"\": spec.filters.fileNamePatterns[0] in body should be at least 1 chars long" },
        // list sizes
        { "Organization", "spec.domains", "[]", "spec.domains", "FieldValueInvalid", "Invalid value: 0: spec.domains in body should have at least 1 items" },
        { "PersonalWorkflow", "spec.actions", "[]", "spec.actions", "FieldValueInvalid", "Invalid value: 0: spec.actions in body should have at least 1 items" },
        { "Dropzone", "spec.allowedExtensions", Many(101, i => $"\".e{i}\""), "spec.allowedExtensions", "FieldValueTooMany", "Too many: 101: must have at most 100 items" },
        { "SecurityGroup", "spec.permissions", Many(33, _ => "\"ApiKeys\""), "spec.permissions", "FieldValueTooMany", "Too many: 33: must have at most 32 items" },
        // sets and maps
        { "Dropzone", "spec.members", "[\"a@x.io\", \"b@x.io\", \"a@x.io\"]", "spec.members[2]", "FieldValueDuplicate", "Duplicate value: \"a@x.io\"" },
        { "SecurityGroup", "spec.permissions", "[\"ApiKeys\", \"ApiKeys\"]", "spec.permissions[1]", "FieldValueDuplicate", "Duplicate value: \"ApiKeys\"" },
        { "Workspace", "spec.collaborators[1].email", "\"bob@acme.example\"", "spec.collaborators[1]", "FieldValueDuplicate", "Duplicate value: map[string]interface {}{\"email\":\"bob@acme.example\"}" },
        { "Workspace", "status.conditions[1].type", "\"Ready\"", "status.conditions[1]", "FieldValueDuplicate", "Duplicate value: map[string]interface {}{\"type\":\"Ready\"}" },
        // formats
        { "PersonalWorkflow", "status.lastRun.startedAt", "\"yesterday\"", "status.lastRun.startedAt", "FieldValueTypeInvalid", "Invalid value: \"yesterday\": status.lastRun.startedAt in body must be of type date-time: \"yesterday\"" },
        { "Dropzone", "status.conditions[0].lastTransitionTime", "\"2026-13-45T00:00:00Z\"", "status.conditions[0].lastTransitionTime", "FieldValueTypeInvalid", "Invalid value: \"2026-13-45T00:00:00Z\": status.conditions[0].lastTransitionTime in body must be of type date-time: \"2026-13-45T00:00:00Z\"" },
        { "Organization", "spec.platform.api.publicUrl", "\"https//files\"", "spec.platform.api.publicUrl", "FieldValueTypeInvalid", "Invalid value: \"https//files\": spec.platform.api.publicUrl in body must be of type uri: \"https//files\"" },
        // unknown fields
        { "Dropzone", "spec.ownr", "\"alice@acme.example\"", "spec.ownr", "UnknownField", "unknown field \"spec.ownr\"" },
        { "Workspace", "spec.collaborators[0].nickname", "\"Bob\"", "spec.collaborators[0].nickname", "UnknownField", "unknown field \"spec.collaborators[0].nickname\"" },
        { "Organization", "spec.platform.storage.managed.replica", "4", "spec.platform.storage.managed.replica", "UnknownField", "unknown field \"spec.platform.storage.managed.replica\"" },
        { "SecurityGroup", "specs", "{}", "specs", "UnknownField", "unknown field \"specs\"" },
    };

    [Theory, MemberData(nameof(Violations))]
    public void Should_ReportTheViolation_When_AFieldBreaksItsSchema(string kind, string path, string json, string field, string reason, string message)
    {
        var violations = Validate(kind, ValidResources.Of(kind).With(path, json));

        Assert.Contains(new SchemaViolation(field, reason, message), violations);
    }

    /// <summary>kind, field set (JSON, or removed): edits a valid resource in ways the API server accepts.</summary>
    public static TheoryData<string, string, string> Accepted => new()
    {
        { "Dropzone", "spec.retentionDays", Removed },
        { "Dropzone", "spec.retentionDays", "1" },
        { "Dropzone", "spec.retentionDays", "3650" },
        { "Dropzone", "spec.retentionDays", "30.0" },
        { "Dropzone", "spec.displayName", "null" },
        { "Dropzone", "spec.displayName", "\"" + new string('ü', 200) + "\"" },
        { "Dropzone", "spec.members", "[]" },
        { "Dropzone", "spec.maxFileSize", "1048576" },
        { "Dropzone", "spec.maxFileSize", "\"500m\"" },
        { "Dropzone", "spec.maxFileSize", "\"1.5e3\"" },
        { "Dropzone", "spec.allowedExtensions", Many(100, i => $"\".e{i}\"") },
        { "Dropzone", "status", Removed },
        { "Organization", "spec.plan", "\"Team\"" },
        { "Organization", "spec.features", Removed },
        { "Organization", "spec.domains", "[\"acme.example\", \"bücher.example\", \"xn--bcher-kva.example\"]" },
        { "Organization", "spec.platform.api.publicUrl", "\"http://localhost:8080/portal\"" },
        { "Organization", "spec.platform.api.resources.limits.cpu", "\"1500m\"" },
        { "Workspace", "spec.collaborators", "[{\"email\": \"a@x.io\", \"role\": \"View\"}, {\"email\": \"b@x.io\", \"role\": \"View\"}]" },
        { "Workspace", "spec.collaborators", Many(1000, i => $"{{\"email\": \"u{i}@x.io\", \"role\": \"View\"}}") },
        { "SecurityGroup", "spec.dropzones", "[]" },
        { "PersonalWorkflow", "status.conditions[0].lastTransitionTime", "\"2026-01-02T03:04:05.123456+02:00\"" },
        { "PersonalWorkflow", "status.lastRun.startedAt", "\"2026-01-02T03:04:05Z\"" },
        { "PersonalWorkflow", "spec.actions[1].copyToWorkspace.folder", Removed },
        { "PersonalWorkflow", "spec.actions[1].copyToWorkspace.folder", "\"/\"" },
    };

    [Theory, MemberData(nameof(Accepted))]
    public void Should_Pass_When_AnEditStaysWithinTheSchema(string kind, string path, string json)
    {
        Assert.Empty(Validate(kind, ValidResources.Of(kind).With(path, json)));
    }

    [Fact]
    public void Should_Pass_When_MetadataHasAGenerateNameInsteadOfAName()
    {
        var resource = ValidResources.Of("Dropzone").With("metadata.name", Removed).With("metadata.generateName", "\"support-\"");

        Assert.Empty(Validate("Dropzone", resource));
    }

    [Fact]
    public void Should_ReportBothTheUnknownAndTheMissingField_When_AFieldIsMisspelled()
    {
        var resource = ValidResources.Of("Dropzone").With("spec.owner", Removed).With("spec.ownr", "\"alice@acme.example\"");

        var violations = Validate("Dropzone", resource);

        Assert.Equal(
            [new SchemaViolation("spec.owner", "FieldValueRequired", "Required value"), new SchemaViolation("spec.ownr", "UnknownField", "unknown field \"spec.ownr\"")],
            violations);
    }

    [Fact]
    public void Should_StopAtTheMismatch_When_AnObjectHasTheWrongType()
    {
        var violations = Validate("Organization", ValidResources.Of("Organization").With("spec.platform", "[{\"api\": 1}]"));

        Assert.Equal("spec.platform", Assert.Single(violations).Path);
    }

    [Fact]
    public void Should_ReportEveryDuplicate_When_ASetRepeatsAValueTwice()
    {
        var violations = Validate("Dropzone", ValidResources.Of("Dropzone").With("spec.members", "[\"a@x.io\", \"a@x.io\", \"a@x.io\"]"));

        Assert.Equal(["spec.members[1]", "spec.members[2]"], violations.Select(v => v.Path));
    }

    [Fact]
    public void Should_ReportLengthAndPattern_When_AValueBreaksBoth()
    {
        var violations = Validate("Dropzone", ValidResources.Of("Dropzone").With("spec.owner", "\"ab\""));

        Assert.Equal(["FieldValueInvalid", "FieldValueInvalid"], violations.Select(v => v.Reason));
        Assert.Contains("should be at least 3 chars long", violations[0].Message, StringComparison.Ordinal);
        Assert.Contains("should match", violations[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_MatchTheRecordedApiServerWording_When_AListIsTooLongAndAFieldMissing()
    {
        // The schema of kube-wire/06 (a Dropzone with members limited to 3) and its request.
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Properties = new Dictionary<string, V1JSONSchemaProps>
            {
                ["spec"] = new()
                {
                    Type = "object",
                    Required = ["owner"],
                    Properties = new Dictionary<string, V1JSONSchemaProps>
                    {
                        ["members"] = new() { Type = "array", MaxItems = 3, Items = new V1JSONSchemaProps { Type = "string" } },
                        ["owner"] = new() { Type = "string" },
                    },
                },
            },
        };
        var request = JsonNode.Parse("""{"apiVersion":"safedrop.io/v1alpha1","kind":"Dropzone","metadata":{"name":"bad"},"spec":{"members":["a","b","c","d"]}}""");

        var violations = SchemaValidator.Validate(request, schema);

        Assert.Equal(
            [
                new SchemaViolation("spec.members", "FieldValueTooMany", "Too many: 4: must have at most 3 items"),
                new SchemaViolation("spec.owner", "FieldValueRequired", "Required value"),
            ],
            violations);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_ValidateTheSame_When_TheSchemaIsReadBackFromTheCommittedYaml(string kind)
    {
        var crd = (V1CustomResourceDefinition)KubernetesYaml.LoadAllFromString(
            File.ReadAllText(Path.Combine(RepositoryPaths.Crds, CrdGenerator.FileName(CrdGenerator.Generate(ResourceKinds.Find(kind)!.Type)))),
            strict: true)[0];
        var schema = crd.Spec.Versions[0].Schema.OpenAPIV3Schema;
        var broken = ValidResources.Of(kind).With("status.conditions[1].type", "\"Ready\"").With("status.conditions[0].status", "\"Yes\"").With("spec.extra", "1");

        Assert.Empty(SchemaValidator.Validate(ValidResources.Of(kind), schema));
        Assert.Equal(Validate(kind, broken), SchemaValidator.Validate(broken, schema));
        Assert.Equal(3, SchemaValidator.Validate(broken, schema).Count);
    }

    [Fact]
    public void Should_ValidateTheSame_When_TheSchemaIsReadFromJson()
    {
        var schema = KubernetesJson.Deserialize<V1JSONSchemaProps>(KubernetesJson.Serialize(SchemaPaths.Crd("Workspace")));
        var broken = ValidResources.Of("Workspace").With("spec.collaborators[1].email", "\"bob@acme.example\"").With("spec.quota", "\"lots\"");

        Assert.Equal(Validate("Workspace", broken), SchemaValidator.Validate(broken, schema));
        Assert.Equal(2, SchemaValidator.Validate(broken, schema).Count);
    }

    [Fact]
    public void Should_NotEvaluateCelRules_When_ARuleWouldFail()
    {
        // CEL belongs to the fake API server; the schema walk leaves x-kubernetes-validations alone.
        var resource = ValidResources.Of("Workspace").With("spec.collaborators[1].role", "\"CoOwner\"");

        Assert.Empty(Validate("Workspace", resource));
    }

    [Fact]
    public void Should_Pass_When_TypedResourcesAreSerializedWithKubernetesJson()
    {
        // The operator writes resources through KubernetesJson: its field names and enum spellings must be the schema's.
        var organization = new Organization { Metadata = new() { Name = "acme" } };
        organization.Spec.Domains.Add("acme.example");
        organization.Spec.Admins.Add("alice@acme.example");
        organization.Spec.Plan = Plan.Business;
        organization.Spec.DataRetention.OnDelete = DeletionPolicy.Delete;
        organization.Status.Conditions.Add(new Condition { Type = "Ready", Status = ConditionStatus.False, Reason = "Invalid", LastTransitionTime = DateTimeOffset.UnixEpoch });
        var workspace = new Workspace { Metadata = new() { Name = "x" } };
        workspace.Spec.Owner = "alice@acme.example";
        workspace.Spec.Collaborators.Add(new Collaborator { Email = "bob@acme.example", Role = CollaboratorRole.CoOwner });

        Assert.Empty(Validate("Organization", JsonNode.Parse(KubernetesJson.Serialize(organization))!));
        Assert.Empty(Validate("Workspace", JsonNode.Parse(KubernetesJson.Serialize(workspace))!));
    }
}

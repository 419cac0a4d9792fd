using Safedrop.Resources.Model;

namespace Safedrop.Resources.Tests.ManifestReading;

public class ManifestReaderTests
{
    [Fact]
    public void Should_ReadTypedResource_When_TheDocumentIsValid()
    {
        var set = ManifestText.Read(ManifestText.Dropzone);

        Assert.Empty(set.Problems);
        var loaded = Assert.Single(set.Resources);
        var dropzone = Assert.IsType<Dropzone>(loaded.Resource);
        Assert.Equal("uploads", dropzone.Metadata.Name);
        Assert.Equal("owner@acme.example", dropzone.Spec.Owner);
        Assert.Equal(30, dropzone.Spec.RetentionDays);
        Assert.Equal("tenant.yaml:1", loaded.Location.ToString());
    }

    [Fact]
    public void Should_DefaultTheNamespace_When_TheDocumentNamesNone()
    {
        var set = ManifestText.Read(ManifestText.Dropzone);

        Assert.Equal("acme", set.Resources[0].Resource.Metadata.NamespaceProperty);
    }

    [Fact]
    public void Should_KeepTheDeclaredNamespace_When_TheDocumentNamesOne()
    {
        var set = ManifestText.Read(ManifestText.Dropzone.Replace("  name: uploads", "  name: uploads\n  namespace: globex", StringComparison.Ordinal));

        Assert.Equal("globex", set.Resources[0].Resource.Metadata.NamespaceProperty);
    }

    [Fact]
    public void Should_ReadEveryDocument_When_AFileHoldsSeveralWithEmptyOnesAndComments()
    {
        var set = ManifestText.Read($"""
            # The whole tenant in one file.
            ---
            {ManifestText.Organization}
            ---
            # nothing here but a comment
            ---
            ---
            {ManifestText.Dropzone} # trailing comment
            ---
            """);

        Assert.Empty(set.Problems);
        Assert.Equal(["Organization", "Dropzone"], set.Resources.Select(r => r.Resource.Kind));
        Assert.Equal([3, 15], set.Resources.Select(r => r.Location.Line));
    }

    [Fact]
    public void Should_ReportTheParserMark_When_TheYamlIsMalformed()
    {
        var set = ManifestText.Read("""
            apiVersion: safedrop.io/v1alpha1
            kind: Dropzone
            metadata:
              name: 'uploads
            """);

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:4", problem.Location.ToString());
        Assert.StartsWith("malformed YAML:", problem.Message, StringComparison.Ordinal);
        Assert.Empty(set.Resources);
    }

    [Fact]
    public void Should_ReportTheUnclosedList_When_AFlowListIsNotClosed()
    {
        var set = ManifestText.Read("""
            apiVersion: safedrop.io/v1alpha1
            kind: SecurityGroup
            metadata:
              name: devs
            spec:
              permissions: [ApiKeys, TrustedDeviceKeys
              members: [dev@acme.example]
            """);

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml", problem.Location.Path);
        Assert.InRange(problem.Location.Line, 6, 8);
        Assert.Contains("list opened at line 6 is not closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_KeepTheDocumentsBeforeIt_When_ALaterDocumentIsMalformed()
    {
        var set = ManifestText.Read($"""
            {ManifestText.Dropzone}
            ---
            kind: [
            """);

        Assert.Single(set.Resources);
        Assert.Equal(8, set.SingleProblem().Location.Line);
    }

    [Fact]
    public void Should_NameTheKnownKinds_When_TheKindIsUnknown()
    {
        var set = ManifestText.Read(ManifestText.Dropzone.Replace("kind: Dropzone", "kind: DropZone", StringComparison.Ordinal));

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:2", problem.Location.ToString());
        Assert.Equal(
            "unknown kind DropZone in safedrop.io/v1alpha1; known kinds: Organization, Dropzone, SecurityGroup, Workspace, PersonalWorkflow (did you mean Dropzone?)",
            problem.Message);
        Assert.Empty(set.Resources);
    }

    [Fact]
    public void Should_ReportTheApiVersionLine_When_TheSafedropVersionIsUnknown()
    {
        var set = ManifestText.Read(ManifestText.Dropzone.Replace("safedrop.io/v1alpha1", "safedrop.io/v1", StringComparison.Ordinal));

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:1", problem.Location.ToString());
        Assert.Equal("unknown apiVersion safedrop.io/v1: Safedrop resources are safedrop.io/v1alpha1", problem.Message);
    }

    [Fact]
    public void Should_RefuseIt_When_TheObjectBelongsToAnotherGroup()
    {
        var set = ManifestText.Read("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            """);

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:2", problem.Location.ToString());
        Assert.Contains("apps/v1 Deployment does not belong in a tenant folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PointToTheSafedropGroup_When_ASafedropKindHasAnotherApiVersion()
    {
        var set = ManifestText.Read(ManifestText.Dropzone.Replace("safedrop.io/v1alpha1", "v1", StringComparison.Ordinal));

        Assert.Equal("Dropzone is a Safedrop kind: set apiVersion: safedrop.io/v1alpha1 (found v1)", set.SingleProblem().Message);
    }

    [Theory]
    [InlineData("apiVersion")]
    [InlineData("kind")]
    public void Should_ReportIt_When_ApiVersionOrKindIsMissing(string field)
    {
        var text = string.Join('\n', ManifestText.Dropzone.Split('\n').Where(line => !line.StartsWith(field + ":", StringComparison.Ordinal)));

        var problem = ManifestText.Read(text).SingleProblem();

        Assert.Equal("missing " + field, problem.Message);
        Assert.Equal(1, problem.Location.Line);
    }

    [Fact]
    public void Should_ReportIt_When_ADocumentIsNotAMapping()
    {
        var set = ManifestText.Read($"""
            {ManifestText.Dropzone}
            ---
            - apiVersion: v1
              kind: Secret
            """);

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:8", problem.Location.ToString());
        Assert.StartsWith("expected a Kubernetes object", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("found a list", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheMetadataLine_When_TheNameIsMissing()
    {
        var set = ManifestText.Read("""
            apiVersion: safedrop.io/v1alpha1
            kind: Dropzone
            metadata:
              labels: {team: support}
            spec:
              owner: owner@acme.example
            """);

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:3: missing metadata.name", problem.ToString());
        Assert.Empty(set.Resources);
    }

    [Fact]
    public void Should_ReportTheNameLine_When_TheNameIsNotADnsSubdomain()
    {
        var set = ManifestText.Read(ManifestText.Dropzone.Replace("name: uploads", "name: Customer_Uploads", StringComparison.Ordinal));

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:4", problem.Location.ToString());
        Assert.StartsWith("metadata.name 'Customer_Uploads' is not a valid name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NameBothFiles_When_TwoFilesDeclareTheSameResource()
    {
        var set = ManifestText.Read(
            ("a/dropzones.yaml", ManifestText.Dropzone),
            ("b/more.yaml", $"""
                {ManifestText.Organization}
                ---
                {ManifestText.Dropzone}
                """));

        var problem = set.SingleProblem();
        Assert.Equal("b/more.yaml:13", problem.Location.ToString());
        Assert.Equal("Dropzone acme/uploads is declared twice: at a/dropzones.yaml:4 and at b/more.yaml:13", problem.Message);
        Assert.Equal(["Dropzone", "Organization"], set.Resources.Select(r => r.Resource.Kind));
    }

    [Fact]
    public void Should_NotCallItADuplicate_When_TheNamesAreInDifferentNamespaces()
    {
        var set = ManifestText.Read(
            ("a.yaml", ManifestText.Dropzone),
            ("b.yaml", ManifestText.Dropzone.Replace("  name: uploads", "  name: uploads\n  namespace: globex", StringComparison.Ordinal)));

        Assert.Empty(set.Problems);
        Assert.Equal(2, set.Resources.Count);
    }

    [Fact]
    public void Should_ReportTheFieldLine_When_AFieldIsUnknown()
    {
        var set = ManifestText.Read("""
            apiVersion: safedrop.io/v1alpha1
            kind: Dropzone
            metadata:
              name: uploads
            spec:
              owner: owner@acme.example
              ownr: other@acme.example
              retentionDays: 30
            """);

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:7", problem.Location.ToString());
        Assert.Contains("spec.ownr", problem.Message, StringComparison.Ordinal);
        Assert.Empty(set.Resources);
    }

    [Fact]
    public void Should_ReportTheValueLine_When_AnEnumValueIsMisspelled()
    {
        var set = ManifestText.Read("""
            apiVersion: safedrop.io/v1alpha1
            kind: Organization
            metadata:
              name: acme
            spec:
              domains: [acme.example]
              plan: Enterprize
              admins: [admin@acme.example]
            """);

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:7", problem.Location.ToString());
        Assert.Contains("spec.plan", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Enterprize", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Enterprise", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheItemLine_When_AListItemIsInvalid()
    {
        var set = ManifestText.Read("""
            apiVersion: safedrop.io/v1alpha1
            kind: SecurityGroup
            metadata:
              name: devs
            spec:
              permissions:
                - ApiKeys
                - FlyingCars
              members: [dev@acme.example]
            """);

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:8", problem.Location.ToString());
        Assert.Contains("spec.permissions[1]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheParentLine_When_ARequiredFieldIsMissing()
    {
        var set = ManifestText.Read("""
            apiVersion: safedrop.io/v1alpha1
            kind: Dropzone
            metadata:
              name: uploads
            spec:
              members: [member@acme.example]
            """);

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:5", problem.Location.ToString());
        Assert.Contains("spec.owner", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseANumberAndSayToQuoteIt_When_AStringFieldHoldsAnUnquotedNumber()
    {
        var set = ManifestText.Read(ManifestText.Dropzone + "\n  displayName: 123");

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:7", problem.Location.ToString());
        Assert.Contains("spec.displayName", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("(YAML reads 123 as a number; quote it to make it text: \"123\")", problem.Message, StringComparison.Ordinal);
        Assert.Empty(set.Resources);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("'true'")]
    [InlineData("!!str true")]
    public void Should_KeepAQuotedScalarAString_When_TheFieldIsAString(string value)
    {
        var set = ManifestText.Read(ManifestText.Dropzone + "\n  displayName: " + value);

        Assert.Empty(set.Problems);
        Assert.Equal("true", Assert.IsType<Dropzone>(set.Resources[0].Resource).Spec.DisplayName);
    }

    [Fact]
    public void Should_TypePlainScalars_When_TheFieldsAreBooleansAndIntegers()
    {
        var set = ManifestText.Read(ManifestText.Dropzone + "\n  senderDomainAccess: true\n  retentionDays: 0x10\n  maxFiles: +007");

        Assert.Empty(set.Problems);
        var spec = Assert.IsType<Dropzone>(set.Resources[0].Resource).Spec;
        Assert.True(spec.SenderDomainAccess);
        Assert.Equal(16, spec.RetentionDays);
        Assert.Equal(7, spec.MaxFiles);
    }

    [Fact]
    public void Should_TreatANullFieldAsMissing_When_AFieldIsLeftEmpty()
    {
        var set = ManifestText.Read(ManifestText.Dropzone + "\n  members:\n  displayName: ~");

        Assert.Empty(set.Problems);
        var spec = Assert.IsType<Dropzone>(set.Resources[0].Resource).Spec;
        Assert.Empty(spec.Members);
        Assert.Null(spec.DisplayName);
    }

    [Fact]
    public void Should_IgnoreTheStatus_When_AManifestCarriesOne()
    {
        var set = ManifestText.Read(ManifestText.Dropzone + "\nstatus:\n  recipientCount: 99\n  conditions: [{type: Ready}]");

        Assert.Empty(set.Problems);
        var dropzone = Assert.IsType<Dropzone>(set.Resources[0].Resource);
        Assert.Null(dropzone.Status.RecipientCount);
        Assert.Empty(dropzone.Status.Conditions);
    }

    [Fact]
    public void Should_ReportTheSecondKey_When_AKeyIsRepeated()
    {
        var set = ManifestText.Read(ManifestText.Dropzone + "\n  owner: other@acme.example");

        var problem = set.SingleProblem();
        Assert.Equal("tenant.yaml:7: duplicate key owner (first at line 6)", problem.ToString());
        Assert.Empty(set.Resources);
    }

    [Fact]
    public void Should_ResolveAnchorsAndMergeKeys_When_DocumentsShareValues()
    {
        var set = ManifestText.Read("""
            apiVersion: safedrop.io/v1alpha1
            kind: Dropzone
            metadata:
              name: uploads
            spec:
              <<: &limits
                maxFiles: 5
                retentionDays: 7
              owner: &owner owner@acme.example
              members: [*owner]
              retentionDays: 14
            """);

        Assert.Empty(set.Problems);
        var spec = Assert.IsType<Dropzone>(set.Resources[0].Resource).Spec;
        Assert.Equal(5, spec.MaxFiles);
        Assert.Equal(14, spec.RetentionDays);
        Assert.Equal(["owner@acme.example"], spec.Members);
    }

    [Fact]
    public void Should_ReportIt_When_AnAliasHasNoAnchor()
    {
        var problem = ManifestText.Read(ManifestText.Dropzone + "\n  members: [*nobody]").SingleProblem();

        Assert.Equal("tenant.yaml:7", problem.Location.ToString());
        Assert.StartsWith("unknown anchor *nobody", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReadASecretAsALoadedObject_When_AWorkflowRefersToIt()
    {
        var set = ManifestText.Read("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: webhook-key
            stringData:
              secret: s3cr3t
            data:
              other: aGVsbG8=
            """);

        Assert.Empty(set.Problems);
        Assert.Empty(set.Resources);
        var secret = Assert.Single(set.Objects);
        Assert.Equal(("v1", "Secret", "acme", "webhook-key"), (secret.ApiVersion, secret.Kind, secret.Namespace, secret.Name));
        Assert.Equal("s3cr3t", secret.Body["stringData"]!["secret"]!.GetValue<string>());
        Assert.Equal("acme", secret.Body["metadata"]!["namespace"]!.GetValue<string>());
    }

    [Fact]
    public void Should_ReadANamespaceWithoutANamespace_When_TheFolderDeclaresIt()
    {
        var namespaceObject = Assert.Single(ManifestText.Read("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: acme").Objects);

        Assert.Equal(("Namespace", "", "acme"), (namespaceObject.Kind, namespaceObject.Namespace, namespaceObject.Name));
    }

    [Fact]
    public void Should_ReportTheKeyLine_When_SecretDataIsNotBase64()
    {
        var set = ManifestText.Read("apiVersion: v1\nkind: Secret\nmetadata:\n  name: key\ndata:\n  secret: not base64!");

        Assert.Equal("tenant.yaml:6: data.secret is not valid base64; put plain text under stringData instead", set.SingleProblem().ToString());
        Assert.Empty(set.Objects);
    }

    [Fact]
    public void Should_AskForQuotes_When_ALabelValueIsNotAString()
    {
        var set = ManifestText.Read(ManifestText.Dropzone.Replace("  name: uploads", "  name: uploads\n  labels:\n    public: true", StringComparison.Ordinal));

        Assert.Equal("tenant.yaml:6: metadata.labels.public must be a string (quote the value)", set.SingleProblem().ToString());
    }

    [Fact]
    public void Should_ReportEveryProblemOfADocument_When_ItHasSeveral()
    {
        var set = ManifestText.Read("""
            apiVersion: safedrop.io/v1alpha1
            kind: Dropzone
            metadata:
              name: Bad_Name
            spec:
              owner: owner@acme.example
              retentionDays: many
            """);

        Assert.Equal([4, 7], set.Problems.Select(p => p.Location.Line));
    }
}

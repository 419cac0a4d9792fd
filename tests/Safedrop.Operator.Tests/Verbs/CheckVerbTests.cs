using Safedrop.Operator.Verbs;
using Safedrop.Testing;

namespace Safedrop.Operator.Tests.Verbs;

public class CheckVerbTests
{
    private const string Organization = """
        apiVersion: safedrop.io/v1alpha1
        kind: Organization
        metadata:
          name: acme
          namespace: acme
        spec:
          plan: PLAN
          domains: [acme.example]
          admins: [admin@acme.example]
        """;

    private const string Dropzone = """
        apiVersion: safedrop.io/v1alpha1
        kind: Dropzone
        metadata:
          name: uploads
          namespace: acme
        spec:
          owner: owner@acme.example
          senderDomainAccess: true
        """;

    private static TempFolder ATenant(string plan) => new TempFolder()
        .With("01-organization.yaml", Organization.Replace("PLAN", plan, StringComparison.Ordinal))
        .With("dropzones/uploads.yml", Dropzone);

    private static (int ExitCode, string Output) Check(DirectoryInfo folder)
    {
        var output = new StringWriter();
        var exitCode = CheckVerb.Run(folder, output);
        return (exitCode, output.ToString());
    }

    private static string[] Columns(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Should_ExitZeroWithAReadyRowPerResource_When_TheTenantIsValid()
    {
        using var folder = ATenant("Enterprise");

        var (exitCode, output) = Check(folder.Info);

        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAMESPACE", "KIND", "NAME", "READY", "REASON", "MESSAGE"], Columns(lines[0]));
        Assert.Equal(["acme", "Organization", "acme", "True"], Columns(lines[1])[..4]);
        Assert.Equal(["acme", "Dropzone", "uploads", "True"], Columns(lines[2])[..4]);
        Assert.Contains("2 of 2 resources Ready", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitOneWithTheReasonInTheTable_When_AResourceIsNotReady()
    {
        using var folder = ATenant("Team");

        var (exitCode, output) = Check(folder.Info);

        Assert.Equal(1, exitCode);
        var row = output.Split('\n').Single(line => line.Contains("uploads", StringComparison.Ordinal));
        Assert.Equal(["acme", "Dropzone", "uploads", "False", "PlanRestriction"], Columns(row)[..5]);
        Assert.Contains("1 of 2 resources Ready", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitOneNamingFileAndLine_When_AFileIsMalformed()
    {
        using var folder = ATenant("Enterprise").With("broken/workspace.yaml", "apiVersion: safedrop.io/v1alpha1\nkind: Workspace\nmetadata:\n  name: 'shared\n");

        var (exitCode, output) = Check(folder.Info);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("broken/workspace.yaml:4: malformed YAML:", output, StringComparison.Ordinal);
        Assert.Contains("2 of 2 resources Ready", output, StringComparison.Ordinal);
        Assert.Contains("1 problem in the YAML", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitOneNamingFileAndLine_When_ADocumentIsInvalid()
    {
        using var folder = ATenant("Enterprise").With("more.yaml", Dropzone.Replace("kind: Dropzone", "kind: Dropzones", StringComparison.Ordinal));

        var (exitCode, output) = Check(folder.Info);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("more.yaml:2: unknown kind Dropzones in safedrop.io/v1alpha1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_IgnoreHiddenFolders_When_TheFolderIsARepository()
    {
        using var folder = ATenant("Enterprise").With(".github/workflows/ci.yml", "on: push\njobs: {}\n");

        var (exitCode, output) = Check(folder.Info);

        Assert.True(exitCode == 0, output);
        Assert.Contains("2 YAML files read", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitTwo_When_TheFolderDoesNotExist()
    {
        var missing = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "safedrop-missing-" + Guid.NewGuid().ToString("N")));

        var (exitCode, output) = Check(missing);

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitOneWithANote_When_TheFolderHoldsNoResources()
    {
        using var folder = new TempFolder().With("readme.txt", "not yaml").With("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: acme\n");

        var (exitCode, output) = Check(folder.Info);

        Assert.Equal(1, exitCode);
        Assert.Contains("no valid safedrop.io/v1alpha1 resources", output, StringComparison.Ordinal);
        Assert.Contains("1 YAML file read", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_WritePlainText_When_TheOutputIsNotATerminal()
    {
        using var folder = ATenant("Team");

        var (_, output) = Check(folder.Info);

        Assert.DoesNotContain('\u001b', output);
        Assert.All(output.Split('\n'), line => Assert.Equal(line.TrimEnd(), line));
    }

    [Fact]
    public void Should_AlignColumns_When_ValuesHaveDifferentLengths()
    {
        using var folder = ATenant("Team");

        var (_, output) = Check(folder.Info);

        var table = output.Split('\n').TakeWhile(line => line.Length > 0).ToList();
        var readyColumn = table[0].IndexOf("READY", StringComparison.Ordinal);
        Assert.All(table.Skip(1), row => Assert.True(row[readyColumn..].StartsWith("True", StringComparison.Ordinal) || row[readyColumn..].StartsWith("False", StringComparison.Ordinal), row));
    }

    [Theory]
    [InlineData("enterprise", 0)]
    [InlineData("business", 0)]
    [InlineData("team", 1)]
    public void Should_CheckTheExampleTenants_When_RunOnTheExamplesFolder(string example, int expectedExitCode)
    {
        var (exitCode, output) = Check(new DirectoryInfo(Path.Combine(RepositoryPaths.Examples, example)));

        Assert.True(exitCode == expectedExitCode, output);
    }
}

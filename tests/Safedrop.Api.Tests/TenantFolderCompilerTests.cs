using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Configuration;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Manifests;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Tests;

/// <summary>Local mode keeps what the API server and operator would: generations, transition times, the last valid config.</summary>
public class TenantFolderCompilerTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Should_BumpGeneration_When_SpecChanges()
    {
        var compiler = new TenantFolderCompiler(TenantYaml.Namespace, time);
        var first = compiler.Compile(Read(TenantYaml.Dropzone()), TenantState.NotLoaded);

        var second = compiler.Compile(Read(TenantYaml.Dropzone(owner: "bob@acme.example")), first);

        Assert.Equal(1, Dropzone(first).Generation);
        Assert.Equal(2, Dropzone(second).Generation);
        Assert.Equal(1, Organization(second).Generation);
    }

    [Fact]
    public void Should_KeepGeneration_When_FolderIsReadUnchanged()
    {
        var compiler = new TenantFolderCompiler(TenantYaml.Namespace, time);
        var first = compiler.Compile(Read(TenantYaml.Dropzone()), TenantState.NotLoaded);

        var second = compiler.Compile(Read(TenantYaml.Dropzone()), first);

        Assert.Equal(1, Dropzone(second).Generation);
    }

    [Fact]
    public void Should_KeepTransitionTime_When_ReadyDoesNotFlip()
    {
        var compiler = new TenantFolderCompiler(TenantYaml.Namespace, time);
        var first = compiler.Compile(Read(TenantYaml.Dropzone()), TenantState.NotLoaded);
        time.Advance(TimeSpan.FromMinutes(5));

        var second = compiler.Compile(Read(TenantYaml.Dropzone(owner: "bob@acme.example")), first);

        Assert.Equal(Dropzone(first).ReadyCondition!.LastTransitionTime, Dropzone(second).ReadyCondition!.LastTransitionTime);
        Assert.Equal(2, Dropzone(second).ReadyCondition!.ObservedGeneration);
    }

    [Fact]
    public void Should_RecordTransitionTime_When_ReadyFlips()
    {
        var compiler = new TenantFolderCompiler(TenantYaml.Namespace, time);
        var first = compiler.Compile(Read(TenantYaml.Dropzone()), TenantState.NotLoaded);
        time.Advance(TimeSpan.FromMinutes(5));

        var second = compiler.Compile(Read(TenantYaml.Dropzone(owner: TenantYaml.UnregisteredUser)), first);

        Assert.Equal(ConditionStatus.False, Dropzone(second).Ready);
        Assert.Equal(time.GetUtcNow(), Dropzone(second).ReadyCondition!.LastTransitionTime);
    }

    [Fact]
    public void Should_KeepLastValidFormInForce_When_ResourceBecomesInvalid()
    {
        var compiler = new TenantFolderCompiler(TenantYaml.Namespace, time);
        var first = compiler.Compile(Read(TenantYaml.Dropzone()), TenantState.NotLoaded);

        var second = compiler.Compile(Read(TenantYaml.Dropzone(owner: TenantYaml.UnregisteredUser)), first);

        Assert.Equal(TenantYaml.RegisteredUser, second.Config!.Dropzones["invoices"].Owner);
    }

    [Fact]
    public void Should_ReportProblemsWithoutCompiling_When_ManifestsHaveProblems()
    {
        var compiler = new TenantFolderCompiler(TenantYaml.Namespace, time);
        var first = compiler.Compile(Read(TenantYaml.Dropzone()), TenantState.NotLoaded);
        time.Advance(TimeSpan.FromMinutes(5));

        var second = compiler.Compile(Read(TenantYaml.MalformedDropzone()), first);

        Assert.Same(first.Compilation, second.Compilation);
        Assert.Equal(first.CompiledAt, second.CompiledAt);
        Assert.Equal(time.GetUtcNow(), second.CheckedAt);
        Assert.Equal(TenantYaml.MalformedLine, Assert.Single(second.Problems).Location.Line);
    }

    [Fact]
    public void Should_CompileOnlyServedNamespace_When_FolderHoldsSeveralTenants()
    {
        var compiler = new TenantFolderCompiler(TenantYaml.Namespace, time);
        var manifests = ManifestReader.Read(
        [
            new ManifestSource("acme.yaml", TenantYaml.Organization()),
            new ManifestSource("globex.yaml", TenantYaml.Organization(@namespace: "globex", name: "globex", domain: "globex.example", admin: "admin@globex.example")),
        ]);

        var state = compiler.Compile(manifests, TenantState.NotLoaded);

        Assert.All(state.Resources, r => Assert.Equal(TenantYaml.Namespace, r.Namespace));
        Assert.Equal("globex", state.Config!.ForeignDomains["globex.example"]);
    }

    private static ManifestSet Read(string dropzoneYaml) =>
        ManifestReader.Read([new ManifestSource("organization.yaml", TenantYaml.Organization()), new ManifestSource("dropzone.yaml", dropzoneYaml)]);

    private static ResourceState Dropzone(TenantState state) => state.Resources.Single(r => r.Kind == Resources.Model.Dropzone.KindName);

    private static ResourceState Organization(TenantState state) => state.Resources.Single(r => r.Kind == Resources.Model.Organization.KindName);
}

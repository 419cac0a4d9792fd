using Safedrop.Api.Configuration;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Tests;

/// <summary>Local mode follows the folder: a change comes into force, an invalid one never does.</summary>
public class LocalReloadTests
{
    // The design reloads within a second (200 ms debounce, 1 s poll fallback); the reload latency is
    // measured by the benchmarks. Tests only bound the wait, generously, so a busy CI machine cannot flake them.
    private static readonly TimeSpan Reload = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Should_ShowNewVerdict_When_DropzoneOwnerBecomesUnregistered()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        var before = await api.Store.WaitForAsync(s => s.IsServing, TestContext.Current.CancellationToken);

        folder.Write("dropzone.yaml", TenantYaml.Dropzone(owner: TenantYaml.UnregisteredUser));
        var after = await WithinReload(api.Store, s => DropzoneReason(s) == Reasons.OwnerNotRegistered);

        Assert.Equal(ConditionStatus.True, DropzoneReady(before));
        var status = await api.GetAdminStatusAsync();
        var dropzone = Assert.Single(status.Resources, r => r.Kind == Dropzone.KindName);
        Assert.Equal(ConditionStatus.False, dropzone.Ready);
        Assert.Equal(Reasons.OwnerNotRegistered, dropzone.Reason);
        Assert.Equal(2, dropzone.Generation);
        Assert.True(after.CompiledAt > before.CompiledAt);
    }

    [Fact]
    public async Task Should_KeepLastValidConfigAndReportFileLine_When_YamlBecomesMalformed()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        var valid = await api.Store.WaitForAsync(s => s.IsServing, TestContext.Current.CancellationToken);

        folder.Write("dropzone.yaml", TenantYaml.MalformedDropzone());
        await WithinReload(api.Store, s => s.Problems.Count > 0);

        var status = await api.GetAdminStatusAsync();
        Assert.True(status.Ready);
        Assert.Equal(valid.Config!.Revision, status.ConfigRevision);
        Assert.Equal(valid.CompiledAt, status.CompiledAt);
        Assert.Contains(status.Resources, r => r.Kind == Dropzone.KindName && r.Ready == ConditionStatus.True);
        var problem = Assert.Single(status.Problems);
        Assert.EndsWith("dropzone.yaml", problem.File, StringComparison.Ordinal);
        Assert.Equal(TenantYaml.MalformedLine, problem.Line);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public async Task Should_CompileAgain_When_MalformedFileIsFixed()
    {
        using var folder = TenantFolder.Create();
        folder.Write("organization.yaml", TenantYaml.Organization());
        folder.Write("dropzone.yaml", TenantYaml.MalformedDropzone());
        await using var api = new LocalApi(folder.Path);
        Assert.False(api.Store.Current.IsServing);

        folder.Write("dropzone.yaml", TenantYaml.Dropzone());
        var fixedState = await WithinReload(api.Store, s => s.IsServing);

        Assert.Empty(fixedState.Problems);
        Assert.Equal(ConditionStatus.True, DropzoneReady(fixedState));
    }

    private static async Task<TenantState> WithinReload(TenantConfigStore store, Func<TenantState, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Reload);
        return await store.WaitForAsync(condition, timeout.Token);
    }

    private static ConditionStatus? DropzoneReady(TenantState state) =>
        state.Resources.FirstOrDefault(r => r.Kind == Dropzone.KindName)?.Ready;

    private static string? DropzoneReason(TenantState state) =>
        state.Resources.FirstOrDefault(r => r.Kind == Dropzone.KindName)?.Reason;
}

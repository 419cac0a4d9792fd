using System.Collections.Concurrent;
using Safedrop.Testing;

namespace Safedrop.Operator.Tests.Chart;

/// <summary>
/// charts/safedrop rendered with `helm template` as release "safedrop" in namespace "safedrop-system".
/// Renders are cached per set of values: the chart does not change during a test run.
/// </summary>
internal static class SafedropChart
{
    public const string Release = "safedrop";
    public const string Namespace = "safedrop-system";

    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedChart>>> Renders = new();

    public static string Directory => Path.Combine(RepositoryPaths.Charts, "safedrop");

    /// <summary>The chart's copy of the generated CRDs, which templates/crds.yaml renders.</summary>
    public static string CrdCopies => Path.Combine(Directory, "files", "crds");

    /// <summary>Renders with `--set` values such as "replicas=3"; throws with helm's error when rendering fails.</summary>
    public static Task<RenderedChart> RenderAsync(params string[] values)
    {
        var helm = Helm.Require();
        return Renders.GetOrAdd(string.Join('\n', values), _ => new Lazy<Task<RenderedChart>>(async () =>
        {
            var result = await helm.RunAsync(TemplateArguments(values));
            return RenderedChart.Parse(result.OutputOrThrow("helm template " + string.Join(' ', values)));
        })).Value;
    }

    /// <summary>`helm template` with `--set` values, however it ends (for values the schema must reject).</summary>
    public static Task<HelmResult> TemplateAsync(params string[] values) =>
        Helm.Require().RunAsync(TemplateArguments(values), TestContext.Current.CancellationToken);

    private static string[] TemplateArguments(IEnumerable<string> values) =>
        ["template", Release, Directory, "--namespace", Namespace, .. values.SelectMany(v => new[] { "--set", v })];
}

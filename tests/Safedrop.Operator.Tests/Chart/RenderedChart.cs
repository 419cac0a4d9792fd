using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace Safedrop.Operator.Tests.Chart;

/// <summary>
/// The manifests of one `helm template` run, parsed into KubernetesClient's typed models with the
/// strict deserializer (a misspelled or misplaced field fails). ServiceMonitors have no typed model
/// there, so they are kept apart as plain YAML maps.
/// </summary>
internal sealed partial class RenderedChart
{
    public const string ServiceMonitorApiVersion = "monitoring.coreos.com/v1";

    private RenderedChart(string text, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects, IReadOnlyList<ServiceMonitorDocument> serviceMonitors)
    {
        Text = text;
        Objects = objects;
        ServiceMonitors = serviceMonitors;
    }

    public string Text { get; }

    /// <summary>Every rendered object with a typed model, in rendering order.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; }

    public IReadOnlyList<ServiceMonitorDocument> ServiceMonitors { get; }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T Single<T>() => Assert.Single(All<T>());

    public static RenderedChart Parse(string text)
    {
        var documents = DocumentSeparator().Split(text).Where(HasContent).ToList();
        var typed = new List<string>();
        var monitors = new List<ServiceMonitorDocument>();
        foreach (var document in documents)
        {
            var head = KubernetesYaml.Deserialize<KubernetesObject>(document);
            if (head.ApiVersion == ServiceMonitorApiVersion && head.Kind == "ServiceMonitor")
                monitors.Add(new ServiceMonitorDocument(KubernetesYaml.Deserialize<Dictionary<string, object>>(document)));
            else
                typed.Add(document);
        }

        var objects = KubernetesYaml.LoadAllFromString(string.Join("\n---\n", typed), strict: true)
            .Select(o => Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(o))
            .ToList();
        return new RenderedChart(text, objects, monitors);
    }

    private static bool HasContent(string document) =>
        document.Split('\n').Any(line => line.Trim() is { Length: > 0 } trimmed && !trimmed.StartsWith('#'));

    [GeneratedRegex(@"^---[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();
}

/// <summary>A rendered monitoring.coreos.com/v1 ServiceMonitor, as nested YAML maps and lists.</summary>
internal sealed record ServiceMonitorDocument(Dictionary<string, object> Root)
{
    public IDictionary<object, object> Metadata => Map(Root["metadata"]);

    public IDictionary<object, object> Spec => Map(Root["spec"]);

    public IDictionary<string, string> Labels =>
        Map(Metadata["labels"]).ToDictionary(p => (string)p.Key, p => (string)p.Value);

    public static IDictionary<object, object> Map(object node) => Assert.IsType<Dictionary<object, object>>(node);

    public static IList<object> List(object node) => Assert.IsType<List<object>>(node);
}

using System.Text;

namespace Safedrop.Api.Configuration;

/// <summary>Resources' status as aligned columns, the way <c>kubectl get</c> prints them.</summary>
public static class StatusTable
{
    private static readonly string[] Headers = ["NAMESPACE", "KIND", "NAME", "READY", "REASON", "MESSAGE"];

    public static string Format(IEnumerable<ResourceState> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var rows = new List<string[]> { Headers };
        rows.AddRange(resources.Select(r => new[] { r.Namespace, r.Kind, r.Name, r.Ready.ToString(), r.Reason, r.Message }));

        var widths = Enumerable.Range(0, Headers.Length).Select(i => rows.Max(row => row[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                var last = i == row.Length - 1;
                text.Append(last ? row[i] : row[i].PadRight(widths[i] + 3));
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}

using System.Reflection;
using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>The <c>kubectl get</c> columns: Ready and Reason, the kind's own columns, then Age.</summary>
internal static class PrinterColumns
{
    private const string ReadyCondition = ".status.conditions[?(@.type==\"Ready\")]";

    public static List<V1CustomResourceColumnDefinition> For(Type resourceType) =>
    [
        new() { Name = "Ready", Type = "string", JsonPath = ReadyCondition + ".status", Description = "Whether the resource is valid and in force." },
        new() { Name = "Reason", Type = "string", JsonPath = ReadyCondition + ".reason", Description = "Why it is or is not Ready." },
        .. resourceType.GetCustomAttributes<PrinterColumnAttribute>()
            .OrderBy(c => c.Order)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new V1CustomResourceColumnDefinition
            {
                Name = c.Name,
                Type = c.Type,
                JsonPath = c.JsonPath,
                Description = c.Description,
                Priority = c.Priority == 0 ? null : c.Priority,
            }),
        new() { Name = "Age", Type = "date", JsonPath = ".metadata.creationTimestamp" },
    ];
}

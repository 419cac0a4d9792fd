using k8s.Models;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Platform;

/// <summary>Turns the custom resources' compute resources into Kubernetes' requirements.</summary>
public static class ComputeResourcesExtensions
{
    /// <summary>The spec's resources as given, or the defaults when the spec names none.</summary>
    public static V1ResourceRequirements ToRequirements(this ComputeResources? resources, ComputeResources defaults) =>
        new()
        {
            Requests = Amounts((resources ?? defaults).Requests),
            Limits = Amounts((resources ?? defaults).Limits),
        };

    private static Dictionary<string, ResourceQuantity>? Amounts(ResourceAmounts? amounts)
    {
        if (amounts is null)
            return null;
        var result = new Dictionary<string, ResourceQuantity>();
        if (amounts.Cpu is { } cpu)
            result["cpu"] = new ResourceQuantity(cpu);
        if (amounts.Memory is { } memory)
            result["memory"] = new ResourceQuantity(memory);
        return result.Count > 0 ? result : null;
    }
}

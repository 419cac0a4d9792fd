namespace Safedrop.Operator.Platform;

/// <summary>The app.kubernetes.io labels every child object carries, and the stable subset selectors use.</summary>
public static class PlatformLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    public const string PartOfValue = "safedrop";
    public const string ManagedByValue = "safedrop-operator";

    public static Dictionary<string, string> For(PlatformNames names, Component component)
    {
        var labels = Selector(names, component);
        labels[PartOf] = PartOfValue;
        labels[ManagedBy] = ManagedByValue;
        return labels;
    }

    /// <summary>Labels that never change for the life of a component: selectors are immutable on workloads.</summary>
    public static Dictionary<string, string> Selector(PlatformNames names, Component component) => new()
    {
        [Name] = component.AppName,
        [Instance] = names.Instance,
        [Component] = component.Id,
    };

    /// <summary>A label selector matching every child object of one Organization, e.g. to find ones no longer desired.</summary>
    public static string OfOrganization(PlatformNames names) => $"{ManagedBy}={ManagedByValue},{Instance}={names.Instance}";
}

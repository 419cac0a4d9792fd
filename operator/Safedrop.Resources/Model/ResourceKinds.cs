using System.Reflection;
using k8s.Models;

namespace Safedrop.Resources.Model;

/// <summary>The five custom resource kinds, looked up by kind name.</summary>
public static class ResourceKinds
{
    public sealed record KindInfo(Type Type, string Kind, string Plural)
    {
        public static string ApiVersion => Organization.GroupVersion;
        public string CrdName => $"{Plural}.{Organization.Group}";
        public ISafedropResource Create() => (ISafedropResource)Activator.CreateInstance(Type)!;
    }

    public static readonly IReadOnlyList<KindInfo> All =
    [
        Describe(typeof(Organization)),
        Describe(typeof(Dropzone)),
        Describe(typeof(SecurityGroup)),
        Describe(typeof(Workspace)),
        Describe(typeof(PersonalWorkflow)),
    ];

    public static KindInfo? Find(string kind) => All.FirstOrDefault(k => k.Kind == kind);

    public static KindInfo Of(Type type) => All.First(k => k.Type == type);

    private static KindInfo Describe(Type type)
    {
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException(type.Name + " lacks [KubernetesEntity]");
        return new KindInfo(type, entity.Kind, entity.PluralName);
    }
}

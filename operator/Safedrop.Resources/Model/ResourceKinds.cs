using System.Reflection;
using k8s.Models;

namespace Safedrop.Resources.Model;

/// <summary>The five custom resource kinds, looked up by kind name.</summary>
public static class ResourceKinds
{
    public sealed record KindInfo(Type Type, string Kind, string Plural)
    {
        public string ApiVersion => Organization.GroupVersion;
        public string CrdName => $"{Plural}.{Organization.Group}";
        public ISafedropResource Create() => (ISafedropResource)Activator.CreateInstance(Type)!;
    }

    public static readonly IReadOnlyList<KindInfo> All =
        [.. new[] { typeof(Organization), typeof(Dropzone), typeof(SecurityGroup), typeof(Workspace), typeof(PersonalWorkflow) }
            .Select(t => t.GetCustomAttribute<KubernetesEntityAttribute>()! is var e ? new KindInfo(t, e.Kind, e.PluralName) : null!)];

    public static KindInfo? Find(string kind) => All.FirstOrDefault(k => k.Kind == kind);

    public static KindInfo Of(Type type) => All.First(k => k.Type == type);
}

using System.Reflection;
using k8s.Models;

namespace Safedrop.Operator.Runtime.Apply;

/// <summary>Where a kind lives in the API: group, version, plural; read from its [KubernetesEntity] attribute.</summary>
public sealed record ApiResource(string Group, string Version, string Kind, string Plural)
{
    public bool IsCore => Group.Length == 0;

    public string ApiVersion => IsCore ? Version : $"{Group}/{Version}";

    public static ApiResource Of<T>() => Of(typeof(T));

    public static ApiResource Of(Type type)
    {
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [KubernetesEntity] attribute");
        return new ApiResource(entity.Group ?? "", entity.ApiVersion, entity.Kind, entity.PluralName);
    }
}

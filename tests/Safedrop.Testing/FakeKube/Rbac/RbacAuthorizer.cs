using k8s.Models;
using Safedrop.Testing.FakeKube.Http;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Rbac;

/// <summary>
/// Checks a request against the caller's policy rules as RBAC does (api group, resource or
/// <c>resource/subresource</c>, verb, optional resource names; <c>*</c> matches all) and refuses the rest with 403.
/// </summary>
internal static class RbacAuthorizer
{
    public static void Authorize(FakeKubeUser user, ApiRequest request)
    {
        if (user.Rules is null || user.Rules.Any(rule => Covers(rule, request))) return;
        throw new KubeApiException(StatusBodies.Forbidden(request.Type, request.Subresource, request.Name, Message(user, request)));
    }

    public static bool Covers(V1PolicyRule rule, ApiRequest request)
    {
        var resource = request.Subresource.Length == 0 ? request.Type.Plural : request.Type.Plural + "/" + request.Subresource;
        return Matches(rule.ApiGroups, request.Type.Group)
            && (Matches(rule.Resources, resource) || (request.Subresource.Length > 0 && Matches(rule.Resources, request.Type.Plural + "/*")))
            && Matches(rule.Verbs, request.Verb)
            && (rule.ResourceNames is null || rule.ResourceNames.Count == 0
                || (request.Name is not null && request.Verb != "create" && rule.ResourceNames.Contains(request.Name)));
    }

    private static bool Matches(IList<string>? allowed, string value) =>
        allowed is not null && (allowed.Contains("*") || allowed.Contains(value));

    /// <summary>kube's forbidden message, for example <c>dropzones.safedrop.io "x" is forbidden: User "u" cannot patch resource "dropzones/status" in API group "safedrop.io" in the namespace "ns"</c>.</summary>
    private static string Message(FakeKubeUser user, ApiRequest request)
    {
        var resource = request.Subresource.Length == 0 ? request.Type.Plural : request.Type.Plural + "/" + request.Subresource;
        var subject = request.Name is null ? request.Type.QualifiedResource : $"{request.Type.QualifiedResource} \"{request.Name}\"";
        var scope = request.Namespace is null ? "at the cluster scope" : $"in the namespace \"{request.Namespace}\"";
        return $"{subject} is forbidden: User \"{user.Name}\" cannot {request.Verb} resource \"{resource}\" in API group \"{request.Type.Group}\" {scope}";
    }
}

using k8s;
using k8s.Models;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Platform;

/// <summary>
/// The API's identity and least-privilege Role: read its snapshot ConfigMap and the Secrets it
/// reads at run time, by name only, and write membership and workflow edits back to the custom resources.
/// </summary>
public static class ApiRbacBuilder
{
    private const string Group = Organization.Group;

    /// <summary>
    /// Custom resources the API edits in place (membership, settings, workflows). get and list also let it read back
    /// every PersonalWorkflow with its status, in force or not: the snapshot holds only those in force.
    /// </summary>
    public static readonly IReadOnlyList<string> WrittenBackResources =
        [SecurityGroup.Plural, Dropzone.Plural, Workspace.Plural, PersonalWorkflow.Plural];

    /// <summary>Custom resources users create and delete through the API.</summary>
    public static readonly IReadOnlyList<string> CreatedAndDeletedResources = [PersonalWorkflow.Plural, Workspace.Plural];

    /// <summary>Status the API reports: a PersonalWorkflow's run counts and last run (conditions stay the operator's).</summary>
    public static readonly IReadOnlyList<string> ReportedStatus = [PersonalWorkflow.Plural + "/status"];

    public static readonly IReadOnlyList<string> ReportedStatusVerbs = ["get", "patch"];

    public static readonly IReadOnlyList<string> WriteBackVerbs = ["get", "list", "watch", "patch", "update"];
    public static readonly IReadOnlyList<string> CreateAndDeleteVerbs = ["create", "delete"];
    public static readonly IReadOnlyList<string> ConfigMapVerbs = ["get", "list", "watch"];
    public static readonly IReadOnlyList<string> SecretVerbs = ["get"];

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Build(PlatformContext context)
    {
        yield return ServiceAccount(context);
        yield return Role(context);
        yield return RoleBinding(context);
    }

    public static V1ServiceAccount ServiceAccount(PlatformContext context) => new V1ServiceAccount
    {
        Metadata = ObjectMetadata.For(context, Component.Api, context.Names.Api),
    }.Initialize();

    public static V1Role Role(PlatformContext context)
    {
        List<V1PolicyRule> rules =
        [
            // list and watch with resourceNames work when the API selects metadata.name=<the ConfigMap>.
            Rule("", ["configmaps"], ConfigMapVerbs, [context.Names.Config]),
        ];
        // An empty resourceNames list would grant every Secret in the namespace: leave the rule out instead.
        if (ReadSecrets(context) is { Count: > 0 } secrets)
            rules.Add(Rule("", ["secrets"], SecretVerbs, secrets));
        rules.Add(Rule(Group, WrittenBackResources, WriteBackVerbs));
        rules.Add(Rule(Group, CreatedAndDeletedResources, CreateAndDeleteVerbs));
        rules.Add(Rule(Group, ReportedStatus, ReportedStatusVerbs));

        return new V1Role
        {
            Metadata = ObjectMetadata.For(context, Component.Api, context.Names.Api),
            Rules = rules,
        }.Initialize();
    }

    public static V1RoleBinding RoleBinding(PlatformContext context) => new V1RoleBinding
    {
        Metadata = ObjectMetadata.For(context, Component.Api, context.Names.Api),
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = context.Names.Api },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = context.Names.Api, NamespaceProperty = context.Namespace }],
    }.Initialize();

    /// <summary>
    /// Secrets the API reads through the Kubernetes API, sorted: the key-encryption key, the external
    /// S3 and Redis credentials, and the webhook keys of the compiled Personal Workflows.
    /// </summary>
    public static IReadOnlyList<string> ReadSecrets(PlatformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var names = new SortedSet<string>(StringComparer.Ordinal) { context.KeyEncryptionKeySecret };
        if (context.Spec.Storage.External is { } storage)
            names.Add(storage.SecretRef.Name);
        foreach (var cache in new[] { context.PinCache.Spec, context.SessionCache.Spec })
        {
            if (cache.External is { } external)
                names.Add(external.SecretRef.Name);
        }

        foreach (var workflow in context.Compiled.Workflows.Values)
        {
            foreach (var action in workflow.Actions)
            {
                if (action.Webhook is { } webhook)
                    names.Add(webhook.SecretRef.Name);
            }
        }

        names.Remove("");
        return [.. names];
    }

    private static V1PolicyRule Rule(string group, IEnumerable<string> resources, IEnumerable<string> verbs, IEnumerable<string>? names = null) => new()
    {
        ApiGroups = [group],
        Resources = [.. resources],
        Verbs = [.. verbs],
        ResourceNames = names is null ? null : [.. names],
    };
}

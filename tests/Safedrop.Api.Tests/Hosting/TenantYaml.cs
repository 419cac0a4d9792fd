namespace Safedrop.Api.Tests.Hosting;

/// <summary>Small YAML manifests for tests.</summary>
public static class TenantYaml
{
    public const string Namespace = "acme";
    public const string Domain = "acme.example";
    public const string Admin = "admin@acme.example";
    public const string RegisteredUser = "alice@acme.example";
    public const string UnregisteredUser = "mallory@elsewhere.example";

    public static string Organization(string @namespace = Namespace, string name = "acme", string domain = Domain, string admin = Admin, string plan = "Enterprise") => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Organization
        metadata:
          name: {name}
          namespace: {@namespace}
        spec:
          plan: {plan}
          domains:
            - {domain}
          admins:
            - {admin}
        """;

    public static string Dropzone(string name = "invoices", string owner = RegisteredUser, string @namespace = Namespace) => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Dropzone
        metadata:
          name: {name}
          namespace: {@namespace}
        spec:
          owner: {owner}
        """;

    /// <summary>A SecurityGroup granting <paramref name="permission"/> to <paramref name="members"/> only.</summary>
    public static string SecurityGroup(string name, string permission, params string[] members) => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: SecurityGroup
        metadata:
          name: {name}
          namespace: {Namespace}
        spec:
          permissions:
            - {permission}
          members:
        {string.Concat(members.Select(m => $"    - {m}\n"))}
        """;

    /// <summary>A Dropzone whose line 7 is not YAML (a mapping value where none is allowed).</summary>
    public const int MalformedLine = 7;

    public static string MalformedDropzone(string name = "invoices", string @namespace = Namespace) => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Dropzone
        metadata:
          name: {name}
          namespace: {@namespace}
        spec:
          owner: {RegisteredUser}: oops
        """;
}

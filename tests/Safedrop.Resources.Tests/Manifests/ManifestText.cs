// Not "...Tests.Manifests": that namespace would hide Safedrop.Resources.Manifests from sibling test folders.
using Safedrop.Resources.Manifests;

namespace Safedrop.Resources.Tests.ManifestReading;

/// <summary>Reads YAML given inline as (file, text) pairs, the way the check verb passes files.</summary>
internal static class ManifestText
{
    public static ManifestSet Read(string text) => Read(("tenant.yaml", text));

    public static ManifestSet Read(params (string Path, string Text)[] files) =>
        ManifestReader.Read(files.Select(f => new ManifestSource(f.Path, f.Text)), "acme");

    public static ManifestProblem SingleProblem(this ManifestSet set) => Assert.Single(set.Problems);

    public const string Organization = """
        apiVersion: safedrop.io/v1alpha1
        kind: Organization
        metadata:
          name: acme
        spec:
          plan: Enterprise
          domains: [acme.example]
          admins: [admin@acme.example]
        """;

    public const string Dropzone = """
        apiVersion: safedrop.io/v1alpha1
        kind: Dropzone
        metadata:
          name: uploads
        spec:
          owner: owner@acme.example
        """;
}

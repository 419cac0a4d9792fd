namespace Safedrop.Resources.Manifests;

/// <summary>
/// Reads multi-document YAML into resources, with file:line for every problem. Pure: the caller
/// reads the files. A document with any problem yields nothing, so what comes out is what the API
/// server would have accepted.
/// </summary>
public static class ManifestReader
{
    public static ManifestSet Read(IEnumerable<ManifestSource> sources, string defaultNamespace = "default")
    {
        ArgumentNullException.ThrowIfNull(sources);
        var resources = new List<LoadedResource>();
        var objects = new List<LoadedObject>();
        var problems = new List<ManifestProblem>();
        var declared = new Dictionary<ObjectIdentity, SourceLocation>();

        foreach (var source in sources)
        {
            var fileProblems = new List<ManifestProblem>();
            foreach (var document in YamlDocumentParser.Parse(source, fileProblems))
            {
                var outcome = DocumentReader.Read(document, defaultNamespace);
                fileProblems.AddRange(outcome.Problems);
                if (outcome.Identity is { } identity && outcome.IdentityLocation is { } location)
                {
                    if (declared.TryGetValue(identity, out var first))
                    {
                        fileProblems.Add(new(location, $"{identity} is declared twice: at {first} and at {location}"));
                        continue;
                    }

                    declared[identity] = location;
                }

                if (outcome.Resource is not null) resources.Add(outcome.Resource);
                if (outcome.Object is not null) objects.Add(outcome.Object);
            }

            problems.AddRange(fileProblems.OrderBy(p => p.Location.Line));
        }

        return new ManifestSet(resources, objects, problems);
    }
}

using Safedrop.Resources.Schema;

namespace Safedrop.Operator.Verbs;

/// <summary><c>crds &lt;dir&gt;</c>: writes the generated CRDs.</summary>
internal static class CrdsVerb
{
    public static int Run(DirectoryInfo dir, TextWriter output)
    {
        dir.Create();
        foreach (var crd in CrdGenerator.GenerateAll())
        {
            var fileName = CrdGenerator.FileName(crd);
            File.WriteAllText(Path.Combine(dir.FullName, fileName), CrdGenerator.ToYaml(crd));
            output.WriteLine("wrote " + Path.Combine(dir.ToString(), fileName));
        }

        return 0;
    }
}

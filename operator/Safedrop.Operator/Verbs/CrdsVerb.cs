namespace Safedrop.Operator.Verbs;

/// <summary><c>crds &lt;dir&gt;</c>: writes the generated CRDs.</summary>
internal static class CrdsVerb
{
    public static int Run(DirectoryInfo dir, TextWriter output) => throw new NotImplementedException();
}

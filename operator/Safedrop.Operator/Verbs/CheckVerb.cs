namespace Safedrop.Operator.Verbs;

/// <summary><c>check &lt;folder&gt;</c>: validates a GitOps folder like a pull-request check.</summary>
internal static class CheckVerb
{
    public static int Run(DirectoryInfo folder, TextWriter output) => throw new NotImplementedException();
}

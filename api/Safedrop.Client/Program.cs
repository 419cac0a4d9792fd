namespace Safedrop.Client.Cli;

/// <summary>
/// The <c>safedrop</c> tool's entry point. A named class rather than top-level statements: the tests reference this
/// assembly and the API's, and two global <c>Program</c> classes would collide there.
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => SafedropCli.InvokeAsync(args, CliEnvironment.FromProcess());
}

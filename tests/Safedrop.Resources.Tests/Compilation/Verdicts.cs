using Safedrop.Resources.Compilation;

namespace Safedrop.Resources.Tests.Compilation;

internal static class Verdicts
{
    /// <summary>Ready=True, or the reason it is not ("True" keeps table rows short).</summary>
    public static string ReadyOrReason(this CompilationResult result, string kind, string name)
    {
        var verdict = result.Find(kind, name) ?? throw new Xunit.Sdk.XunitException($"no verdict for {kind}/{name}");
        return verdict.Ready ? "True" : verdict.Reason;
    }
}

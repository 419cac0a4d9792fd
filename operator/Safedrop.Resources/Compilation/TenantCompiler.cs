namespace Safedrop.Resources.Compilation;

/// <summary>
/// The tenant compiler: a pure function from one namespace's resources to the config the API
/// enforces and the status of every resource. Every rule of SPEC.md that YAML alone decides lives here.
/// </summary>
public static class TenantCompiler
{
    public static CompilationResult Compile(TenantInput input) => throw new NotImplementedException();
}

using System.Diagnostics.CodeAnalysis;
using Safedrop.Operator.Verbs;
using Safedrop.Resources.Schema;

// "Operator" is the product's own name here, not Visual Basic's keyword.
[assembly: SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Safedrop.Operator.Tests.Verbs")]

namespace Safedrop.Operator.Tests.Verbs;

public sealed class CrdsVerbTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("safedrop-crds-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void Should_WriteOneFilePerKind_When_Run()
    {
        var dir = new DirectoryInfo(Path.Combine(_scratch.FullName, "out", "crds"));
        var output = new StringWriter();

        var exitCode = CrdsVerb.Run(dir, output);

        Assert.Equal(0, exitCode);
        foreach (var crd in CrdGenerator.GenerateAll())
        {
            var path = Path.Combine(dir.FullName, CrdGenerator.FileName(crd));
            Assert.Equal(CrdGenerator.ToYaml(crd), File.ReadAllText(path));
        }

        Assert.Equal(5, dir.GetFiles().Length);
    }

    [Fact]
    public void Should_PrintOneLinePerFileWritten_When_Run()
    {
        var dir = new DirectoryInfo(Path.Combine(_scratch.FullName, "crds"));
        var output = new StringWriter();

        CrdsVerb.Run(dir, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            CrdGenerator.GenerateAll().Select(c => "wrote " + Path.Combine(dir.ToString(), CrdGenerator.FileName(c))),
            lines);
    }

    [Fact]
    public void Should_Overwrite_When_AFileIsStale()
    {
        var dir = _scratch;
        var crd = CrdGenerator.GenerateAll()[0];
        var path = Path.Combine(dir.FullName, CrdGenerator.FileName(crd));
        File.WriteAllText(path, "stale");

        CrdsVerb.Run(dir, TextWriter.Null);

        Assert.Equal(CrdGenerator.ToYaml(crd), File.ReadAllText(path));
    }
}

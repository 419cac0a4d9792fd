namespace Safedrop.Client.Tests.Unit;

public sealed class LocalFileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("..", "file")]
    [InlineData("a\0b.txt", "a_b.txt")]
    [InlineData("report.pdf", "report.pdf")]
    public void Should_KeepOnlyAPlainName_When_TheSenderChoseAPath(string name, string expected) => Assert.Equal(expected, LocalFileNames.Safe(name));

    [Fact]
    public void Should_NotOverwrite_When_TheNameIsTaken()
    {
        var folder = Directory.CreateTempSubdirectory("safedrop-names").FullName;
        File.WriteAllText(Path.Combine(folder, "a.txt"), "x");

        Assert.Equal(Path.Combine(folder, "a (1).txt"), LocalFileNames.Free(folder, "a.txt"));
    }
}

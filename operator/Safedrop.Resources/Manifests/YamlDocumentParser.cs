using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Safedrop.Resources.Manifests;

/// <summary>
/// Turns a multi-document YAML text into JSON documents with YamlDotNet's event parser, which keeps
/// the position of every node. Empty documents are skipped. A syntax error ends the file: the
/// documents before it are kept and the error is reported at the parser's mark.
/// </summary>
internal static class YamlDocumentParser
{
    public static IReadOnlyList<YamlDocument> Parse(ManifestSource source, ICollection<ManifestProblem> fileProblems)
    {
        var documents = new List<YamlDocument>();
        var scanner = new Scanner(new StringReader(source.Text), skipComments: true);
        var parser = new Parser(scanner);
        DocumentBuilder? builder = null;
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                builder = new DocumentBuilder(source.Path, parser, FirstLine(parser, start));
                var document = builder.Build();
                parser.Consume<DocumentEnd>();
                if (document.Root is not null || document.Problems.Count > 0) documents.Add(document);
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            fileProblems.Add(new(new(source.Path, Math.Max(1, (int)e.Start.Line)), "malformed YAML: " + e.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException when a flow collection ([...] or {...}) is not closed.
            var line = Math.Max(1, (int)scanner.CurrentPosition.Line);
            var open = builder?.InnermostFlowCollection;
            fileProblems.Add(new(new(source.Path, line), open is null
                ? "malformed YAML: unexpected text"
                : $"malformed YAML: the {open.Value.Kind} opened at line {open.Value.Line} is not closed (missing '{open.Value.Closer}')"));
        }

        return documents;
    }

    /// <summary>A document's line is that of its first node (its first key), not of the <c>---</c> above it.</summary>
    private static int FirstLine(Parser parser, DocumentStart start) =>
        (int)(parser.Current is { } next and not DocumentEnd ? next.Start.Line : start.Start.Line);
}

using Spectre.Console;

namespace Safedrop.Operator.Verbs;

/// <summary>
/// Prints resources like <c>kubectl get</c>: upper-case headers, columns aligned by spaces, no borders.
/// Colours only on an interactive terminal; redirected output (a file, a CI log, a test) is plain text.
/// </summary>
internal static class StatusTable
{
    public static void Write(TextWriter output, IReadOnlyList<StatusRow> rows)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var buffer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(buffer),
        });

        // Never wrap: a message cut over lines is harder to read and to grep than a long line.
        console.Profile.Width = 100_000;
        console.Write(Build(rows));

        foreach (var line in buffer.ToString().Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length > 0) output.WriteLine(trimmed);
        }
    }

    private static Table Build(IReadOnlyList<StatusRow> rows)
    {
        var table = new Table().Border(TableBorder.None).HideRowSeparators();
        foreach (var header in (string[])["NAMESPACE", "KIND", "NAME", "READY", "REASON", "MESSAGE"])
            table.AddColumn(new TableColumn(header).Padding(0, 0, 3, 0).NoWrap());

        foreach (var row in rows)
        {
            table.AddRow(
                Cell(row.Namespace),
                Cell(row.Kind),
                Cell(row.Name),
                new Text(row.Ready ? "True" : "False", new Style(row.Ready ? Color.Green : Color.Red)),
                Cell(row.Reason),
                Cell(row.Message));
        }

        return table;
    }

    // Text, not markup: names and messages may contain '[' and ']'.
    private static Text Cell(string text) => new Text(text);
}

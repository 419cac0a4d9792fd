using System.Globalization;

namespace Safedrop.Benchmarks;

/// <summary>
/// Prints figures, one per line (`label  value`), in sections, ready to paste into an issue.
/// Progress goes to stderr so stdout holds only the figures.
/// </summary>
internal static class Report
{
    private const int LabelWidth = 58;

    public static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(new string('-', title.Length));
    }

    public static void Figure(string label, string value) => Console.WriteLine($"  {label.PadRight(LabelWidth)} {value}");

    public static void Figure(string label, double value, string format, string unit = "") =>
        Figure(label, value.ToString(format, CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : ""));

    public static void Note(string text) => Console.WriteLine($"  note: {text}");

    public static void Progress(string text) => Console.Error.WriteLine($"  .. {text}");

    public static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}

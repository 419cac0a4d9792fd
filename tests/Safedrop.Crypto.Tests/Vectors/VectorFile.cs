using System.Text.Encodings.Web;
using System.Text.Json;
using Safedrop.Testing;

namespace Safedrop.Crypto.Tests.Vectors;

/// <summary>Where the committed vectors live and how they are written, so regenerating them is byte-for-byte stable.</summary>
internal static class VectorFile
{
    /// <summary>Set to 1 to (re)write the committed file from the code instead of comparing.</summary>
    public const string WriteVariable = "SAFEDROP_WRITE_VECTORS";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Keeps non-ASCII identifiers readable in the file; it is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string VectorsDirectory => Path.Combine(RepositoryPaths.Root, "tests", "vectors");

    public static string FilePath => Path.Combine(VectorsDirectory, "encryption-v1.json");

    public static string Serialize(EncryptionVectors vectors) => JsonSerializer.Serialize(vectors, Json) + "\n";

    public static EncryptionVectors Load() =>
        JsonSerializer.Deserialize<EncryptionVectors>(File.ReadAllText(FilePath), Json)
        ?? throw new InvalidOperationException("The vectors file is empty.");
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safedrop.Resources.Compilation;

/// <summary>
/// Reads IReadOnlySet&lt;T&gt; (which System.Text.Json cannot instantiate) as a sorted set, so a config read
/// back from its snapshot serialises exactly as before and keeps its revision.
/// </summary>
internal sealed class ReadOnlySetConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlySet<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<IReadOnlySet<T>>
    {
        public override IReadOnlySet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var items = JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? [];
            return typeof(T) == typeof(string)
                ? (IReadOnlySet<T>)(object)new SortedSet<string>(items.Cast<string>(), StringComparer.Ordinal)
                : new SortedSet<T>(items);
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.AsEnumerable(), options);
    }
}

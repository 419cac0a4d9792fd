using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.Status;

/// <summary>One entry of <c>details.causes</c>: a field-level reason for a failure.</summary>
internal sealed record StatusCause(string Reason, string Message, string Field)
{
    public JsonObject ToJson() => new() { ["reason"] = Reason, ["message"] = Message, ["field"] = Field };

    /// <summary>How the API server prints one field error inside an aggregate message.</summary>
    public string Describe() => (Field.Length == 0 ? "<nil>" : Field) + ": " + Message;
}

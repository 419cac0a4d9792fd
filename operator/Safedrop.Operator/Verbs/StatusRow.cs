namespace Safedrop.Operator.Verbs;

/// <summary>One line of the status table: a resource and its Ready condition.</summary>
internal sealed record StatusRow(string Namespace, string Kind, string Name, bool Ready, string Reason, string Message);

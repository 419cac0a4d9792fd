using System.ComponentModel;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Model;

/// <summary>The shape of Kubernetes' metav1.Condition.</summary>
[Description("One aspect of the resource's state, in the shape of metav1.Condition.")]
public sealed class Condition
{
    [Required, Description("Type of condition in PascalCase, for example Ready."), Length(1, 316)]
    public string Type { get; set; } = "";

    [Required, Description("True, False or Unknown.")]
    public ConditionStatus Status { get; set; } = ConditionStatus.Unknown;

    [Required, Description("Machine-readable PascalCase reason for the condition's last transition."), Length(1, 1024),
     Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")]
    public string Reason { get; set; } = "";

    [Description("Human-readable message: what is wrong and what to do about it."), Length(0, 32768)]
    public string Message { get; set; } = "";

    [Description("The .metadata.generation the condition was computed from.")]
    public long? ObservedGeneration { get; set; }

    [Required, Description("When the condition last changed from one status to another."), Format("date-time")]
    public DateTimeOffset LastTransitionTime { get; set; }
}

public enum ConditionStatus
{
    True,
    False,
    Unknown,
}

/// <summary>A reference to one key of a Kubernetes Secret in the resource's namespace.</summary>
[Description("A key of a Secret in the same namespace.")]
public sealed class SecretKeyReference
{
    [Required, Description("Name of the Secret."), Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public string Name { get; set; } = "";

    [Description("Key within the Secret. Each use documents its default."), Length(1, 253)]
    public string? Key { get; set; }
}

/// <summary>A reference to a whole Kubernetes Secret in the resource's namespace.</summary>
[Description("A Secret in the same namespace.")]
public sealed class SecretReference
{
    [Required, Description("Name of the Secret."), Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public string Name { get; set; } = "";
}

/// <summary>Patterns shared by several fields.</summary>
public static class Patterns
{
    public const string DnsSubdomain = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    public const string DnsLabel = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    // Deliberately loose: the compiler normalises and checks addresses properly (IDN, case, trimming);
    // the schema only rejects what is obviously not an address.
    public const string Email = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    public const string Domain = "^([a-zA-Z0-9\\u00a1-\\uffff]([-a-zA-Z0-9\\u00a1-\\uffff]*[a-zA-Z0-9\\u00a1-\\uffff])?\\.)+[a-zA-Z\\u00a1-\\uffff][-a-zA-Z0-9\\u00a1-\\uffff]*$";
    public const string Quantity = "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";
    public const string FolderPath = "^/([^/\\u0000]+(/[^/\\u0000]+)*)?$";
}

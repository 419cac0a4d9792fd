using k8s.Models;

namespace Safedrop.Operator.Platform;

/// <summary>Security contexts that pass the "restricted" Pod Security Standard.</summary>
public static class SecurityContexts
{
    public const string RuntimeDefault = "RuntimeDefault";

    /// <summary>The pod runs as a fixed non-root user; with a volume to write, its files get that user's group.</summary>
    public static V1PodSecurityContext Pod(long user, bool ownsVolumes = false) => new()
    {
        RunAsNonRoot = true,
        RunAsUser = user,
        RunAsGroup = user,
        FsGroup = ownsVolumes ? user : null,
        FsGroupChangePolicy = ownsVolumes ? "OnRootMismatch" : null,
        SeccompProfile = new V1SeccompProfile { Type = RuntimeDefault },
    };

    public static V1SecurityContext Container() => new()
    {
        RunAsNonRoot = true,
        ReadOnlyRootFilesystem = true,
        AllowPrivilegeEscalation = false,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
        SeccompProfile = new V1SeccompProfile { Type = RuntimeDefault },
    };

    /// <summary>A writable /tmp on a read-only root filesystem.</summary>
    public static V1Volume TmpVolume() => new() { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() };

    public static V1VolumeMount TmpMount() => new() { Name = "tmp", MountPath = "/tmp" };
}

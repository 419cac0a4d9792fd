using k8s.Models;

namespace Safedrop.Operator.Tests.Chart;

/// <summary>
/// The checks of the "restricted" Pod Security Standard (baseline included) that a pod spec can
/// fail, as admission would apply them to a namespace labelled pod-security.kubernetes.io/enforce=restricted.
/// </summary>
internal static class RestrictedPodSecurity
{
    private static readonly HashSet<string> AllowedVolumeTypes =
        ["ConfigMap", "Csi", "DownwardAPI", "EmptyDir", "Ephemeral", "PersistentVolumeClaim", "Projected", "Secret"];

    public static IReadOnlyList<string> Violations(V1PodSpec pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var violations = new List<string>();
        void Check(bool ok, string violation)
        {
            if (!ok) violations.Add(violation);
        }

        Check(pod.HostNetwork != true && pod.HostPID != true && pod.HostIPC != true, "host namespaces");
        foreach (var volume in pod.Volumes ?? [])
        {
            var types = typeof(V1Volume).GetProperties()
                .Where(p => p.Name != nameof(V1Volume.Name) && p.GetValue(volume) is not null)
                .Select(p => p.Name);
            Check(types.All(AllowedVolumeTypes.Contains), $"volume {volume.Name} has a disallowed type ({string.Join(", ", types)})");
        }

        var podContext = pod.SecurityContext;
        Check(podContext?.RunAsUser != 0, "pod runAsUser 0");
        Check(podContext?.Sysctls is null or { Count: 0 }, "pod sysctls");
        foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
        {
            var context = container.SecurityContext;
            var name = container.Name;
            Check(context?.Privileged != true, $"{name}: privileged");
            Check(context?.AllowPrivilegeEscalation == false, $"{name}: allowPrivilegeEscalation must be false");
            Check(context?.RunAsNonRoot == true || (podContext?.RunAsNonRoot == true && context?.RunAsNonRoot != false), $"{name}: runAsNonRoot must be true");
            Check(context?.RunAsUser != 0, $"{name}: runAsUser 0");
            var seccomp = context?.SeccompProfile?.Type ?? podContext?.SeccompProfile?.Type;
            Check(seccomp is "RuntimeDefault" or "Localhost", $"{name}: seccompProfile must be RuntimeDefault or Localhost");
            Check(context?.Capabilities?.Drop?.Contains("ALL") == true, $"{name}: capabilities must drop ALL");
            Check((context?.Capabilities?.Add ?? []).All(c => c == "NET_BIND_SERVICE"), $"{name}: capabilities may add only NET_BIND_SERVICE");
            Check((container.Ports ?? []).All(p => p.HostPort is null or 0), $"{name}: host ports");
            Check(context?.ProcMount is null or "Default", $"{name}: procMount");
        }

        return violations;
    }
}

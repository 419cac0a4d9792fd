using k8s.Models;

namespace Safedrop.Operator.Platform;

/// <summary>Health probes with explicit timings, so an applied object never differs from its defaults by accident.</summary>
public static class Probes
{
    public static V1Probe Http(string path, string port, int periodSeconds = 10) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = port },
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 2,
        FailureThreshold = 3,
    };

    public static V1Probe Tcp(string port, int periodSeconds = 10) => new()
    {
        TcpSocket = new V1TCPSocketAction { Port = port },
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 2,
        FailureThreshold = 3,
    };
}

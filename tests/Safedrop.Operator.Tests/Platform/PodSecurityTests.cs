using k8s.Models;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class PodSecurityTests
{
    [Fact]
    public void Should_RunEveryPodUnderTheRestrictedPodSecurityStandard()
    {
        var templates = Plan(Everything).PodTemplates().ToList();

        Assert.Equal(4, templates.Count);
        Assert.All(templates, template =>
        {
            var pod = template.Spec.SecurityContext;
            Assert.True(pod.RunAsNonRoot);
            Assert.InRange(pod.RunAsUser!.Value, 1, long.MaxValue);
            Assert.Equal("RuntimeDefault", pod.SeccompProfile.Type);
            Assert.All(template.Spec.Containers.Concat(template.Spec.InitContainers ?? []), container =>
            {
                var security = container.SecurityContext;
                Assert.True(security.RunAsNonRoot);
                Assert.True(security.ReadOnlyRootFilesystem);
                Assert.False(security.AllowPrivilegeEscalation);
                Assert.Equal(["ALL"], security.Capabilities.Drop);
                Assert.Null(security.Capabilities.Add);
                Assert.Null(security.Privileged);
                Assert.Equal("RuntimeDefault", security.SeccompProfile.Type);
            });
            Assert.DoesNotContain(template.Spec.Volumes ?? [], v => v.HostPath is not null);
            Assert.Null(template.Spec.HostNetwork);
        });
    }

    [Fact]
    public void Should_GiveStatefulPodsTheirVolumesThroughFsGroup()
    {
        var minio = Plan().Get<V1StatefulSet>("safedrop-acme-minio").Spec.Template.Spec.SecurityContext;

        Assert.Equal(minio.RunAsUser, minio.FsGroup);
    }

    [Fact]
    public void Should_NotMountAServiceAccountToken_When_APodDoesNotTalkToKubernetes()
    {
        var templates = Plan(Everything).PodTemplates().Where(t => t.Metadata.Labels["app.kubernetes.io/component"] != "api");

        Assert.All(templates, t => Assert.False(t.Spec.AutomountServiceAccountToken));
    }
}

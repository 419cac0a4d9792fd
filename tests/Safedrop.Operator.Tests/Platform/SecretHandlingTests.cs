using System.Text;
using k8s.Models;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class SecretHandlingTests
{
    [Fact]
    public void Should_NeverPutSecretValuesInEnv()
    {
        var plan = Plan(Everything);
        var secretValues = plan.OfType<V1Secret>().SelectMany(s => s.Data.Values).Select(v => Encoding.UTF8.GetString(v)).ToList();
        var containers = plan.PodTemplates().SelectMany(t => t.Spec.Containers).ToList();

        Assert.NotEmpty(secretValues);
        Assert.All(containers.SelectMany(c => c.Env ?? []), env =>
        {
            Assert.True(env.Value is null ^ env.ValueFrom is null, $"{env.Name} has either a value or a reference");
            Assert.DoesNotContain(secretValues, v => env.Value?.Contains(v, StringComparison.Ordinal) == true);
        });
        Assert.All(containers.SelectMany(c => (c.Args ?? []).Concat(c.Command ?? [])), arg =>
            Assert.DoesNotContain(secretValues, v => arg.Contains(v, StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_ReferenceEveryCredentialBySecretKey()
    {
        var plan = Plan(Everything);
        var sensitive = new[] { "KEY", "PASSWORD", "SECRET", "CONNECTIONSTRING", "ROOT_USER" };

        var envs = plan.PodTemplates().SelectMany(t => t.Spec.Containers).SelectMany(c => c.Env ?? [])
            .Where(e => sensitive.Any(s => e.Name.Contains(s, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.NotEmpty(envs);
        Assert.All(envs, e => Assert.NotNull(e.ValueFrom?.SecretKeyRef));
    }

    [Fact]
    public void Should_NeverUseStringDataInSecrets()
    {
        // stringData is write-only on the server: applying it would differ from what is read back on every reconcile.
        Assert.All(Plan(Everything).OfType<V1Secret>(), s => Assert.Null(s.StringData));
    }
}

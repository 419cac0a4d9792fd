using k8s.Models;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Model;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class RedisCacheTests
{
    private static V1Container Redis(IReadOnlyList<k8s.IKubernetesObject<V1ObjectMeta>> plan, string name) =>
        plan.Get<V1Deployment>(name).Spec.Template.Spec.Containers.Single();

    [Fact]
    public void Should_SetMaxmemoryAndEviction_ForRedisCaches()
    {
        var plan = Plan(Everything);

        Assert.Equal(
            ["/etc/redis/redis.conf", "--save", "", "--appendonly", "no", "--maxmemory", "67108864", "--maxmemory-policy", "allkeys-lru"],
            Redis(plan, "safedrop-acme-pin-cache").Args);
        Assert.Equal("134217728", Redis(plan, "safedrop-acme-session-cache").Args[6]);
    }

    [Fact]
    public void Should_LimitMemoryAQuarterAboveMaxmemory()
    {
        var resources = Redis(Plan(Everything), "safedrop-acme-session-cache").Resources;

        Assert.Equal(new ResourceQuantity("128Mi"), resources.Requests["memory"]);
        Assert.Equal(new ResourceQuantity("160Mi"), resources.Limits["memory"]);
    }

    [Fact]
    public void Should_LeaveAtLeast16MiHeadroom_When_TheCacheIsSmall()
    {
        Assert.Equal(48L * 1024 * 1024, RedisCacheBuilder.MemoryLimitBytes(32L * 1024 * 1024));
    }

    [Theory]
    [InlineData("128Mi", 134217728L)]
    [InlineData("1Gi", 1073741824L)]
    [InlineData("100M", 100000000L)]
    [InlineData("0.5Gi", 536870912L)]
    public void Should_ReadMaxmemoryAsBytesFromTheQuantity(string memory, long bytes)
    {
        Assert.Equal(bytes, RedisCacheBuilder.MaxMemoryBytes(memory));
    }

    [Fact]
    public void Should_RefuseACacheWithoutMemory()
    {
        Assert.Throws<ArgumentException>(() => RedisCacheBuilder.MaxMemoryBytes("0"));
    }

    [Fact]
    public void Should_RunOneReplicaOfTheGivenImagePerCache()
    {
        var plan = Plan();

        Assert.All(new[] { "safedrop-acme-pin-cache", "safedrop-acme-session-cache" }, name =>
        {
            var deployment = plan.Get<V1Deployment>(name);
            Assert.Equal(1, deployment.Spec.Replicas);
            Assert.Equal(Inputs.RedisImage, deployment.Spec.Template.Spec.Containers.Single().Image);
            Assert.Equal(6379, plan.Get<V1Service>(name).Spec.Ports.Single().Port);
        });
    }

    [Fact]
    public void Should_RequireThePasswordFromTheGeneratedSecret()
    {
        var plan = Plan();
        var secret = plan.Get<V1Secret>("safedrop-acme-pin-cache-credentials");
        var pod = plan.Get<V1Deployment>("safedrop-acme-pin-cache").Spec.Template.Spec;

        Assert.Matches("^[A-Za-z0-9]{40}$", secret.Text("password"));
        Assert.Equal($"requirepass \"{secret.Text("password")}\"\n", secret.Text("redis.conf"));
        Assert.Equal("safedrop-acme-pin-cache-credentials", pod.Volumes.Single(v => v.Secret is not null).Secret.SecretName);
        Assert.Contains(pod.Containers.Single().VolumeMounts, m => m.MountPath == "/etc/redis" && m.ReadOnlyProperty == true);
    }

    [Fact]
    public void Should_GiveTheApiAConnectionStringWithThePassword()
    {
        var secret = Plan().Get<V1Secret>("safedrop-acme-session-cache-credentials");

        Assert.Equal($"safedrop-acme-session-cache.acme.svc:6379,password={secret.Text("password")},abortConnect=false", secret.Text("connectionString"));
    }

    [Fact]
    public void Should_KeepTheCachePassword_When_SecretAlreadyExists()
    {
        var inputs = Inputs with { ExistingPinCacheCredentials = new Dictionary<string, byte[]> { ["password"] = "kept-password"u8.ToArray() } };

        var secret = Plan(inputs: inputs).Get<V1Secret>("safedrop-acme-pin-cache-credentials");

        Assert.Equal("kept-password", secret.Text("password"));
        Assert.Contains("password=kept-password,", secret.Text("connectionString"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_OmitACache_When_ItIsExternal()
    {
        var plan = Plan(spec => spec.Platform.PinCache.External = new ExternalCacheSpec { SecretRef = new SecretReference { Name = "pin-redis" } });

        Assert.DoesNotContain(plan, o => o.Metadata.Labels["app.kubernetes.io/component"] == "pin-cache");
        Assert.True(plan.Has<V1Deployment>("safedrop-acme-session-cache"));
        Assert.Equal("pin-redis", plan.ApiContainer().Env(ApiEnvironment.PinCacheConnectionString).ValueFrom.SecretKeyRef.Name);
    }
}

namespace Safedrop.Operator.Tests.Chart;

public class ValuesSchemaTests
{
    [Fact]
    public async Task Should_RejectAMisspelledValue()
    {
        var result = await SafedropChart.TemplateAsync("replicaCount=2");

        Assert.False(result.Succeeded);
        Assert.Contains("replicaCount", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_RejectAValueOfTheWrongType()
    {
        var result = await SafedropChart.TemplateAsync("replicas=x");

        Assert.False(result.Succeeded);
        Assert.Contains("/replicas", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image.tags=1.0.0")]
    [InlineData("metrics.serviceMonitor.enable=true")]
    [InlineData("crds.enabled=yes please")]
    [InlineData("image.pullPolicy=Sometimes")]
    [InlineData("logLevel=Verbose")]
    [InlineData("resources.requests.cpu=lots")]
    public async Task Should_RejectAnUnknownOrInvalidNestedValue(string value)
    {
        var result = await SafedropChart.TemplateAsync(value);

        Assert.False(result.Succeeded, $"--set {value} rendered");
        Assert.Contains("values don't meet the specifications of the schema", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_AcceptEveryDocumentedValue()
    {
        var result = await SafedropChart.TemplateAsync(
            "replicas=2", "image.tag=1.0.0", "imagePullSecrets[0].name=regcred", "serviceAccount.annotations.a=b",
            "logLevel=Debug", "resources.limits.cpu=1", "metrics.service.port=9090", "metrics.serviceMonitor.enabled=true",
            "metrics.serviceMonitor.interval=1m", "podDisruptionBudget.maxUnavailable=2", "crds.keep=false");

        Assert.True(result.Succeeded, result.StandardError);
    }
}

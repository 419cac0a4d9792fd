using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Safedrop.Api.Workflows.Events;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>POSTs the event as JSON, signed with the Secret the action names. Any 2xx answer is a success.</summary>
public sealed class WebhookDelivery(IHttpClientFactory clients, IWorkflowSecrets secrets, IOptions<WorkflowEngineOptions> options, TimeProvider time)
{
    public const string HttpClientName = "safedrop-workflow-webhook";

    public async Task<ActionAttempt> DeliverAsync(WebhookAction action, WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (await secrets.GetAsync(action.SecretRef, cancellationToken) is not { Length: > 0 } secret)
            return ActionAttempt.Failure($"the Secret '{action.SecretRef.Name}' (key '{WorkflowSecretKeys.KeyOf(action.SecretRef)}') does not exist or is empty");

        var body = JsonSerializer.SerializeToUtf8Bytes(workflowEvent, WorkflowJson.Options);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, action.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.WebhookTimeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? ActionAttempt.Success($"HTTP {status}")
                : ActionAttempt.Failure($"HTTP {status} from the receiver");
        }
        catch (HttpRequestException e)
        {
            return ActionAttempt.Failure("could not reach the receiver: " + e.HttpRequestError);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ActionAttempt.Failure($"no answer within {options.Value.WebhookTimeout.TotalSeconds} s");
        }
    }
}

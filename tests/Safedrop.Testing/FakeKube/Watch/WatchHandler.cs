using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Safedrop.Testing.FakeKube.Http;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Status;
using Safedrop.Testing.FakeKube.Storage;

namespace Safedrop.Testing.FakeKube.Watch;

/// <summary>
/// <c>?watch=1</c>: one 200 response streaming newline-delimited JSON events (kube-wire 15). Without a
/// resourceVersion (or "0") it starts with ADDED for every current object; from a resourceVersion it
/// replays the retained changes after it, or sends one ERROR 410 event when those were compacted (kube-wire 16).
/// Ends after <c>timeoutSeconds</c>, when the client goes, or when the server stops.
/// </summary>
internal static class WatchHandler
{
    public static async Task<int> StreamAsync(FakeKubeState state, ApiRequest request, Action opened)
    {
        var labels = LabelSelector.Parse(request.QueryValue("labelSelector"));
        var fields = FieldSelector.Parse(request.QueryValue("fieldSelector"));
        var requestedVersion = request.QueryValue("resourceVersion");
        long? fromRevision = string.IsNullOrEmpty(requestedVersion) || requestedVersion == "0"
            ? null
            : long.TryParse(requestedVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new KubeApiException(StatusBodies.BadRequest($"invalid resource version: {requestedVersion}"));

        bool Wanted(StoredEvent change) =>
            change.Resource == request.Type.Storage
            && (request.Namespace is null || change.Namespace == request.Namespace)
            && labels.Matches(change.Object.Labels())
            && fields.Matches(change.Object);

        var interrupted = await state.WatchInterruptions.EnterAsync(request.Http.RequestAborted);
        List<JsonObject> initial = [];
        List<StoredEvent>? backlog;
        WatchSubscription feed;
        long seen;
        lock (state.Store.Gate)
        {
            seen = fromRevision ?? state.Store.Revision;
            if (fromRevision is null)
                initial = [.. state.Store.List(request.Type.Storage, request.Namespace).Where(o => labels.Matches(o.Labels()) && fields.Matches(o))];
            (backlog, feed) = state.Store.Subscribe(seen, Wanted);
        }

        using (feed)
        {
            var response = request.Http.Response;
            response.StatusCode = 200;
            response.ContentType = "application/json";
            await response.StartAsync(request.Http.RequestAborted);
            opened();
            if (backlog is null)
            {
                await WriteAsync(response, WatchEvents.Expired(fromRevision!.Value, state.Store.CompactedRevision), request.Http.RequestAborted);
                return 200;
            }

            foreach (var obj in initial) await WriteAsync(response, WatchEvents.Event(StoredEvent.Added, Presenter.Object(request.Type, obj)), request.Http.RequestAborted);
            foreach (var change in backlog)
            {
                await WriteAsync(response, WatchEvents.Event(change.Type, Presenter.Object(request.Type, change.Object)), request.Http.RequestAborted);
                seen = change.Revision;
            }

            await FollowAsync(state, request, feed, seen, interrupted);
        }

        return 200;
    }

    private static async Task FollowAsync(FakeKubeState state, ApiRequest request, WatchSubscription feed, long seen, CancellationToken interrupted)
    {
        using var end = CancellationTokenSource.CreateLinkedTokenSource(request.Http.RequestAborted, state.Stopping, interrupted);
        if (int.TryParse(request.QueryValue("timeoutSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var timeout) && timeout > 0)
            end.CancelAfter(TimeSpan.FromSeconds(timeout));
        var bookmarks = request.QueryFlag("allowWatchBookmarks");
        try
        {
            while (!end.IsCancellationRequested)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(end.Token);
                if (bookmarks) tick.CancelAfter(state.Options.BookmarkInterval);
                try
                {
                    var change = await feed.Events.ReadAsync(tick.Token);
                    seen = change.Revision;
                    await WriteAsync(request.Http.Response, WatchEvents.Event(change.Type, Presenter.Object(request.Type, change.Object)), end.Token);
                }
                catch (OperationCanceledException) when (!end.IsCancellationRequested)
                {
                    // Nothing pending for this watch: it has seen everything up to the store's revision.
                    long revision;
                    lock (state.Store.Gate) revision = feed.Events.TryPeek(out _) ? seen : state.Store.Revision;
                    seen = revision;
                    await WriteAsync(request.Http.Response, WatchEvents.Bookmark(request.Type, revision), end.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended: timeout, client gone, or server stopping.
        }
    }

    private static async Task WriteAsync(HttpResponse response, JsonObject watchEvent, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(KubeJson.Write(watchEvent) + "\n"), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workspaces;
using static Safedrop.Api.Tests.Workspaces.WorkspaceTenant;

namespace Safedrop.Api.Tests.Workspaces;

/// <summary>Files and folders through HTTP: streamed, encrypted at rest, renamed and moved without copying, paths checked.</summary>
public sealed class WorkspaceFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Marker = "SAFEDROP-PLAINTEXT-SAMPLE";

    /// <summary>9 MiB and a bit of recognisable text: three parts of the sealed format, the last one short.</summary>
    private static byte[] Text(int length)
    {
        var line = Encoding.ASCII.GetBytes(Marker + " the quick brown fox jumps over the lazy dog\n");
        var content = new byte[length];
        for (var i = 0; i < length; i++) content[i] = line[i % line.Length];
        return content;
    }

    [Fact]
    public async Task Should_Download_Identical_Bytes_And_Store_No_Plaintext_When_A_Large_File_Is_Uploaded()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);
        var content = Text(9 * 1024 * 1024 + 321);

        using var uploaded = await editor.UploadAsync("reports/2025/big.log", content);
        using var downloaded = await editor.DownloadAsync("reports/2025/big.log");

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        Assert.Equal(content.Length, downloaded.Content.Headers.ContentLength);
        Assert.Equal(content, await downloaded.Content.ReadAsByteArrayAsync(Ct));
        var sample = Encoding.ASCII.GetBytes(Marker);
        var files = Directory.EnumerateFiles(api.DataFolder, "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(api.StoredObjects());
        Assert.All(files, file => Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(sample) < 0, $"{file} holds plaintext"));
        Assert.Contains(api.AuditEvents, e => e is { Action: WorkspaceFiles.UploadAction, Outcome: AuditOutcome.Succeeded, Actor: Editor, Resource: "workspace/projects/reports/2025/big.log" });
        Assert.Contains(api.AuditEvents, e => e is { Action: WorkspaceFiles.DownloadAction, Outcome: AuditOutcome.Allowed, Actor: Editor });
    }

    [Fact]
    public async Task Should_List_Folders_And_Files_With_Size_Time_And_Uploader()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);
        using var external = await api.SignedInClientAsync(External);
        (await editor.UploadAsync("docs/a.txt", Text(10))).Dispose();
        (await external.UploadAsync("docs/B.txt", Text(20))).Dispose();
        using var created = await editor.CreateFolderAsync("docs/drafts");

        var root = await editor.ListingAsync();
        var rootWithoutSlash = await editor.GetFromJsonAsync<FolderListing>($"/v1/workspaces/{Name}/folders", LocalApi.Json, Ct);
        using var missing = await editor.ListAsync("nowhere");
        var docs = await editor.ListingAsync("docs");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["docs"], root.Folders.Select(f => f.Name));
        Assert.Equal(["docs"], rootWithoutSlash!.Folders.Select(f => f.Name));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(root.Files);
        Assert.Equal(["drafts"], docs.Folders.Select(f => f.Name));
        Assert.Equal([("a.txt", 10L, Editor), ("B.txt", 20L, External)], docs.Files.Select(f => (f.Name, f.Size, f.UploadedBy)));
        Assert.All(docs.Files, f => Assert.True(f.ModifiedAt > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Contains(api.AuditEvents, e => e is { Action: WorkspaceFolders.CreateAction, Outcome: AuditOutcome.Succeeded, Resource: "workspace/projects/docs/drafts" });
    }

    [Fact]
    public async Task Should_Keep_The_Stored_Object_And_Free_The_Old_Path_When_A_File_Is_Renamed_Or_Moved()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);
        var content = Text(5000);
        (await editor.UploadAsync("inbox/report.txt", content)).Dispose();
        (await editor.CreateFolderAsync("archive")).Dispose();
        var stored = api.StoredObjects();
        var storedBytes = File.ReadAllBytes(Assert.Single(stored));

        using var renamed = await editor.RenameAsync("inbox/report.txt", "Report-final.txt");
        using var moved = await editor.MoveAsync("inbox/Report-final.txt", "archive");

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("archive/Report-final.txt", (await moved.Content.ReadFromJsonAsync<EntryResult>(LocalApi.Json, Ct))!.Path);
        Assert.Equal(stored, api.StoredObjects());
        Assert.Equal(storedBytes, File.ReadAllBytes(stored[0]));
        using var oldPath = await editor.DownloadAsync("inbox/report.txt");
        using var renamedPath = await editor.DownloadAsync("inbox/Report-final.txt");
        using var newPath = await editor.DownloadAsync("archive/report-FINAL.txt");
        Assert.Equal(HttpStatusCode.NotFound, oldPath.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, renamedPath.StatusCode);
        Assert.Equal(content, await newPath.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains(api.AuditEvents, e => e is { Action: "workspace.file.rename", Outcome: AuditOutcome.Succeeded, Resource: "workspace/projects/inbox/report.txt" });
        Assert.Contains(api.AuditEvents, e => e is { Action: "workspace.file.move", Outcome: AuditOutcome.Succeeded, Resource: "workspace/projects/inbox/Report-final.txt" });
    }

    [Fact]
    public async Task Should_Carry_Everything_Inside_When_A_Folder_Is_Moved_And_Renamed()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);
        (await editor.UploadAsync("a/b/one.txt", Text(1))).Dispose();
        (await editor.UploadAsync("a/b/c/two.txt", Text(2))).Dispose();
        (await editor.CreateFolderAsync("z")).Dispose();
        var stored = api.StoredObjects();

        using var moved = await editor.MoveAsync("a/b", "z");
        using var renamed = await editor.RenameAsync("z/b", "B2");
        using var intoItself = await editor.MoveAsync("z", "z/B2/c");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, intoItself.StatusCode);
        Assert.Equal(stored, api.StoredObjects());
        Assert.Empty((await editor.ListingAsync("a")).Folders);
        Assert.Equal(["c"], (await editor.ListingAsync("z/B2")).Folders.Select(f => f.Name));
        Assert.Equal(Text(2), await (await editor.DownloadAsync("z/B2/c/two.txt")).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains(api.AuditEvents, e => e is { Action: "workspace.folder.move", Outcome: AuditOutcome.Succeeded });
    }

    [Fact]
    public async Task Should_Refuse_With_A_Conflict_When_A_Name_Exists_Ignoring_Case()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);
        (await editor.UploadAsync("Notes.txt", Text(3))).Dispose();
        (await editor.UploadAsync("other.txt", Text(3))).Dispose();

        using var folderOverFile = await editor.CreateFolderAsync("NOTES.TXT");
        using var renameOntoOther = await editor.RenameAsync("Notes.txt", "OTHER.txt");
        using var fileUnderFile = await editor.UploadAsync("notes.txt/inner.txt", Text(1));
        using var caseOnly = await editor.RenameAsync("notes.txt", "NOTES.txt");

        Assert.Equal(HttpStatusCode.Conflict, folderOverFile.StatusCode);
        Assert.Equal(ProblemTypes.WorkspaceEntryConflict, (await folderOverFile.ProblemAsync()).Type);
        Assert.Equal(HttpStatusCode.Conflict, renameOntoOther.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, fileUnderFile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, caseOnly.StatusCode);
        Assert.Equal(["NOTES.txt", "other.txt"], (await editor.ListingAsync()).Files.Select(f => f.Name));
    }

    [Theory]
    [InlineData("a//b.txt")]
    [InlineData("a/b.txt%5Cc")]
    [InlineData("a/%01b.txt")]
    public async Task Should_Answer_A_Path_Problem_When_The_Upload_Path_Is_Invalid(string rawPath)
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);
        using var body = new ByteArrayContent(Text(5));

        using var response = await editor.PutAsync($"/v1/workspaces/{Name}/files/{rawPath}", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(ProblemTypes.WorkspacePathInvalid, problem.Type);
        Assert.Contains("not a valid path", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(api.StoredObjects());
    }

    [Fact]
    public async Task Should_Answer_Path_Problems_For_Long_Names_And_Bad_Renames()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);
        (await editor.UploadAsync("x.txt", Text(1))).Dispose();

        using var longName = await editor.UploadAsync(new string('n', WorkspacePath.MaxSegmentLength + 1), Text(1));
        using var slashName = await editor.RenameAsync("x.txt", "a/b.txt");
        using var dotName = await editor.RenameAsync("x.txt", "..");
        using var rootFile = await editor.UploadAsync("", Text(1));
        using var dotDotSource = await editor.MoveAsync("a/../x.txt", "");
        using var dotDotDestination = await editor.MoveAsync("x.txt", "a/..");
        using var emptySegment = await editor.MoveAsync("x.txt", "a//b");

        Assert.All<HttpResponseMessage>([longName, slashName, dotName, dotDotSource, dotDotDestination, emptySegment], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(ProblemTypes.WorkspacePathInvalid, (await slashName.ProblemAsync()).Type);
        Assert.Equal(HttpStatusCode.BadRequest, rootFile.StatusCode);
    }

    [Fact]
    public async Task Should_Require_Content_Length_When_Uploading()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);
        using var request = new HttpRequestMessage(HttpMethod.Put, FileUrl(Name, "chunked.txt")) { Content = new StreamContent(new MemoryStream(Text(100))) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await editor.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.LengthRequired, response.StatusCode);
        Assert.Equal(ProblemTypes.ContentLengthRequired, (await response.ProblemAsync()).Type);
        Assert.Empty(api.StoredObjects());
    }

    [Fact]
    public async Task Should_Delete_Files_And_Folders_And_Audit_It()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);
        (await editor.UploadAsync("keep/a.txt", Text(1))).Dispose();
        (await editor.UploadAsync("drop/b.txt", Text(1))).Dispose();
        (await editor.UploadAsync("drop/deep/c.txt", Text(1))).Dispose();

        using var deletedFile = await editor.DeleteFileAsync("keep/a.txt");
        using var deletedFolder = await editor.DeleteAsync($"/v1/workspaces/{Name}/folders/drop", Ct);
        using var again = await editor.DeleteFileAsync("keep/a.txt");

        Assert.Equal(HttpStatusCode.NoContent, deletedFile.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deletedFolder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(api.StoredObjects());
        Assert.Equal(["keep"], (await editor.ListingAsync()).Folders.Select(f => f.Name));
        Assert.Contains(api.AuditEvents, e => e is { Action: WorkspaceFiles.DeleteAction, Outcome: AuditOutcome.Succeeded, Resource: "workspace/projects/keep/a.txt" });
        Assert.Contains(api.AuditEvents, e => e is { Action: WorkspaceFolders.DeleteAction, Outcome: AuditOutcome.Succeeded, Resource: "workspace/projects/drop" });
    }
}

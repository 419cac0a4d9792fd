using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Manifests;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Tests.WriteBack;

/// <summary>Local mode's write-back edits only what changed in the tenant folder's YAML, atomically, without losing outside edits.</summary>
public sealed class LocalYamlResourceWriterTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TenantFolder folder = TenantFolder.Create();
    private readonly string file;
    private readonly LocalYamlResourceWriter writer;

    public LocalYamlResourceWriterTests()
    {
        folder.Write("organization.yaml", TenantYaml.Organization());
        file = folder.Write(GroupsYaml.FileName, GroupsYaml.Text);
        writer = new LocalYamlResourceWriter(
            Options.Create(new LocalModeOptions { Folder = folder.Path, Namespace = TenantYaml.Namespace }),
            new TenantConfigStore(),
            NullLogger<LocalYamlResourceWriter>.Instance);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Should_Append_Only_The_New_Member_Line_When_A_Member_Is_Added()
    {
        var written = await writer.UpdateAsync<SecurityGroup>("api-users", g => { g.Spec.Members.Add("alice@acme.example"); return true; }, Ct);

        Assert.True(written);
        var expected = GroupsYaml.Text.Replace(GroupsYaml.BobLine, GroupsYaml.BobLine + "    - alice@acme.example\n", StringComparison.Ordinal);
        Assert.Equal(expected, await File.ReadAllTextAsync(file, Ct));
    }

    [Fact]
    public async Task Should_Remove_Only_The_Member_Line_When_A_Member_Is_Removed()
    {
        await writer.UpdateAsync<SecurityGroup>("api-users", g => { g.Spec.Members.Add("alice@acme.example"); return true; }, Ct);

        await writer.UpdateAsync<SecurityGroup>("api-users", g => g.Spec.Members.Remove("bob@acme.example"), Ct);

        var expected = GroupsYaml.Text.Replace(GroupsYaml.BobLine, "    - alice@acme.example\n", StringComparison.Ordinal);
        Assert.Equal(expected, await File.ReadAllTextAsync(file, Ct));
    }

    [Fact]
    public async Task Should_Keep_Comments_And_Other_Documents_When_Fields_Change_Added_And_Removed()
    {
        await writer.UpdateAsync<SecurityGroup>("managers", g =>
        {
            g.Spec.DisplayName = "Invoice managers: EU";
            g.Spec.Dropzones = ["invoices", "receipts"];
            g.Spec.Members = [];
            return true;
        }, Ct);

        var text = await File.ReadAllTextAsync(file, Ct);
        var firstDocument = GroupsYaml.Text[..(GroupsYaml.Text.IndexOf("---", StringComparison.Ordinal) + 4)];
        Assert.StartsWith(firstDocument, text, StringComparison.Ordinal);
        Assert.EndsWith("""
              permissions:
                - DropzoneManager
              dropzones:
                - invoices
                - receipts
              members: []
              displayName: "Invoice managers: EU"

            """.Replace("\r\n", "\n", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains("# Managers of the invoices Dropzone only.", text, StringComparison.Ordinal);
        var group = Read(text, "managers");
        Assert.Equal("Invoice managers: EU", group.Spec.DisplayName);
    }

    [Fact]
    public async Task Should_Keep_An_Outside_Edit_And_Reapply_The_Change_When_The_File_Changes_Between_Read_And_Write()
    {
        var calls = 0;
        await writer.UpdateAsync<SecurityGroup>("api-users", g =>
        {
            if (calls++ == 0)
            {
                // A `git pull` lands while the API holds what it read: another member and another field.
                var edited = GroupsYaml.Text
                    .Replace(GroupsYaml.BobLine, GroupsYaml.BobLine + "    - dave@acme.example\n", StringComparison.Ordinal)
                    .Replace("\"API users\"", "\"API users (from Git)\"", StringComparison.Ordinal);
                File.WriteAllText(file, edited);
            }

            g.Spec.Members.Add("alice@acme.example");
            return true;
        }, Ct);

        Assert.Equal(2, calls);
        var group = Read(await File.ReadAllTextAsync(file, Ct), "api-users");
        Assert.Equal(["bob@acme.example", "dave@acme.example", "alice@acme.example"], group.Spec.Members);
        Assert.Equal("API users (from Git)", group.Spec.DisplayName);
    }

    [Fact]
    public async Task Should_Serialize_Concurrent_Writers_Without_Losing_A_Change()
    {
        var names = Enumerable.Range(0, 20).Select(i => $"user{i}@acme.example").ToList();

        await Task.WhenAll(names.Select(n => Task.Run(() => writer.UpdateAsync<SecurityGroup>("api-users", g => { g.Spec.Members.Add(n); return true; }, Ct), Ct)));

        var group = Read(await File.ReadAllTextAsync(file, Ct), "api-users");
        Assert.Equal(21, group.Spec.Members.Count);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Should_Write_Nothing_When_The_Change_Declines_Or_The_Resource_Is_Missing()
    {
        Assert.True(await writer.UpdateAsync<SecurityGroup>("api-users", _ => false, Ct));
        Assert.False(await writer.UpdateAsync<SecurityGroup>("nobody", _ => true, Ct));

        Assert.Equal(GroupsYaml.Text, await File.ReadAllTextAsync(file, Ct));
    }

    [Fact]
    public async Task Should_Refuse_A_Change_That_Breaks_The_Schema_And_Write_Nothing()
    {
        var error = await Assert.ThrowsAsync<ResourceInvalidException>(() =>
            writer.UpdateAsync<SecurityGroup>("api-users", g => { g.Spec.Members.Add("not an address"); return true; }, Ct));

        Assert.Contains(error.Violations, v => v.Path.StartsWith("spec.members", StringComparison.Ordinal));
        Assert.Equal(GroupsYaml.Text, await File.ReadAllTextAsync(file, Ct));
    }

    [Fact]
    public async Task Should_Create_A_New_File_And_Refuse_A_Second_Resource_Of_That_Name()
    {
        var workspace = new Workspace { Metadata = { Name = "projects" }, Spec = { Owner = "alice@acme.example", DisplayName = "Projects: 2025" } };

        await writer.CreateAsync(workspace, Ct);

        var created = Path.Combine(folder.Path, "workspaces-projects.yaml");
        var manifests = ManifestReader.Read([new ManifestSource(created, await File.ReadAllTextAsync(created, Ct))]);
        Assert.Empty(manifests.Problems);
        var read = Assert.IsType<Workspace>(Assert.Single(manifests.Resources).Resource);
        Assert.Equal(("projects", "acme", "Projects: 2025"), (read.Metadata.Name, read.Metadata.NamespaceProperty, read.Spec.DisplayName));
        await Assert.ThrowsAsync<ResourceConflictException>(() => writer.CreateAsync(new Workspace { Metadata = { Name = "projects" }, Spec = { Owner = "bob@acme.example" } }, Ct));
        await Assert.ThrowsAsync<ResourceConflictException>(() => writer.CreateAsync(new SecurityGroup { Metadata = { Name = "api-users" }, Spec = { Permissions = [Permission.ApiKeys] } }, Ct));
    }

    [Fact]
    public async Task Should_Remove_Only_That_Document_When_The_File_Declares_Others()
    {
        var deleted = await writer.DeleteAsync<SecurityGroup>("managers", _ => true, Ct);

        Assert.True(deleted);
        Assert.Equal(GroupsYaml.Text[..GroupsYaml.Text.IndexOf("---", StringComparison.Ordinal)], await File.ReadAllTextAsync(file, Ct));
    }

    [Fact]
    public async Task Should_Keep_The_Following_Documents_Byte_For_Byte_When_The_First_Is_Removed()
    {
        await writer.DeleteAsync<SecurityGroup>("api-users", _ => true, Ct);

        Assert.Equal(GroupsYaml.Text[GroupsYaml.Text.IndexOf("---", StringComparison.Ordinal)..], await File.ReadAllTextAsync(file, Ct));
        Assert.Equal("managers", Read(await File.ReadAllTextAsync(file, Ct), "managers").Metadata.Name);
    }

    [Fact]
    public async Task Should_Delete_The_File_When_It_Declared_Only_That_Resource()
    {
        var workspace = new Workspace { Metadata = { Name = "projects" }, Spec = { Owner = "alice@acme.example" } };
        await writer.CreateAsync(workspace, Ct);
        var created = Path.Combine(folder.Path, "workspaces-projects.yaml");
        Assert.True(File.Exists(created));

        Assert.True(await writer.DeleteAsync<Workspace>("projects", _ => true, Ct));

        Assert.False(File.Exists(created));
        Assert.Equal(GroupsYaml.Text, await File.ReadAllTextAsync(file, Ct));
    }

    [Fact]
    public async Task Should_Leave_The_File_Untouched_When_The_Check_Refuses_Or_The_Resource_Is_Missing()
    {
        SecurityGroup? judged = null;

        Assert.True(await writer.DeleteAsync<SecurityGroup>("managers", g => { judged = g; return false; }, Ct));
        Assert.False(await writer.DeleteAsync<SecurityGroup>("nobody", _ => true, Ct));

        Assert.Equal(["carol@acme.example"], judged!.Spec.Members);
        Assert.Equal(GroupsYaml.Text, await File.ReadAllTextAsync(file, Ct));
    }

    private static SecurityGroup Read(string text, string name)
    {
        var manifests = ManifestReader.Read([new ManifestSource(GroupsYaml.FileName, text)]);
        Assert.Empty(manifests.Problems);
        return manifests.Resources.Select(r => r.Resource).OfType<SecurityGroup>().Single(g => g.Metadata.Name == name);
    }
}

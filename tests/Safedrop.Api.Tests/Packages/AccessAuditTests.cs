using System.Net;
using System.Net.Http.Json;
using Safedrop.Api.Audit;
using Safedrop.Api.Packages;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Crypto;
using static Safedrop.Api.Tests.Packages.DropzoneTenant;

namespace Safedrop.Api.Tests.Packages;

/// <summary>Every access decision lands in the durable audit log, which admins read and verify through HTTP.</summary>
public sealed class AccessAuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Show_Admins_Every_Allowed_And_Denied_Open_With_Its_Rule_In_A_Verified_Chain()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var uploader = await api.SignedInClientAsync(Uploader);
        var sent = await PackageFlow.UploadAsync(uploader, CreatePath, [("a.log", PackageFlow.RandomBytes(10))]);
        using var owner = await api.SignedInClientAsync(Owner);
        using var stranger = await api.SignedInClientAsync(Stranger);
        Assert.Equal(HttpStatusCode.OK, (await PackageFlow.OpenAsync(owner, sent.PackageId, sent.Keycode)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PackageFlow.OpenAsync(stranger, sent.PackageId, sent.Keycode)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PackageFlow.OpenAsync(owner, sent.PackageId, Keycode.Generate())).StatusCode);
        using var admin = await api.SignedInClientAsync(TenantYaml.Admin);

        var page = (await admin.GetFromJsonAsync<AuditPage>($"/v1/admin/audit?action={PackageAccess.OpenAction}&resource=package/{sent.PackageId}", LocalApi.Json, Ct))!;

        Assert.Collection(page.Items.Reverse(),
            allowed => Assert.Equal((Owner, AuditOutcome.Allowed, "DropzoneOwner"), (allowed.Actor, allowed.Outcome, allowed.Rule)),
            denied => Assert.Equal((Stranger, AuditOutcome.Denied, "None"), (denied.Actor, denied.Outcome, denied.Rule)),
            noLink => Assert.Equal((Owner, AuditOutcome.Denied, "DropzoneOwner"), (noLink.Actor, noLink.Outcome, noLink.Rule)));
        var verification = (await admin.GetFromJsonAsync<AuditVerification>("/v1/admin/audit/verify", LocalApi.Json, Ct))!;
        Assert.True(verification.Ok);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/v1/admin/audit", Ct)).StatusCode);
    }
}

using Safedrop.Api.Audit;

namespace Safedrop.Api.Tests.Audit;

/// <summary>A chain of three segments (records 1-3, 4-6, 7-9) tampered the ways someone with bucket access could.</summary>
public sealed class AuditVerifierTests
{
    private static readonly string Second = AuditKeys.Segment(4);
    private static readonly string Third = AuditKeys.Segment(7);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_ReportOkWithTheRecordCount_When_NothingWasTouched()
    {
        await using var harness = await ChainAsync();

        Assert.Equal(new AuditVerification(true, 9), await harness.VerifyAsync());
    }

    [Fact]
    public async Task Should_ReportOk_When_TheLogIsEmpty()
    {
        await using var harness = new AuditHarness();

        Assert.Equal(new AuditVerification(true, 0), await harness.VerifyAsync());
    }

    [Fact]
    public async Task Should_ReportHashMismatchAtTheRecord_When_ARecordWasEdited()
    {
        await using var harness = await ChainAsync();
        await EditLineAsync(harness, Second, 1, line => line.Replace("user5@", "mallory@", StringComparison.Ordinal));

        AssertBroken(await harness.VerifyAsync(), 5, AuditBreakReasons.HashMismatch, checkedRecords: 4);
    }

    [Fact]
    public async Task Should_ReportTheBrokenLinkAfterIt_When_AnEditedRecordWasRehashed()
    {
        await using var harness = await ChainAsync();
        var records = await harness.ReadSegmentAsync(Second);
        var forged = AuditRecord.Create(5, records[1].Time, new AuditEvent("auth.pin.verify", "mallory@acme.example", null, AuditOutcome.Succeeded), records[1].PreviousHash);
        await EditLineAsync(harness, Second, 1, _ => LineOf(forged));

        AssertBroken(await harness.VerifyAsync(), 6, AuditBreakReasons.ChainBroken, checkedRecords: 5);
    }

    [Fact]
    public async Task Should_ReportAGapAtTheFirstMissingSequence_When_ASegmentWasDeleted()
    {
        await using var harness = await ChainAsync();
        await harness.DeleteAsync(Second);

        AssertBroken(await harness.VerifyAsync(), 4, AuditBreakReasons.Gap, checkedRecords: 3);
    }

    [Fact]
    public async Task Should_ReportAGap_When_ARecordWasDeletedInsideASegment()
    {
        await using var harness = await ChainAsync();
        var lines = await harness.ReadLinesAsync(Second);
        await harness.WriteLinesAsync(Second, [lines[0], lines[2]]);

        AssertBroken(await harness.VerifyAsync(), 5, AuditBreakReasons.Gap, checkedRecords: 4);
    }

    [Fact]
    public async Task Should_ReportReordered_When_RecordsWereSwapped()
    {
        await using var harness = await ChainAsync();
        var lines = await harness.ReadLinesAsync(AuditKeys.Segment(1));
        await harness.WriteLinesAsync(AuditKeys.Segment(1), [lines[0], lines[2], lines[1]]);

        AssertBroken(await harness.VerifyAsync(), 2, AuditBreakReasons.Reordered, checkedRecords: 1);
    }

    [Fact]
    public async Task Should_ReportReordered_When_EarlierRecordsWereCopiedUnderALaterSegmentsName()
    {
        await using var harness = await ChainAsync();
        await harness.WriteLinesAsync(Second, await harness.ReadLinesAsync(AuditKeys.Segment(1)));

        AssertBroken(await harness.VerifyAsync(), 4, AuditBreakReasons.Reordered, checkedRecords: 3);
    }

    [Fact]
    public async Task Should_ReportAGap_When_LaterRecordsWereCopiedOverASegment()
    {
        await using var harness = await ChainAsync();
        await harness.WriteLinesAsync(Second, await harness.ReadLinesAsync(Third));

        AssertBroken(await harness.VerifyAsync(), 4, AuditBreakReasons.Gap, checkedRecords: 3);
    }

    [Fact]
    public async Task Should_ReportHeadMismatchAfterTheLastRecord_When_TheLastSegmentWasDeleted()
    {
        await using var harness = await ChainAsync();
        await harness.DeleteAsync(Third);

        AssertBroken(await harness.VerifyAsync(), 7, AuditBreakReasons.HeadMismatch, checkedRecords: 6);
    }

    [Fact]
    public async Task Should_ReportHeadMismatch_When_TheTailWasCutInsideTheLastSegment()
    {
        await using var harness = await ChainAsync();
        var lines = await harness.ReadLinesAsync(Third);
        await harness.WriteLinesAsync(Third, lines.Take(2));

        AssertBroken(await harness.VerifyAsync(), 9, AuditBreakReasons.HeadMismatch, checkedRecords: 8);
    }

    [Fact]
    public async Task Should_ReportHeadMismatch_When_TheHeadPointsPastTheLastSegment()
    {
        await using var harness = await ChainAsync();
        var head = await harness.Store.ReadHeadAsync(Cancel);
        await harness.Store.WriteHeadAsync(head! with { LastSequence = 12, LastSegmentKey = AuditKeys.Segment(10) }, Cancel);

        AssertBroken(await harness.VerifyAsync(), 10, AuditBreakReasons.HeadMismatch, checkedRecords: 9);
    }

    [Fact]
    public async Task Should_ReportHeadMismatch_When_TheHeadHashIsNotTheLastRecords()
    {
        await using var harness = await ChainAsync();
        var head = await harness.Store.ReadHeadAsync(Cancel);
        await harness.Store.WriteHeadAsync(head! with { LastHash = new string('a', 64) }, Cancel);

        AssertBroken(await harness.VerifyAsync(), 9, AuditBreakReasons.HeadMismatch, checkedRecords: 9);
    }

    [Fact]
    public async Task Should_ReportHeadBehindAtTheFirstUnacknowledgedRecord_When_AHeadUpdateWasDropped()
    {
        await using var harness = await ChainAsync();
        await harness.WriteSegmentAsync(2, updateHead: false);

        AssertBroken(await harness.VerifyAsync(), 10, AuditBreakReasons.HeadBehind, checkedRecords: 11);
    }

    [Fact]
    public async Task Should_ReportMalformed_When_ALineIsNotARecord()
    {
        await using var harness = await ChainAsync();
        await EditLineAsync(harness, Third, 0, line => line[..^5]);

        AssertBroken(await harness.VerifyAsync(), 7, AuditBreakReasons.Malformed, checkedRecords: 6);
    }

    private static async Task<AuditHarness> ChainAsync()
    {
        var harness = new AuditHarness();
        await harness.WriteChainAsync(3, 3, 3);
        return harness;
    }

    private static async Task EditLineAsync(AuditHarness harness, string key, int index, Func<string, string> edit)
    {
        var lines = await harness.ReadLinesAsync(key);
        var edited = edit(lines[index]);
        Assert.NotEqual(lines[index], edited);
        lines[index] = edited;
        await harness.WriteLinesAsync(key, lines);
    }

    private static string LineOf(AuditRecord record) => System.Text.Encoding.UTF8.GetString(AuditRecordFormat.ToLine(record)).TrimEnd('\n');

    private static void AssertBroken(AuditVerification verification, long sequence, string reason, long checkedRecords)
    {
        Assert.False(verification.Ok, verification.Detail);
        Assert.Equal((sequence, reason), (verification.FirstBrokenSequence, verification.Reason));
        Assert.Equal(checkedRecords, verification.Records);
        Assert.False(string.IsNullOrWhiteSpace(verification.Detail));
    }
}

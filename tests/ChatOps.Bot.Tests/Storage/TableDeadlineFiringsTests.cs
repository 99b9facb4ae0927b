using ChatOps.Bot.Storage;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Deadlines;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>The claims that make a deadline fire once across instances, against Azurite.</summary>
public sealed class TableDeadlineFiringsTests
{
    private static readonly DeadlineJob Job = new("sla-reminder", "INC-2026-0042", "ack/clock#1", "75%?");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly Tables _tables;
    private readonly TableDeadlineFirings _firings;

    public TableDeadlineFiringsTests()
    {
        _tables = new Tables(Options.Create(new StorageOptions { ConnectionString = BotHost.StorageConnection, TablePrefix = "f" + Guid.NewGuid().ToString("N")[..12] }), ChatOps.Bot.Tests.Telemetry.TestMetrics.New());
        _firings = new TableDeadlineFirings(_tables, _time);
    }

    [Fact]
    public async Task Of_two_claims_on_one_occurrence_only_the_first_fires_and_once_fired_it_stays_fired()
    {
        var first = Assert.IsType<FiringClaim.Claimed>(await _firings.TryClaimAsync(Job, default));
        var second = await _firings.TryClaimAsync(Job, default);
        await _firings.CompleteAsync(Job, first, default);
        var third = await _firings.TryClaimAsync(Job, default);

        Assert.Equal(new FiringClaim.HeldElsewhere(_time.GetUtcNow() + TableDeadlineFirings.Lease), second);
        Assert.Equal(_time.GetUtcNow() + TableDeadlineFirings.Lease, first.ExpiresAt);
        Assert.IsType<FiringClaim.AlreadyFired>(third);
        Assert.IsType<FiringClaim.Claimed>(await _firings.TryClaimAsync(Job with { Occurrence = "100%" }, default));
    }

    [Fact]
    public async Task Twenty_claims_at_once_on_one_occurrence_give_exactly_one_claim()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _firings.TryClaimAsync(Job, default))));

        Assert.Single(claims.OfType<FiringClaim.Claimed>());
        Assert.Equal(19, claims.OfType<FiringClaim.HeldElsewhere>().Count());
    }

    [Fact]
    public async Task A_released_claim_can_be_claimed_again()
    {
        var first = Assert.IsType<FiringClaim.Claimed>(await _firings.TryClaimAsync(Job, default));
        await _firings.ReleaseAsync(Job, first, default);

        Assert.IsType<FiringClaim.Claimed>(await _firings.TryClaimAsync(Job, default));
    }

    [Fact]
    public async Task A_claim_abandoned_by_a_dead_instance_is_taken_over_after_its_lease_and_the_dead_one_cannot_renew_or_complete_it()
    {
        var dead = Assert.IsType<FiringClaim.Claimed>(await _firings.TryClaimAsync(Job, default));
        _time.Advance(TableDeadlineFirings.Lease - TimeSpan.FromSeconds(1));
        Assert.IsType<FiringClaim.HeldElsewhere>(await _firings.TryClaimAsync(Job, default));
        _time.Advance(TimeSpan.FromSeconds(1));

        var taken = Assert.IsType<FiringClaim.Claimed>(await _firings.TryClaimAsync(Job, default));
        var renewed = await _firings.RenewAsync(Job, dead, default);
        var late = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => _firings.CompleteAsync(Job, dead, default));
        await _firings.ReleaseAsync(Job, dead, default);
        await _firings.CompleteAsync(Job, taken, default);

        Assert.Null(renewed);
        Assert.Equal(412, late.Status);
        Assert.IsType<FiringClaim.AlreadyFired>(await _firings.TryClaimAsync(Job, default));
    }

    [Fact]
    public async Task A_claim_renewed_every_third_of_its_lease_is_held_for_as_long_and_completes_with_its_last_renewal()
    {
        var claim = Assert.IsType<FiringClaim.Claimed>(await _firings.TryClaimAsync(Job, default));
        var claimedAt = _time.GetUtcNow();

        // Five leases of a firing that waits out Teams' Retry-After, renewed as the runner renews it.
        for (var i = 0; i < 15; i++)
        {
            _time.Advance(TableDeadlineFirings.Lease / 3);
            Assert.Equal(new FiringClaim.HeldElsewhere(claim.ExpiresAt), await _firings.TryClaimAsync(Job, default));
            claim = Assert.IsType<FiringClaim.Claimed>(await _firings.RenewAsync(Job, claim, default));
            Assert.Equal(_time.GetUtcNow() + TableDeadlineFirings.Lease, claim.ExpiresAt);
        }
        await _firings.CompleteAsync(Job, claim, default);

        Assert.Equal(claimedAt + 5 * TableDeadlineFirings.Lease, _time.GetUtcNow());
        Assert.IsType<FiringClaim.AlreadyFired>(await _firings.TryClaimAsync(Job, default));
    }

    [Fact]
    public async Task A_claim_written_without_a_lease_by_an_earlier_version_is_held_for_the_former_15_minutes()
    {
        var claimedAt = _time.GetUtcNow();
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Job.Key)));
        var table = await _tables.GetAsync("firings", default);
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity(key[..2], key) { ["State"] = "firing", ["ClaimedAt"] = claimedAt });

        _time.Advance(TimeSpan.FromMinutes(5));
        var held = await _firings.TryClaimAsync(Job, default);
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(new FiringClaim.HeldElsewhere(claimedAt + TimeSpan.FromMinutes(15)), held);
        Assert.IsType<FiringClaim.Claimed>(await _firings.TryClaimAsync(Job, default));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZoomPortal.Features.Admin;
using ZoomPortal.Tests.Features.Meetings;

namespace ZoomPortal.Tests.Features.Admin;

public sealed class JoinAttemptRetentionTests
{
    [Fact]
    public async Task Deletes_only_attempts_older_than_the_retention_in_batches()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        await using (var db = database.CreateDbContext())
        {
            db.JoinAttempts.AddRange(Enumerable.Range(0, 7).Select(i => AttemptData.Failed(3004, startedAt: now.UtcDateTime.AddDays(-31).AddMinutes(-i))));
            db.JoinAttempts.Add(AttemptData.Failed(3004, startedAt: now.UtcDateTime.AddDays(-29)));
            db.JoinAttempts.Add(AttemptData.Failed(3008, startedAt: now.UtcDateTime.AddDays(-30).AddMinutes(1)));
            await db.SaveChangesAsync();
        }

        var retention = new JoinAttemptRetention(database, Options.Create(new AdminOptions { RetentionDays = 30 }), time,
            NullLogger<JoinAttemptRetention>.Instance) { BatchSize = 3, BatchPause = TimeSpan.Zero };

        Assert.Equal(7, await retention.PurgeAsync(CancellationToken.None));

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(2, await db.JoinAttempts.CountAsync());
        }

        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await retention.PurgeAsync(CancellationToken.None));
        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));
    }
}

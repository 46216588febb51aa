using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;

namespace Classroom.Runtime.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class EventLogReaderTests(RuntimeFixture fixture)
{
    [Fact]
    public async Task A_grain_reads_the_log_of_another_grain_with_the_same_key()
    {
        await fixture.Grains.GetGrain<IJournalGrain>("lesson-a").WriteAsync(new Note("ann", "one", []), new Note("ann", "two", []));
        await fixture.Grains.GetGrain<IJournalGrain>("lesson-b").WriteAsync(new Note("bob", "elsewhere", []));
        await fixture.Grains.GetGrain<IJournalGrain>("lesson-a").WriteAsync(new Note("cat", "three", ["late"]));

        var reader = fixture.Grains.GetGrain<IJournalReaderGrain>("lesson-a");

        Assert.Equal(["one", "two", "three"], (await reader.ReadAfterAsync(0)).Select(n => n.Text));
        var late = Assert.Single(await reader.ReadAfterAsync(2));
        Assert.Equal(("cat", "three"), (late.Author, late.Text));
        Assert.Equal(["late"], late.Tags);
    }

    [Fact]
    public async Task Reading_a_log_nobody_wrote_gives_nothing()
    {
        Assert.Empty(await fixture.Grains.GetGrain<IJournalReaderGrain>("never-written").ReadAfterAsync(0));
    }
}

using Classroom.Contracts.Questions;
using Classroom.Search.Tests.Fixtures;
using static Classroom.Search.Tests.Fixtures.Questions;

namespace Classroom.Search.Tests;

/// <summary>Searches run while documents are written, and a search that starts after a write sees it.</summary>
public sealed class ConcurrencyTests
{
    private const int Written = 150;

    /// <summary>A word no other document has: a number (Latin words are stemmed, and tagaas would find tagaae).</summary>
    private static string Tag(int i) => $"{10_000 + i}";

    private static SearchDocument Numbered(int i) => Question($"q{i}", $"勾股定理练习 {Tag(i)}", "直角三角形的两条直角边是3和4，斜边是多少？", "斜边是5。", minutesAfterMonday: i);

    [Fact]
    public async Task Searches_during_writes_see_every_write_that_returned_before_them()
    {
        using var index = QuestionIndex.Open(null);
        using var readersRunning = new CountdownEvent(2);
        var returned = -1;
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < Written; i++)
            {
                index.Upsert(Numbered(i));
                if (i % 3 == 0)
                {
                    index.Delete($"q{i}");
                }

                Volatile.Write(ref returned, i);
                if (i == 0 && !readersRunning.Wait(TimeSpan.FromSeconds(30)))
                {
                    throw new TimeoutException("The readers never searched.");
                }
            }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var checks = 0;
            while (!writer.IsCompleted)
            {
                var last = Volatile.Read(ref returned);
                if (last < 0)
                {
                    continue;
                }

                Assert.Equal(last % 3 == 0 ? [] : [$"q{last}"], index.IdsFor(Tag(last)));
                // Every third is deleted right after its upsert: by the time a later one returned, it is gone.
                Assert.All(index.IdsFor("勾股定理", limit: 50), id => Assert.True(int.Parse(id[1..]) is var n && (n % 3 != 0 || n > last), id));
                if (++checks == 1)
                {
                    readersRunning.Signal();
                }
            }

            return checks;
        })).ToList();

        await writer;
        var checks = await Task.WhenAll(readers);

        Assert.All(checks, count => Assert.True(count > 0));
        Assert.Equal(Written - (Written + 2) / 3, index.Count);
        Assert.Equal(["q149"], index.IdsFor(Tag(149)));
    }
}

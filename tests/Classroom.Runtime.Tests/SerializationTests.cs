using Classroom.Runtime.Serialization;
using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;
using Classroom.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Runtime.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class SerializationTests(RuntimeFixture fixture)
{
    private GrainSerializer Serializer => fixture.Cluster.Services.GetRequiredService<GrainSerializer>();

    [Fact]
    public void Every_type_the_test_grains_carry_round_trips_except_the_deliberately_unregistered_one()
    {
        var failures = GrainContracts.FindTypesThatDoNotRoundTrip(Serializer, [typeof(CounterGrain).Assembly], typeof(CounterState));

        var failure = Assert.Single(failures);
        Assert.StartsWith(typeof(Unregistered).FullName!, failure);
    }

    [Fact]
    public void The_wire_types_of_the_test_grains_are_found_from_their_interfaces()
    {
        var types = GrainContracts.WireTypes([typeof(CounterGrain).Assembly]).ToList();

        Assert.Contains(typeof(Note), types);
        Assert.Contains(typeof(TimeSpan), types);
        Assert.Contains(typeof(int[]), types);
        Assert.Contains(typeof(Invocation.VoidResult), types);
    }

    [Fact]
    public void A_sample_record_is_not_empty()
    {
        var note = (Note)SampleValues.Create(typeof(Note))!;

        Assert.NotEmpty(note.Author);
        Assert.Single(note.Tags);
    }
}

using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;

namespace Classroom.Runtime.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class ExceptionTests(RuntimeFixture fixture)
{
    [Fact]
    public async Task An_exception_thrown_after_an_await_reaches_the_caller_with_its_type_and_message()
    {
        var grain = fixture.Grains.GetGrain<IThrowingGrain>("async-throw");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAsync("the lesson has ended"));

        Assert.Equal("the lesson has ended", error.Message);
    }

    [Fact]
    public async Task An_exception_thrown_before_any_await_reaches_the_caller_with_its_type_and_message()
    {
        var grain = fixture.Grains.GetGrain<IThrowingGrain>("sync-throw");

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => grain.ThrowSynchronouslyAsync("muted students cannot chat"));

        Assert.Equal("muted students cannot chat", error.Message);
        Assert.Contains(nameof(ThrowingGrain.ThrowSynchronouslyAsync), error.StackTrace);
    }

    [Fact]
    public async Task An_exception_the_caller_cannot_recreate_arrives_as_a_remote_exception_naming_its_type()
    {
        var grain = fixture.Grains.GetGrain<IThrowingGrain>("opaque");

        var error = await Assert.ThrowsAsync<RemoteGrainException>(() => grain.ThrowOpaqueAsync(7));

        Assert.Equal("opaque failure 7", error.Message);
        Assert.Equal(typeof(OpaqueException).FullName, error.OriginalType);
    }

    [Fact]
    public async Task A_grain_keeps_working_after_a_call_failed()
    {
        var grain = fixture.Grains.GetGrain<IThrowingGrain>("survivor");
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAsync("x"));
        await Assert.ThrowsAsync<DomainRuleException>(() => grain.ThrowSynchronouslyAsync("y"));

        Assert.Equal(3, await grain.SurviveAsync());
    }

    [Fact]
    public async Task An_argument_of_a_type_no_serializer_context_knows_fails_the_call_naming_the_type()
    {
        var grain = fixture.Grains.GetGrain<IThrowingGrain>("unregistered");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => grain.EchoUnregisteredAsync(new Unregistered("v")));

        Assert.Contains(nameof(Unregistered), error.Message);
        Assert.Contains("JsonSerializable", error.Message);
    }

    [Fact]
    public async Task A_result_of_a_type_no_serializer_context_knows_fails_the_call_instead_of_hanging_it()
    {
        var grain = fixture.Grains.GetGrain<IThrowingGrain>("unregistered-result");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ReturnUnregisteredAsync());

        Assert.Contains("IThrowingGrain.ReturnUnregisteredAsync", error.Message);
        Assert.Contains(nameof(Unregistered), error.Message);
    }

    [Fact]
    public async Task Records_cross_the_boundary_as_copies()
    {
        var grain = fixture.Grains.GetGrain<IThrowingGrain>("echo");
        var note = new Note("teacher", "hello", ["greeting"]);

        var echoed = await grain.EchoAsync(note);

        Assert.Equal("hello!", echoed.Text);
        Assert.Equal(["greeting"], echoed.Tags);
        Assert.NotSame(note.Tags, echoed.Tags);
    }
}

namespace Classroom.Runtime.Tests.Grains;

public interface IThrowingGrain : IGrainWithStringKey
{
    Task ThrowAsync(string message);

    Task<int> ThrowSynchronouslyAsync(string message);

    Task<int> ThrowOpaqueAsync(int code);

    Task<string> EchoUnregisteredAsync(Unregistered value);

    Task<Note> EchoAsync(Note note);

    Task<int> SurviveAsync();

    Task<Unregistered> ReturnUnregisteredAsync();
}

/// <summary>A domain exception, as grains throw to refuse an action.</summary>
public sealed class DomainRuleException(string message) : Exception(message);

/// <summary>An exception the caller's side cannot recreate (no (string) constructor).</summary>
public sealed class OpaqueException(int code) : Exception($"opaque failure {code}");

public sealed class ThrowingGrain : Grain, IThrowingGrain
{
    private int _calls;

    public async Task ThrowAsync(string message)
    {
        _calls++;
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task<int> ThrowSynchronouslyAsync(string message)
    {
        _calls++;
        throw new DomainRuleException(message);
    }

    public Task<int> ThrowOpaqueAsync(int code) => throw new OpaqueException(code);

    public Task<string> EchoUnregisteredAsync(Unregistered value) => Task.FromResult(value.Value);

    public Task<Note> EchoAsync(Note note) => Task.FromResult(note with { Text = note.Text + "!" });

    public Task<int> SurviveAsync() => Task.FromResult(++_calls);

    public Task<Unregistered> ReturnUnregisteredAsync() => Task.FromResult(new Unregistered("result"));
}

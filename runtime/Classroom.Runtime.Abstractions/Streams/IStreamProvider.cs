namespace Classroom.Runtime.Streams;

/// <summary>Gives access to the streams of one provider.</summary>
public interface IStreamProvider
{
    /// <summary>The name the provider was registered under.</summary>
    string Name { get; }

    /// <summary>Returns a handle on a stream whose items are of type <typeparamref name="T"/>.</summary>
    IAsyncStream<T> GetStream<T>(StreamId id);
}

using Classroom.Runtime.Streams;

namespace Classroom.Runtime;

/// <summary>
/// What a host that calls grains without hosting them (the gateway) uses. The same interface serves whether the
/// silo runs in the same process or elsewhere.
/// </summary>
public interface IClusterClient : IGrainFactory
{
    /// <summary>Returns the stream provider registered under <paramref name="name"/>.</summary>
    IStreamProvider GetStreamProvider(string name);
}

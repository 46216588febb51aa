using System.Collections.Concurrent;
using Classroom.Runtime.Catalog;
using Classroom.Runtime.Streams;

namespace Classroom.Runtime;

/// <summary>Makes grain references for grains and for hosts in this process: the in-process <see cref="IClusterClient"/>.</summary>
internal sealed class GrainFactory(GrainRuntime runtime) : IClusterClient
{
    private readonly ConcurrentDictionary<Type, (GrainInterface Interface, string TypeName)> _resolved = new();

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var (grainInterface, typeName) = _resolved.GetOrAdd(typeof(TGrainInterface),
            static (type, r) => (r.Interfaces.Get(type), r.Types.NameFor(type)), runtime);
        return (TGrainInterface)(object)grainInterface.ProxyFactory(runtime.Invoker, new GrainId(typeName, key));
    }

    public IStreamProvider GetStreamProvider(string name) => runtime.GetStreamProvider(name);
}

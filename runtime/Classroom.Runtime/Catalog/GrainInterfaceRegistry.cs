using System.Collections.Concurrent;
using System.Reflection;
using Classroom.Runtime.Invocation;

namespace Classroom.Runtime.Catalog;

/// <summary>The generated proxies and methods of grain interfaces, loaded once per assembly.</summary>
internal sealed class GrainInterfaceRegistry : IGrainCodeRegistry
{
    private readonly ConcurrentDictionary<Type, GrainInterface> _interfaces = new();
    private readonly ConcurrentDictionary<string, GrainMethod> _methods = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Assembly, bool> _loaded = new();

    public GrainInterface Get(Type interfaceType)
    {
        if (_interfaces.TryGetValue(interfaceType, out var known))
        {
            return known;
        }

        Load(interfaceType.Assembly);
        return _interfaces.TryGetValue(interfaceType, out known)
            ? known
            : throw new ArgumentException(
                $"{interfaceType.Name} has no generated grain code: it must be an interface extending IGrainWithStringKey, " +
                "in a project that references Classroom.Runtime.CodeGenerator as an analyzer.", nameof(interfaceType));
    }

    public GrainMethod? FindMethod(string key) => _methods.GetValueOrDefault(key);

    public void Load(Assembly assembly)
    {
        if (!_loaded.TryAdd(assembly, true))
        {
            return;
        }

        // Once per assembly, at start-up or on the first reference to one of its interfaces: never per call.
        foreach (var attribute in assembly.GetCustomAttributes<GrainCodeAttribute>())
        {
            var provider = (IGrainCodeProvider)Activator.CreateInstance(attribute.ProviderType)!;
            provider.Populate(this);
        }
    }

    void IGrainCodeRegistry.AddInterface(Type interfaceType, Func<IGrainCallInvoker, GrainId, GrainReference> proxyFactory, IReadOnlyList<GrainMethod> methods)
    {
        _interfaces.TryAdd(interfaceType, new GrainInterface(interfaceType, proxyFactory, methods));
        foreach (var method in methods)
        {
            _methods.TryAdd(method.Key, method);
        }
    }
}

/// <summary>One grain interface: how to make references to it and what methods it has.</summary>
internal sealed record GrainInterface(Type Type, Func<IGrainCallInvoker, GrainId, GrainReference> ProxyFactory, IReadOnlyList<GrainMethod> Methods);

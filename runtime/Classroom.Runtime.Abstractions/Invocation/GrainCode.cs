namespace Classroom.Runtime.Invocation;

/// <summary>Names the generated type that registers an assembly's grain interfaces; emitted by the code generator.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GrainCodeAttribute(Type providerType) : Attribute
{
    /// <summary>A type implementing <see cref="IGrainCodeProvider"/> with a public parameterless constructor.</summary>
    public Type ProviderType { get; } = providerType;
}

/// <summary>Registers the generated proxies and methods of one assembly's grain interfaces.</summary>
public interface IGrainCodeProvider
{
    /// <summary>Adds every grain interface of the assembly to <paramref name="registry"/>.</summary>
    void Populate(IGrainCodeRegistry registry);
}

/// <summary>What a <see cref="IGrainCodeProvider"/> fills.</summary>
public interface IGrainCodeRegistry
{
    /// <summary>Adds a grain interface with its proxy factory and its methods (including inherited ones).</summary>
    void AddInterface(Type interfaceType, Func<IGrainCallInvoker, GrainId, GrainReference> proxyFactory, IReadOnlyList<GrainMethod> methods);
}

namespace Classroom.Runtime.Invocation;

/// <summary>Describes one grain interface method; generated once per method.</summary>
public sealed class GrainMethod
{
    private readonly Func<GrainRequest> _factory;

    /// <summary>Called by generated code.</summary>
    public GrainMethod(Type interfaceType, string name, string key, GrainMethodOptions options, Func<GrainRequest> factory)
    {
        InterfaceType = interfaceType;
        Name = name;
        Key = key;
        Options = options;
        _factory = factory;
        DisplayName = $"{interfaceType.Name}.{name}";
    }

    /// <summary>The grain interface declaring the method.</summary>
    public Type InterfaceType { get; }

    /// <summary>The method name.</summary>
    public string Name { get; }

    /// <summary>A key unique across all grain interfaces, stable across builds: interface, name and parameter types.</summary>
    public string Key { get; }

    /// <summary>How the method may interleave.</summary>
    public GrainMethodOptions Options { get; }

    /// <summary><c>IInterface.Method</c>, for messages.</summary>
    public string DisplayName { get; }

    /// <summary>True when the method may interleave with anything.</summary>
    public bool AlwaysInterleave => (Options & GrainMethodOptions.AlwaysInterleave) != 0;

    /// <summary>True when the method may interleave with other read-only methods.</summary>
    public bool ReadOnly => (Options & GrainMethodOptions.ReadOnly) != 0;

    /// <summary>Creates an empty request, for reading arguments that arrived serialized.</summary>
    public GrainRequest CreateRequest() => _factory();

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}

/// <summary>Interleaving options of a grain method.</summary>
[Flags]
public enum GrainMethodOptions
{
    /// <summary>A plain turn.</summary>
    None = 0,

    /// <summary>Marked <see cref="Concurrency.AlwaysInterleaveAttribute"/>.</summary>
    AlwaysInterleave = 1,

    /// <summary>Marked <see cref="Concurrency.ReadOnlyAttribute"/>.</summary>
    ReadOnly = 2,
}

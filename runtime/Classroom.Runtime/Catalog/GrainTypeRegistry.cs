using System.Reflection;
using Classroom.Runtime.Hosting;

namespace Classroom.Runtime.Catalog;

/// <summary>The grain classes a silo hosts, by grain type name and by the grain interfaces they implement.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<string, GrainClass> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<GrainClass>> _byInterface = [];

    public GrainTypeRegistry(IEnumerable<GrainAssembly> assemblies, GrainInterfaceRegistry interfaces)
    {
        foreach (var assembly in assemblies.Select(static a => a.Assembly).Distinct())
        {
            foreach (var type in LoadableTypes(assembly).Where(static t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t)))
            {
                Add(new GrainClass(type), interfaces);
            }
        }
    }

    public IEnumerable<GrainClass> Classes => _byName.Values;

    public GrainClass? FindByName(string name) => _byName.GetValueOrDefault(name);

    public string NameFor(Type grainInterface)
    {
        if (!_byInterface.TryGetValue(grainInterface, out var classes))
        {
            throw new ArgumentException(
                $"No hosted grain class implements {grainInterface.Name}: register its assembly with AddGrains(...).", nameof(grainInterface));
        }

        if (classes.Count > 1)
        {
            throw new ArgumentException(
                $"{grainInterface.Name} is implemented by several grain classes ({string.Join(", ", classes.Select(static c => c.Type.Name))}): " +
                "a grain interface must have exactly one implementation.", nameof(grainInterface));
        }

        return classes[0].Name;
    }

    private void Add(GrainClass grainClass, GrainInterfaceRegistry interfaces)
    {
        if (_byName.TryGetValue(grainClass.Name, out var existing) && existing.Type != grainClass.Type)
        {
            throw new InvalidOperationException(
                $"Grain classes {existing.Type.FullName} and {grainClass.Type.FullName} share the grain type name '{grainClass.Name}'; pin one with [GrainType].");
        }

        _byName[grainClass.Name] = grainClass;
        foreach (var grainInterface in grainClass.Type.GetInterfaces().Where(static i => typeof(IGrain).IsAssignableFrom(i) && i.Assembly != typeof(IGrain).Assembly))
        {
            interfaces.Load(grainInterface.Assembly);
            if (!_byInterface.TryGetValue(grainInterface, out var list))
            {
                _byInterface[grainInterface] = list = [];
            }

            if (!list.Contains(grainClass))
            {
                list.Add(grainClass);
            }
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}

using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Serialization;

namespace Classroom.TestKit;

/// <summary>Checks that everything grain calls carry crosses Orleans' serialization unchanged.</summary>
public static class GrainContracts
{
    /// <summary>
    /// Every parameter and result type of every grain interface in <paramref name="assemblies"/>, plus
    /// <paramref name="extraTypes"/> (observer items): the types that cannot cross, or come back different
    /// (compared by their JSON, through <paramref name="toJson"/>).
    /// </summary>
    public static IReadOnlyList<string> FindTypesThatDoNotRoundTrip(
        IEnumerable<Assembly> assemblies, Func<object?, Type, string> toJson, IReadOnlyDictionary<Type, Func<object>>? samples, params Type[] extraTypes)
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var failures = new List<string>();
        foreach (var type in WireTypes(assemblies).Concat(extraTypes).Distinct())
        {
            try
            {
                var sample = SampleValues.Create(type, samples);
                var bytes = serializer.SerializeToArray<object?>(sample);
                var copy = serializer.Deserialize<object?>(bytes);
                if (toJson(sample, type) != toJson(copy, type))
                {
                    failures.Add($"{type}: changed crossing Orleans ({toJson(sample, type)} became {toJson(copy, type)})");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{type}: {e.Message}");
            }
        }

        return failures;
    }

    /// <summary>The parameter and result types of the grain interfaces in <paramref name="assemblies"/>.</summary>
    public static IEnumerable<Type> WireTypes(IEnumerable<Assembly> assemblies) =>
        GrainInterfaces(assemblies)
            .SelectMany(static i => i.GetMethods())
            .SelectMany(static m => m.GetParameters().Select(static p => p.ParameterType).Append(ResultType(m.ReturnType)))
            .Where(static t => t != typeof(void) && !typeof(IAddressable).IsAssignableFrom(t))
            .Distinct();

    /// <summary>The grain interfaces declared in <paramref name="assemblies"/>.</summary>
    public static IEnumerable<Type> GrainInterfaces(IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(static a => a.GetTypes())
            .Where(static t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && t.Assembly != typeof(IGrain).Assembly);

    private static Type ResultType(Type returnType) =>
        returnType.IsGenericType ? returnType.GetGenericArguments()[0] : typeof(void);
}

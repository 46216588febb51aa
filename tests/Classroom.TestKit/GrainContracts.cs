using System.Reflection;
using System.Text.Json;
using Classroom.Runtime;
using Classroom.Runtime.Invocation;
using Classroom.Runtime.Serialization;

namespace Classroom.TestKit;

/// <summary>Checks that everything grain calls carry can cross the serialization boundary.</summary>
public static class GrainContracts
{
    /// <summary>
    /// Every parameter and result type of every grain interface in <paramref name="assemblies"/>, plus
    /// <paramref name="extraTypes"/> (stream items, state): the types that cannot cross.
    /// </summary>
    public static IReadOnlyList<string> FindTypesThatDoNotRoundTrip(GrainSerializer serializer, IEnumerable<Assembly> assemblies, params Type[] extraTypes) =>
        FindTypesThatDoNotRoundTrip(serializer, assemblies, null, extraTypes);

    /// <summary>As above, with samples of types <see cref="SampleValues"/> cannot build (abstract bases).</summary>
    public static IReadOnlyList<string> FindTypesThatDoNotRoundTrip(
        GrainSerializer serializer, IEnumerable<Assembly> assemblies, IReadOnlyDictionary<Type, Func<object>>? samples, params Type[] extraTypes)
    {
        var failures = new List<string>();
        foreach (var type in WireTypes(assemblies).Concat(extraTypes).Distinct())
        {
            try
            {
                var sample = SampleValues.Create(type, samples);
                var first = JsonSerializer.SerializeToUtf8Bytes(sample, serializer.Options.GetTypeInfo(type));
                var copy = JsonSerializer.Deserialize(first, serializer.Options.GetTypeInfo(type));
                var second = JsonSerializer.SerializeToUtf8Bytes(copy, serializer.Options.GetTypeInfo(type));
                if (!first.AsSpan().SequenceEqual(second))
                {
                    failures.Add($"{type}: changed in a round trip ({System.Text.Encoding.UTF8.GetString(first)} became {System.Text.Encoding.UTF8.GetString(second)})");
                }
                else if (sample is not null && type.GetProperties().Length > 0 && JsonSerializer.Serialize(sample, serializer.Options.GetTypeInfo(type)) is "{}")
                {
                    failures.Add($"{type}: serializes as an empty object; its members are not visible to the serializer");
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
            .Distinct();

    /// <summary>The grain interfaces declared in <paramref name="assemblies"/>.</summary>
    public static IEnumerable<Type> GrainInterfaces(IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(static a => a.GetTypes())
            .Where(static t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t) && t.Assembly != typeof(IGrain).Assembly);

    private static Type ResultType(Type returnType) =>
        returnType.IsGenericType ? returnType.GetGenericArguments()[0] : typeof(VoidResult);
}

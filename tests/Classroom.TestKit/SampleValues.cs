using System.Collections;
using System.Reflection;

namespace Classroom.TestKit;

/// <summary>
/// Builds a non-default sample of a wire type: records and classes through their widest constructor and settable
/// properties, collections with one element, primitives with a recognisable value. For round-trip tests.
/// </summary>
public static class SampleValues
{
    private const int MaxDepth = 6;

    /// <summary>
    /// A sample of <paramref name="type"/>; <paramref name="known"/> supplies samples of types this cannot build
    /// itself (abstract bases of polymorphic members).
    /// </summary>
    public static object? Create(Type type, IReadOnlyDictionary<Type, Func<object>>? known = null) => new Builder(known).Create(type, 0);

    private sealed class Builder(IReadOnlyDictionary<Type, Func<object>>? known)
    {
        public object? Create(Type type, int depth)
        {
            if (known is not null && known.TryGetValue(type, out var sample))
            {
                return sample();
            }

            if (depth > MaxDepth)
            {
                return type.IsValueType ? Activator.CreateInstance(type) : null;
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                return Create(underlying, depth);
            }

            if (Primitive(type) is { } primitive)
            {
                return primitive;
            }

            if (type.IsEnum)
            {
                var values = Enum.GetValues(type);
                return values.Length > 0 ? values.GetValue(values.Length - 1) : Activator.CreateInstance(type);
            }

            if (type.IsArray)
            {
                var array = Array.CreateInstance(type.GetElementType()!, 1);
                array.SetValue(Create(type.GetElementType()!, depth + 1), 0);
                return array;
            }

            if (type.IsGenericType && Collection(type, depth) is { } collection)
            {
                return collection;
            }

            return Composite(type, depth);
        }

        private object? Collection(Type type, int depth)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (arguments.Length == 1 && (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>)
                || definition == typeof(HashSet<>) || definition == typeof(ISet<>)))
            {
                var concrete = definition == typeof(HashSet<>) || definition == typeof(ISet<>) ? typeof(HashSet<>) : typeof(List<>);
                var collection = Activator.CreateInstance(concrete.MakeGenericType(arguments))!;
                concrete.MakeGenericType(arguments).GetMethod("Add")!.Invoke(collection, [Create(arguments[0], depth + 1)]);
                return collection;
            }

            if (arguments.Length == 2 && (definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>)))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                dictionary[Create(arguments[0], depth + 1)!] = Create(arguments[1], depth + 1);
                return dictionary;
            }

            return null;
        }

        private object Composite(Type type, int depth)
        {
            if (type.IsInterface || type.IsAbstract)
            {
                throw new NotSupportedException($"No sample can be built for {type}: wire types must be concrete, or a sample must be given.");
            }

            var constructor = type.GetConstructors().OrderByDescending(static c => c.GetParameters().Length).FirstOrDefault();
            var instance = constructor is null
                ? Activator.CreateInstance(type)!
                : constructor.Invoke(constructor.GetParameters().Select(p => Create(p.ParameterType, depth + 1)).ToArray());
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && IsEmpty(property.GetValue(instance)))
                {
                    property.SetValue(instance, Create(property.PropertyType, depth + 1));
                }
            }

            return instance;
        }
    }

    private static object? Primitive(Type type) => type switch
    {
        _ when type == typeof(string) => "sample \"text\" ✓",
        _ when type == typeof(bool) => true,
        _ when type == typeof(int) => 42,
        _ when type == typeof(long) => 4_200_000_000L,
        _ when type == typeof(double) => 4.25,
        _ when type == typeof(decimal) => 4.25m,
        _ when type == typeof(Guid) => new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 21, 14, 30, 0, TimeSpan.FromHours(8)),
        _ when type == typeof(DateTime) => new DateTime(2026, 11, 21, 6, 30, 0, DateTimeKind.Utc),
        _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(90),
        _ when type == typeof(byte[]) => new byte[] { 1, 2, 3 },
        _ when type == typeof(int[]) => new[] { 1, 2 },
        _ => null,
    };

    /// <summary>Null, a default value, or an empty collection: a member worth filling.</summary>
    private static bool IsEmpty(object? value) =>
        value is null
        || (value.GetType().IsValueType && value.Equals(Activator.CreateInstance(value.GetType())))
        || (value is ICollection { Count: 0 });
}

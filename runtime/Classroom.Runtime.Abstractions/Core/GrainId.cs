namespace Classroom.Runtime;

/// <summary>The identity of a grain: its grain type name and its key. Stable across processes and restarts.</summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    private readonly int _hash;

    /// <summary>Creates an identity from a grain type name and a key.</summary>
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
        _hash = HashCode.Combine(StringComparer.Ordinal.GetHashCode(type), StringComparer.Ordinal.GetHashCode(key));
    }

    /// <summary>The grain type name, e.g. <c>classroom</c>.</summary>
    public string Type { get; }

    /// <summary>The key of the grain within its type.</summary>
    public string Key { get; }

    /// <inheritdoc />
    public bool Equals(GrainId other) =>
        _hash == other._hash && string.Equals(Type, other.Type, StringComparison.Ordinal) && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>Formats as <c>type/key</c>.</summary>
    public override string ToString() => $"{Type}/{Key}";

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}

namespace Classroom.Runtime.Streams;

/// <summary>Identifies a stream by namespace (e.g. <c>classroom-events</c>) and key (e.g. a classroom id).</summary>
public readonly record struct StreamId(string Namespace, string Key)
{
    /// <summary>Creates a stream identity, rejecting empty parts.</summary>
    public static StreamId Create(string @namespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentNullException.ThrowIfNull(key);
        return new StreamId(@namespace, key);
    }

    /// <summary>Formats as <c>namespace/key</c>.</summary>
    public override string ToString() => $"{Namespace}/{Key}";
}

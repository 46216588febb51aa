namespace Classroom.Runtime;

/// <summary>The activation whose grain is being constructed on this thread.</summary>
/// <remarks>
/// Set by the runtime only for the duration of a grain's constructor, so <see cref="Grain"/> can find its context
/// without every grain class having to take it as a constructor parameter (the Orleans shape).
/// </remarks>
internal static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? s_constructing;

    internal static IGrainContext? Constructing => s_constructing;

    internal static IGrainContext? Enter(IGrainContext context)
    {
        var previous = s_constructing;
        s_constructing = context;
        return previous;
    }

    internal static void Exit(IGrainContext? previous) => s_constructing = previous;
}

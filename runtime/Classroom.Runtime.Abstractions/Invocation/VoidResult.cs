namespace Classroom.Runtime.Invocation;

/// <summary>The result of a grain method that returns no value.</summary>
public readonly record struct VoidResult;

/// <summary>Adapts methods without a result to the request machinery; used by generated code.</summary>
public static class GrainResults
{
    /// <summary>Awaits <paramref name="task"/> and yields <see cref="VoidResult"/>.</summary>
    public static ValueTask<VoidResult> Void(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitAsync(task);

    /// <summary>Awaits <paramref name="task"/> and yields <see cref="VoidResult"/>.</summary>
    public static ValueTask<VoidResult> Void(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : AwaitAsync(task.AsTask());

    private static async ValueTask<VoidResult> AwaitAsync(Task task)
    {
        await task;
        return default;
    }
}

namespace Classroom.Contracts.Errors;

/// <summary>The action does not fit the lesson's current state (e.g. voting in a closed poll, editing a started lesson).</summary>
[GenerateSerializer, Alias("ClassroomStateException")]
public sealed class ClassroomStateException(string code, params object?[] arguments) : ClassroomException(code, arguments);

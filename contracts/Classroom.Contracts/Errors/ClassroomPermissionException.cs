namespace Classroom.Contracts.Errors;

/// <summary>The caller's role does not allow the action (e.g. a student starting the lesson, a muted student chatting).</summary>
[GenerateSerializer, Alias("ClassroomPermissionException")]
public sealed class ClassroomPermissionException(string code, params object?[] arguments) : ClassroomException(code, arguments);

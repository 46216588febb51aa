namespace Classroom.Contracts.Errors;

/// <summary>
/// A classroom action was refused. The concrete type says why; the message says it to a person. Each type keeps its
/// (string) constructor so it crosses the grain serialization boundary unchanged.
/// </summary>
[GenerateSerializer, Alias("ClassroomException")]
public abstract class ClassroomException(string message) : Exception(message);

/// <summary>The caller's role does not allow the action (e.g. a student starting the lesson, a muted student chatting).</summary>
[GenerateSerializer, Alias("ClassroomPermissionException")]
public sealed class ClassroomPermissionException(string message) : ClassroomException(message);

/// <summary>The action does not fit the lesson's current state (e.g. voting in a closed poll, editing a started lesson).</summary>
[GenerateSerializer, Alias("ClassroomStateException")]
public sealed class ClassroomStateException(string message) : ClassroomException(message);

/// <summary>The input is invalid (e.g. an empty chat message, a poll with one option).</summary>
[GenerateSerializer, Alias("ClassroomValidationException")]
public sealed class ClassroomValidationException(string message) : ClassroomException(message);

/// <summary>The lesson, poll or message named does not exist.</summary>
[GenerateSerializer, Alias("ClassroomNotFoundException")]
public sealed class ClassroomNotFoundException(string message) : ClassroomException(message);

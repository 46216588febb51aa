namespace Classroom.Contracts.Errors;

/// <summary>The lesson, poll or message named does not exist.</summary>
[GenerateSerializer, Alias("ClassroomNotFoundException")]
public sealed class ClassroomNotFoundException(string code, params object?[] arguments) : ClassroomException(code, arguments);

namespace Classroom.Contracts.Errors;

/// <summary>The input is invalid (e.g. an empty chat message, a poll with one option).</summary>
[GenerateSerializer, Alias("ClassroomValidationException")]
public sealed class ClassroomValidationException(string code, params object?[] arguments) : ClassroomException(code, arguments);

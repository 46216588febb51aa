namespace Classroom.Contracts.Errors;

/// <summary>
/// A classroom action was refused. The concrete type says why (and so the HTTP status); <see cref="Code"/> says which
/// rule, stable for programs; <see cref="Arguments"/> fill the catalogue's sentence for it (<see cref="RefusalTexts"/>),
/// which the gateway says in the caller's language. <see cref="Exception.Message"/> is the English sentence, for logs.
/// Code and arguments are serialized, so a refusal crosses silos and reaches the gateway whole.
/// </summary>
[GenerateSerializer, Alias("ClassroomException")]
public abstract class ClassroomException : Exception
{
    /// <summary>A refusal by rule <paramref name="code"/> (one of <see cref="Refusals"/>); arguments may be <see cref="Phrase"/>s.</summary>
    protected ClassroomException(string code, object?[] arguments)
        : this(code, arguments.Select(RefusalArgument.From).ToArray())
    {
    }

    private ClassroomException(string code, RefusalArgument[] arguments)
        : base(RefusalTexts.English(code, arguments))
    {
        Code = code;
        Arguments = arguments;
    }

    /// <summary>The refused rule's stable code, e.g. <c>chat.slow-mode</c>.</summary>
    [Id(0)]
    public string Code { get; private set; }

    /// <summary>The values and phrases the rule's sentence names, in order (<c>{0}</c>, <c>{1}</c>…).</summary>
    [Id(1)]
    public IReadOnlyList<RefusalArgument> Arguments { get; private set; }
}

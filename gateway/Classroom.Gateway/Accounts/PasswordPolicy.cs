using System.Collections.Frozen;
using Classroom.Contracts.Errors;

namespace Classroom.Gateway.Accounts;

/// <summary>
/// What a new password must be: 8 to 128 characters, not one of the most common passwords (the list shipped in
/// <c>common-passwords.txt</c>, embedded in the gateway: nothing is downloaded) and not made from the user name (the
/// name itself or reversed, with or without digits added), all compared ignoring case.
/// </summary>
public sealed class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;
    private const string ListResource = "Classroom.Gateway.Accounts.common-passwords.txt";

    private readonly FrozenSet<string> _common;

    public PasswordPolicy()
        : this(ReadShippedList())
    {
    }

    private PasswordPolicy(IEnumerable<string> common) =>
        _common = common.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0 && !p.StartsWith('#')).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many common passwords are refused.</summary>
    public int CommonCount => _common.Count;

    /// <summary>Throws a <see cref="ClassroomValidationException"/> saying why, unless <paramref name="password"/> may be used by <paramref name="userId"/>.</summary>
    public void Check(string userId, [System.Diagnostics.CodeAnalysis.NotNull] string? password)
    {
        if (password is null || password.Length is < MinLength or > MaxLength)
        {
            throw new ClassroomValidationException(Refusals.AccountPasswordLength);
        }

        var lower = password.ToLowerInvariant();
        if (IsMadeFromName(userId.ToLowerInvariant(), lower))
        {
            throw new ClassroomValidationException(Refusals.AccountPasswordLikeName);
        }

        if (_common.Contains(lower))
        {
            throw new ClassroomValidationException(Refusals.AccountPasswordCommon);
        }
    }

    /// <summary>The name, or the name reversed, with any digits after it (and around it: "123name" as well).</summary>
    private static bool IsMadeFromName(string name, string password)
    {
        var core = password.Trim("0123456789".ToCharArray());
        if (core.Length == 0)
        {
            return false;
        }

        var reversed = new string([.. name.Reverse()]);
        return core == name || core == reversed;
    }

    private static string[] ReadShippedList()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream(ListResource)
            ?? throw new InvalidOperationException($"The gateway was built without its list of common passwords ({ListResource}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }
}

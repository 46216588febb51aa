namespace Classroom.Contracts.Accounts;

/// <summary>
/// Guests watch without an account: each visit gets a user id of its own, <c>guest-</c> and a random part, that no
/// account name can take. Classrooms forget a guest once gone (attendance and ratings are students').
/// </summary>
public static class GuestIds
{
    public const string Prefix = "guest-";

    /// <summary>A fresh guest id.</summary>
    public static string New() => Prefix + Guid.NewGuid().ToString("N");

    public static bool IsGuest(string userId) => userId.StartsWith(Prefix, StringComparison.Ordinal);
}

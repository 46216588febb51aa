using System.Text.RegularExpressions;
using Classroom.Contracts.Accounts;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Microsoft.AspNetCore.Identity;

namespace Classroom.Gateway.Accounts;

/// <summary>Registration and sign-in: passwords are hashed here (Identity's hasher) and only the hash reaches the account grain.</summary>
public sealed partial class AccountService(IClusterClient client, IPasswordHasher<AccountRecord> hasher, PasswordPolicy passwords, TimeProvider time)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,31}$")]
    private static partial Regex UserNamePattern();

    public async Task<CurrentUser> RegisterAsync(string? userName, string? password, string? displayName, AccountKind kind)
    {
        var id = Normalize(userName);
        passwords.Check(id, password);

        var name = (displayName ?? "").Trim();
        if (name.Length is < 1 or > 50)
        {
            throw new ClassroomValidationException(Refusals.InputDisplayNameLength);
        }

        if (kind is not (AccountKind.Teacher or AccountKind.Student))
        {
            throw new ClassroomValidationException(Refusals.AccountKind);
        }

        var record = new AccountRecord(id, name, kind, "", time.GetUtcNow());
        await client.GetGrain<IAccountGrain>(id).CreateAsync(record with { PasswordHash = hasher.HashPassword(record, password) });
        return new CurrentUser(id, name, kind);
    }

    /// <summary>The user, if the name and password match; null otherwise (the caller says only "wrong name or password").</summary>
    public async Task<CurrentUser?> SignInAsync(string? userName, string? password)
    {
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password) || !UserNamePattern().IsMatch(userName.Trim().ToLowerInvariant()))
        {
            return null;
        }

        var account = client.GetGrain<IAccountGrain>(userName.Trim().ToLowerInvariant());
        if (await account.GetAsync() is not { } record)
        {
            return null;
        }

        switch (hasher.VerifyHashedPassword(record, record.PasswordHash, password))
        {
            case PasswordVerificationResult.Failed:
                return null;
            case PasswordVerificationResult.SuccessRehashNeeded:
                await account.UpdatePasswordHashAsync(hasher.HashPassword(record, password));
                break;
        }

        return new CurrentUser(record.UserId, record.DisplayName, record.Kind);
    }

    /// <summary>The account <paramref name="userId"/> as a user, or null if this deployment has none by that name.</summary>
    public async Task<CurrentUser?> FindAsync(string userId) =>
        await client.GetGrain<IAccountGrain>(userId).GetAsync() is { } record ? new CurrentUser(record.UserId, record.DisplayName, record.Kind) : null;

    /// <summary>A viewer without an account: a fresh identity that may watch but never chat or vote.</summary>
    public static CurrentUser Guest(string? displayName)
    {
        var name = (displayName ?? "").Trim();
        return new CurrentUser(GuestIds.New(), name.Length is >= 1 and <= 50 ? name : "Guest", AccountKind.Guest);
    }

    private static string Normalize(string? userName)
    {
        var id = (userName ?? "").Trim().ToLowerInvariant();
        return UserNamePattern().IsMatch(id) && !GuestIds.IsGuest(id)
            ? id
            : throw new ClassroomValidationException(Refusals.AccountUserNameFormat);
    }
}

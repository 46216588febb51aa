using Orleans.Concurrency;

namespace Classroom.Contracts.Accounts;

/// <summary>One account (key: normalized user name). Being one grain per name is what makes names unique.</summary>
[Alias("IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account; fails with a state error if the name is taken.</summary>
    [Alias("CreateAsync")]
    Task CreateAsync(AccountRecord account);

    /// <summary>The account, or null if none has this name.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<AccountRecord?> GetAsync();

    /// <summary>Replaces the stored password hash (after a successful login re-hashed it with newer settings).</summary>
    [Alias("UpdatePasswordHashAsync")]
    Task UpdatePasswordHashAsync(string passwordHash);
}

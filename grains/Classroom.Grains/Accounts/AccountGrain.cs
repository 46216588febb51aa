using Classroom.Contracts.Accounts;
using Classroom.Contracts.Errors;

namespace Classroom.Grains.Accounts;

/// <summary>One account, keyed by its normalized user name.</summary>
[GrainType("account")]
public sealed class AccountGrain([PersistentState("account")] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    public async Task CreateAsync(AccountRecord account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.UserId != this.GetPrimaryKeyString())
        {
            throw new ClassroomValidationException(Refusals.AccountOwnName);
        }

        if (state.State.Account is not null)
        {
            throw new ClassroomStateException(Refusals.AccountNameTaken, account.UserId);
        }

        state.State.Account = account;
        await state.WriteStateAsync();
    }

    public Task<AccountRecord?> GetAsync() => Task.FromResult(state.State.Account);

    public async Task UpdatePasswordHashAsync(string passwordHash)
    {
        if (state.State.Account is not { } account)
        {
            throw new ClassroomNotFoundException(Refusals.AccountNotFound, this.GetPrimaryKeyString());
        }

        state.State.Account = account with { PasswordHash = passwordHash };
        await state.WriteStateAsync();
    }
}

/// <summary>What an account grain stores.</summary>
public sealed class AccountState
{
    [System.Text.Json.Serialization.JsonPropertyName("account")]
    public AccountRecord? Account { get; set; }
}

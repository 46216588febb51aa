namespace Classroom.Gateway.Accounts;

/// <summary>
/// How failed sign-ins slow down guessing, from <c>Classroom:Gateway:LoginThrottle</c>: after the free failures of an
/// account (or of one client address), each further failure locks sign-in for a window that doubles, up to a cap.
/// </summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Classroom:Gateway:LoginThrottle";

    /// <summary>Failed sign-ins to one account before it is locked for a while.</summary>
    public int AccountFreeFailures { get; set; } = 5;

    /// <summary>
    /// Failed sign-ins from one client address before it is locked for a while: higher than an account's, because a
    /// whole school may reach the gateway from one address.
    /// </summary>
    public int AddressFreeFailures { get; set; } = 30;

    /// <summary>The first lockout; each further failure doubles it.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest lockout: however many failures, the owner can always try again after this.</summary>
    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures this long ago are forgotten.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>True when every count and duration is positive and the first lockout is at most the cap.</summary>
    public static bool IsValid(LoginThrottleOptions o) =>
        o.AccountFreeFailures >= 0 && o.AddressFreeFailures >= 0 && o.FirstLockout > TimeSpan.Zero && o.MaxLockout >= o.FirstLockout
        && o.ForgetAfter > TimeSpan.Zero;
}

namespace Classroom.Gateway.Fanout;

/// <summary>
/// A token bucket: <c>rate</c> tokens a second up to <c>burst</c>, refilled on use. Not the framework's
/// TokenBucketRateLimiter: that one replenishes on a timer per limiter, and there are three per connection.
/// </summary>
internal sealed class TokenBucket(double rate, int burst, TimeProvider time)
{
    private double _tokens = burst;
    private long _refilled = time.GetTimestamp();

    public bool TryTake()
    {
        lock (this)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_refilled, now).TotalSeconds * rate));
            _refilled = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}

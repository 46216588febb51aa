using System.Collections.Concurrent;

namespace Classroom.Gateway.Api;

/// <summary>
/// Uploads per user in a sliding window (<see cref="PerWindow"/> in <see cref="Window"/>): each upload costs a decode
/// or a parse, so one account cannot keep a gateway's cores busy.
/// </summary>
/// <remarks>
/// Kept in the gateway's memory, like the sign-in throttle: in a cluster each gateway counts on its own. Time is the
/// injected clock, so tests move it instead of waiting.
/// </remarks>
public abstract class UploadThrottle(TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _uploads = new(StringComparer.Ordinal);

    /// <summary>Uploads one user may make in <see cref="Window"/>, refused ones included.</summary>
    protected abstract int PerWindow { get; }

    /// <summary>The sliding window <see cref="PerWindow"/> counts in.</summary>
    protected abstract TimeSpan Window { get; }

    /// <summary>
    /// Counts an upload by <paramref name="userId"/> and answers zero; or, when the user has used up the window, counts
    /// nothing and answers how long until the oldest upload in it leaves the window.
    /// </summary>
    public TimeSpan TryAcquire(string userId)
    {
        var (perWindow, window) = (PerWindow, Window);
        var now = time.GetUtcNow();
        var recent = _uploads.GetOrAdd(userId, static _ => new Queue<DateTimeOffset>());
        TimeSpan wait;
        lock (recent)
        {
            Forget(recent, now - window);
            if (recent.Count < perWindow)
            {
                recent.Enqueue(now);
                wait = TimeSpan.Zero;
            }
            else
            {
                wait = recent.Peek() + window - now;
            }
        }

        if (_uploads.Count > SweepAbove)
        {
            Sweep(now - window);
        }

        return wait;
    }

    // A sweep may drop a queue another upload is being counted in at that moment: that one upload goes uncounted, which
    // only happens with thousands of users uploading and costs the limit one upload.
    private void Sweep(DateTimeOffset before)
    {
        foreach (var (userId, recent) in _uploads)
        {
            lock (recent)
            {
                Forget(recent, before);
                if (recent.Count == 0)
                {
                    _uploads.TryRemove(KeyValuePair.Create(userId, recent));
                }
            }
        }
    }

    private static void Forget(Queue<DateTimeOffset> recent, DateTimeOffset before)
    {
        while (recent.Count > 0 && recent.Peek() <= before)
        {
            recent.Dequeue();
        }
    }
}

using Classroom.Contracts.Board;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Classroom.Gateway.Fanout;

internal sealed partial class ClassroomChannel
{
    // Laser pointers that arrived since the last flush, by user: the latest of each goes out with the next flush.
    private readonly Dictionary<string, BoardPointer> _pointers = new(StringComparer.Ordinal);

    public Task OnPointersAsync(string classroomId, IReadOnlyList<BoardPointer> pointers)
    {
        lock (_lock)
        {
            foreach (var pointer in pointers)
            {
                _pointers[pointer.UserId] = pointer;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Offers the pointers that moved as one <c>pointer</c> frame to every live membership. A pointer is never worth
    /// holding a viewer back for: one whose outbox is half full misses it (the next replaces it), so pointers never take
    /// the room events need; it is neither held for joiners nor counted in any seq. Caller holds the lock.
    /// </summary>
    private void OfferPointersLocked(Membership[] members)
    {
        if (_pointers.Count == 0)
        {
            return;
        }

        var frame = new SerializedHubMessage(new InvocationMessage("pointer", [classroomId, _pointers.Values.ToList()]));
        _pointers.Clear();
        foreach (var membership in members)
        {
            if (membership.State == MembershipState.Live)
            {
                membership.Viewer.TryEnqueueDroppable(frame);
            }
        }
    }
}

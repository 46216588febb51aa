using Classroom.Contracts.Board;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    // Laser pointers moved since the last send, by user: only the latest position of each goes out.
    private readonly Dictionary<string, BoardPointer> _pointers = new(StringComparer.Ordinal);
    private IGrainTimer? _pointerTimer;

    /// <summary>
    /// Keeps the drawer's latest pointer position; a short timer sends what moved to the subscribers, at most every
    /// <see cref="ClassroomOptions.PointerInterval"/>, however fast the moves come. Nothing is stored or numbered: a
    /// pointer lost on the way is replaced by the next.
    /// </summary>
    public Task MovePointerAsync(string userId, string connectionId, string? pageId, int x, int y)
    {
        if (_broken is null && MayDraw(userId, connectionId) && (pageId is null || Board.FindPage(pageId) is not null))
        {
            _pointers[userId] = new BoardPointer(userId, pageId, Math.Clamp(x, 0, BoardLimits.PageUnits), Math.Clamp(y, 0, BoardLimits.PageUnits));
            _pointerTimer ??= this.RegisterGrainTimer(_ => SendPointersAsync(), new GrainTimerCreationOptions(_options.PointerInterval, _options.PointerInterval));
        }

        return Task.CompletedTask;
    }

    private Task SendPointersAsync()
    {
        if (_pointers.Count == 0)
        {
            // A quiet interval: the timer goes until the next move, so an idle lesson has no pointer timer.
            _pointerTimer?.Dispose();
            _pointerTimer = null;
            return Task.CompletedTask;
        }

        var moved = _pointers.Values.ToList();
        _pointers.Clear();
        if (_subscribers.Count > 0)
        {
            _subscribers.Notify(subscriber => subscriber.OnPointersAsync(Id, moved));
        }

        return Task.CompletedTask;
    }
}

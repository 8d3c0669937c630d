using Microsoft.Extensions.Time.Testing;

namespace SecureReqs.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test when a timer is created and with what due time, so a test advances
/// the clock exactly when the code under test waits (a retry delay, a timeout) instead of guessing.
/// </summary>
public sealed class WatchedTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> _created = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _waiters = [];

    /// <summary>The fake clock; advance it to fire timers.</summary>
    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The due times of the timers scheduled so far and not yet claimed by <see cref="NextTimerAsync"/>.</summary>
    public IReadOnlyList<TimeSpan> Created
    {
        get
        {
            lock (_created)
            {
                return [.. _created];
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => Fake.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => Fake.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, Fake.CreateTimer(callback, state, dueTime, period));
        Scheduled(dueTime);
        return timer;
    }

    // A timer created idle and armed later (CancellationTokenSource.CancelAfter does this) counts when it is armed.
    private void Scheduled(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_created)
        {
            foreach (var waiter in _waiters.Where(w => w.Match(dueTime)).Take(1).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult(dueTime);
                return;
            }

            _created.Add(dueTime);
        }
    }

    /// <summary>Completes with the due time of the next timer scheduled whose due time matches (or of one already scheduled and not yet claimed).</summary>
    /// <param name="match">Which due times count.</param>
    /// <returns>The due time.</returns>
    public Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> match)
    {
        lock (_created)
        {
            var index = _created.FindIndex(d => match(d));
            if (index >= 0)
            {
                var due = _created[index];
                _created.RemoveAt(index);
                return Task.FromResult(due);
            }

            var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
            return signal.Task;
        }
    }

    private sealed class WatchedTimer(WatchedTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Scheduled(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

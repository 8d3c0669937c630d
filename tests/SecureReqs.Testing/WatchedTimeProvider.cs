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

    /// <summary>The due times of the timers created so far.</summary>
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
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        lock (_created)
        {
            _created.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.Match(dueTime)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult(dueTime);
            }
        }

        return timer;
    }

    /// <summary>Completes with the due time of the next timer created whose due time matches (or of one already created and not yet claimed).</summary>
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
}

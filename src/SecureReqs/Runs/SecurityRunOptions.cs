namespace SecureReqs;

/// <summary>Options of a <see cref="SecurityRun"/>.</summary>
public sealed class SecurityRunOptions
{
    /// <summary>
    /// How many requests are in flight to the target at once. A case holds a slot only while its request is out; up to
    /// twice as many cases are in progress, so that judging answers never keeps the target waiting. At 1 the cases run
    /// strictly one after another.
    /// </summary>
    /// <value>The default value is 8.</value>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// How long one request to the target may take before the case ends as <see cref="Outcome.Errored"/>;
    /// <see cref="Timeout.InfiniteTimeSpan"/> when the target enforces its own timeouts (configured endpoint targets do,
    /// per attempt, so that waiting for a rate limit is not counted).
    /// </summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times each case is sent; an attack counts as successful if any attempt succeeds.</summary>
    /// <value>The default value is 1.</value>
    public int Attempts { get; set; } = 1;

    /// <summary>The clock used for timeouts and durations.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Who cases run as when they name no caller themselves (their role and clearance, for tool and retrieval stories).</summary>
    /// <value>The default value is a customer with public clearance.</value>
    public CallerIdentity Caller { get; set; } = CallerIdentity.Default;

    /// <summary>Receives the run's progress: once when it starts and once after every case.</summary>
    /// <remarks>Reports arrive in order and never concurrently (under a lock), so keep the callback fast.</remarks>
    /// <value>The default value is null: no progress is reported.</value>
    public IProgress<RunProgress>? Progress { get; set; }

    /// <summary>Receives every case as it finishes (to stream it to disk, to count it), in the order cases finish.</summary>
    /// <remarks>Called under the same lock as <see cref="Progress"/>, never concurrently; keep it fast.</remarks>
    /// <value>The default value is null.</value>
    public Action<CaseResult>? OnCaseCompleted { get; set; }

    /// <summary>Whether <see cref="RunResult.Cases"/> keeps every case. A run that streams its cases to
    /// <see cref="OnCaseCompleted"/> turns this off, so that its memory stays flat however many cases it sends;
    /// <see cref="RunResult.Tally"/> holds the counts either way.</summary>
    /// <value>The default value is true.</value>
    public bool KeepCases { get; set; } = true;

    /// <summary>The judges, by oracle name, that decide each attack's outcome.</summary>
    /// <value>The default value is <see cref="JudgeRegistry.Shared"/>.</value>
    public JudgeRegistry Judges { get; set; } = JudgeRegistry.Shared;

    /// <summary>How attacks whose case names a strategy (<see cref="CaseInstance.Strategy"/>) are pursued over several
    /// turns by an attacker model, or null when every case is sent as written.</summary>
    /// <value>The default value is null.</value>
    public AdaptivePursuit? Adaptive { get; set; }

    /// <summary>Checks the options once.</summary>
    /// <exception cref="SecureReqsException">An option is out of range.</exception>
    public void Validate()
    {
        if (MaxConcurrency is < 1 or > 256)
        {
            throw new SecureReqsException($"MaxConcurrency must be between 1 and 256, not {MaxConcurrency}.");
        }

        if (Attempts is < 1 or > 100)
        {
            throw new SecureReqsException($"The number of attempts per case must be between 1 and 100, not {Attempts}.");
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new SecureReqsException($"RequestTimeout must be positive, not {RequestTimeout}.");
        }
    }
}

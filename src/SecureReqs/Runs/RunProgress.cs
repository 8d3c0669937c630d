namespace SecureReqs;

/// <summary>How far a run has got: cases done of the total, and the time since it started.</summary>
/// <param name="Completed">The cases judged so far.</param>
/// <param name="Total">The cases in the run.</param>
/// <param name="Elapsed">The time since the run started, measured with the run's <see cref="TimeProvider"/>.</param>
public sealed record RunProgress(int Completed, int Total, TimeSpan Elapsed)
{
    /// <summary>Whether every case is done.</summary>
    public bool IsFinished => Completed >= Total;

    /// <summary>The share of cases done, in [0, 1] (1 for an empty run).</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;

    /// <summary>Cases judged per second so far, or null before any case is done or any time has passed.</summary>
    public double? CasesPerSecond => Completed == 0 || Elapsed <= TimeSpan.Zero ? null : Completed / Elapsed.TotalSeconds;

    /// <summary>The time left at the rate so far, or null while the rate is unknown.</summary>
    public TimeSpan? Remaining => IsFinished ? TimeSpan.Zero : CasesPerSecond is { } rate ? TimeSpan.FromSeconds((Total - Completed) / rate) : null;
}

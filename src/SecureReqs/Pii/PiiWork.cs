namespace SecureReqs;

/// <summary>
/// Counts the scanner's steps whose number is not obviously bounded by the text's length (candidate spans tried for
/// cards and phones, overlap checks between findings, windows read around each <c>@</c>), on the current thread, so a
/// test can check that the work per character stays flat as inputs grow without timing anything.
/// </summary>
internal static class PiiWork
{
    [ThreadStatic]
    private static long t_steps;

    /// <summary>The steps counted on this thread since the last <see cref="Reset"/>.</summary>
    public static long Steps => t_steps;

    /// <summary>Starts counting again from zero on this thread.</summary>
    public static void Reset() => t_steps = 0;

    /// <summary>Counts <paramref name="steps"/> steps.</summary>
    public static void Count(int steps) => t_steps += steps;
}

namespace SecureReqs.Cli;

/// <summary>
/// Builds the judges' heaviest tables on a background thread while a run reads its stories: the PII scanner's phone
/// metadata (about a second and a half on first use) and the refusal detector's linear-time patterns (a few hundred
/// milliseconds). Without it the first cases of a run wait for them.
/// </summary>
internal static class Warmup
{
    /// <summary>Starts the warm-up; it never fails the run (a failure shows again where the table is used).</summary>
    /// <returns>The warm-up, for tests.</returns>
    public static Task Start() => Task.Run(() =>
    {
        try
        {
            _ = PiiScanner.Default.Scan("Call 415 555 0100 or write to a@b.example.");
            _ = RefusalDetector.IsRefusal("I can't share that, but I'm happy to help.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nothing to do: the same code runs again, and reports its problem, when a case needs it.
        }
    });
}

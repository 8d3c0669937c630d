namespace SecureReqs;

/// <summary>A training dataset a story checks, scanned once for all its record checks.</summary>
/// <remarks>Thread-safe: concurrent checks share one scan.</remarks>
/// <param name="written">The path as the story writes it (shown in messages).</param>
/// <param name="fullPath">The resolved file.</param>
public sealed class TrainingDataset(string written, string fullPath)
{
    private readonly TrainingDatasetScanner _scanner = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TrainingDatasetScan? _scan;

    /// <summary>The path as the story writes it.</summary>
    public string Written { get; } = written;

    /// <summary>The resolved file.</summary>
    public string FullPath { get; } = fullPath;

    /// <summary>Scans the file, once.</summary>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The scan, with the file named as the story writes it.</returns>
    /// <exception cref="SecureReqsException">The file is not JSON Lines.</exception>
    public async Task<TrainingDatasetScan> ScanAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_scan is { } done)
            {
                return done;
            }

            TrainingDatasetScan scan;
            try
            {
                scan = await _scanner.ScanAsync(FullPath, cancellationToken).ConfigureAwait(false);
            }
            catch (DataFileException ex)
            {
                throw new SecureReqsException(ex.Message.Replace(FullPath, Written, StringComparison.Ordinal), ex);
            }

            return _scan = scan with { File = Written, Findings = [.. scan.Findings.Select(f => f with { File = Written })] };
        }
        finally
        {
            _gate.Release();
        }
    }
}

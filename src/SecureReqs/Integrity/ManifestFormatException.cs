namespace SecureReqs;

/// <summary>A signed manifest that cannot be read: the message names the file, line and column, and the fix.</summary>
public sealed class ManifestFormatException : SecureReqsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The manifest file.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public ManifestFormatException(string file, int line, int column, string problem, Exception? innerException = null)
        : base($"{file}:{line}:{column}: {problem}", innerException ?? new InvalidDataException(problem))
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The manifest file.</summary>
    public string File { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column.</summary>
    public int Column { get; }
}

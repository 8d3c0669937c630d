namespace SecureReqs;

/// <summary>A data file cannot be read as the format it was given as; the message names the file, the line and the fix.</summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do about it.</param>
    /// <param name="file">The path of the file, as it was given.</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public DataFileException(string message, string file, long line, Exception? innerException = null)
        : base(message, innerException)
    {
        File = file;
        Line = line;
    }

    /// <summary>The path of the file, as it was given.</summary>
    public string File { get; }

    /// <summary>The 1-based line number of the offending record.</summary>
    public long Line { get; }
}

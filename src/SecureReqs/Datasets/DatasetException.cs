namespace SecureReqs;

/// <summary>A dataset or manifest that cannot be used: the message names the file, the line when there is one, and the fix.</summary>
public sealed class DatasetException : SecureReqsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file at fault.</param>
    /// <param name="line">The 1-based line, or null when the problem is the whole file.</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DatasetException(string file, int? line, string problem, Exception? innerException = null)
        : base($"{file}{(line is { } l ? $":{l}" : "")}: {problem}", innerException ?? new InvalidDataException(problem))
    {
        File = file;
        Line = line;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>The 1-based line at fault, or null when the problem is the whole file.</summary>
    public int? Line { get; }
}

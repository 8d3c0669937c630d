namespace SecureReqs;

/// <summary>Small pieces of English for messages a product manager reads.</summary>
public static class English
{
    // Letters whose spoken name starts with a vowel sound: "an SSN", "an IBAN", "an MRI", but "a US …", "a PIN".
    private const string VowelSoundLetters = "AEFHILMNORSX";

    /// <summary>The noun phrase with "a" or "an" before it: "an IBAN", "an e-mail address", "a US social security number".</summary>
    /// <param name="phrase">The noun phrase.</param>
    /// <returns>The phrase with its article.</returns>
    public static string WithArticle(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return (TakesAn(phrase) ? "an " : "a ") + phrase;
    }

    /// <summary>Whether the phrase takes "an".</summary>
    /// <param name="phrase">The noun phrase.</param>
    /// <returns>True for "an".</returns>
    public static bool TakesAn(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var word = phrase.TrimStart().Split(' ', '-')[0];
        if (word.Length == 0)
        {
            return false;
        }

        // An acronym is read letter by letter unless it is a word of its own ("IBAN", "OWASP" are read as words).
        if (word.Length > 1 && word.All(char.IsUpper))
        {
            var readAsWord = word.Length >= 4 && word.Any(c => "AEIOU".Contains(c, StringComparison.Ordinal)) && word.Skip(1).Any(c => "AEIOU".Contains(c, StringComparison.Ordinal));
            return readAsWord ? "AEIOU".Contains(word[0], StringComparison.Ordinal) : VowelSoundLetters.Contains(word[0], StringComparison.Ordinal);
        }

        var lower = word.ToLowerInvariant();
        if (lower.StartsWith("uni", StringComparison.Ordinal) || lower.StartsWith("use", StringComparison.Ordinal) || lower.StartsWith("usu", StringComparison.Ordinal) || lower.StartsWith("one", StringComparison.Ordinal))
        {
            return false;
        }

        return "aeiou".Contains(lower[0], StringComparison.Ordinal) || lower.StartsWith("hour", StringComparison.Ordinal) || lower.StartsWith("honest", StringComparison.Ordinal);
    }
}

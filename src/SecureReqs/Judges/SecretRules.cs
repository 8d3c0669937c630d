namespace SecureReqs;

/// <summary>
/// Which declared secrets (system-prompt secrets, canaries) can be matched safely in answers. The judges match a secret
/// however it is rendered (other case, spacing, punctuation, encodings), so what counts is what is left after folding:
/// too few letters and digits, or too few different ones, would be "found" in ordinary answers (a secret of dashes
/// folds to nothing and would match every answer) or never be told apart from them.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class SecretRules
{
    /// <summary>The fewest letters and digits a secret needs once case, spacing and punctuation are ignored.</summary>
    public const int MinimumSignificantCharacters = 6;

    /// <summary>The fewest different letters and digits a secret needs.</summary>
    public const int MinimumDistinctCharacters = 3;

    /// <summary>Why a secret cannot be matched safely, or null when it can.</summary>
    /// <param name="secret">The secret as declared.</param>
    /// <returns>The reason, without the secret itself, or null.</returns>
    public static string? Problem(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var folded = NormalizedText.Fold(secret);
        var significant = folded.Count(char.IsLetterOrDigit);
        if (significant < MinimumSignificantCharacters)
        {
            return $"it has {significant} letter{(significant == 1 ? "" : "s")} or digit{(significant == 1 ? "" : "s")} once case, spacing and punctuation are ignored, and a secret needs at least {MinimumSignificantCharacters} to be told apart from ordinary answers (use a code such as \"OSPREY-7Q4M\")";
        }

        var distinct = folded.Where(char.IsLetterOrDigit).Distinct().Count();
        return distinct < MinimumDistinctCharacters
            ? $"it is made of {distinct} different letter{(distinct == 1 ? "" : "s")} or digit{(distinct == 1 ? "" : "s")}, too plain to be told apart from ordinary answers (use a code such as \"OSPREY-7Q4M\")"
            : null;
    }
}

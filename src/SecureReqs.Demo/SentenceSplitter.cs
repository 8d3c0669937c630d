namespace SecureReqs.Demo;

/// <summary>
/// Splits text into sentences in time linear in its length, as <c>Regex.Split</c> with the look-behinds
/// <c>(?&lt;=[.!?])\s+</c>, <c>\n+</c> and <c>(?&lt;=\\n)</c> did (the linear regex engine has no look-behinds).
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>The pieces of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="lineBreaks">Also split at runs of line breaks (<c>\n+</c>).</param>
    /// <param name="escapedLineBreaks">Also split after a written <c>\n</c> (a backslash and an n).</param>
    /// <returns>The pieces, empty ones included.</returns>
    public static List<string> Split(string text, bool lineBreaks, bool escapedLineBreaks)
    {
        var pieces = new List<string>();
        var last = 0;
        for (var i = 0; i < text.Length;)
        {
            if (i > 0 && text[i - 1] is '.' or '!' or '?' && char.IsWhiteSpace(text[i]))
            {
                var end = i;
                while (end < text.Length && char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                pieces.Add(text[last..i]);
                last = i = end;
            }
            else if (lineBreaks && text[i] == '\n')
            {
                var end = i;
                while (end < text.Length && text[end] == '\n')
                {
                    end++;
                }

                pieces.Add(text[last..i]);
                last = i = end;
            }
            else if (escapedLineBreaks && i >= 2 && text[i - 2] == '\\' && text[i - 1] == 'n' && i > last)
            {
                pieces.Add(text[last..i]);
                last = i;
                i++;
            }
            else
            {
                i++;
            }
        }

        if (escapedLineBreaks && text.Length >= 2 && text.EndsWith("\\n", StringComparison.Ordinal) && text.Length > last)
        {
            pieces.Add(text[last..]);
            last = text.Length;
        }

        pieces.Add(text[last..]);
        return pieces;
    }
}

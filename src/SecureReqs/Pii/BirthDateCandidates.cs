using System.Buffers;

namespace SecureReqs;

/// <summary>
/// The hand-written search for <see cref="PiiPatterns.DateOfBirth"/>: a date-of-birth label, at most 24 characters that
/// are not digits or line breaks, then a date, found as the pattern finds it without building its case-insensitive
/// automata (three of them, each with the label and month alternatives).
/// </summary>
/// <remarks>
/// The pattern stays the specification: <c>PiiCandidateTests</c> compares this search with it from every starting
/// position on seeded texts. The pattern's choices reduce to a few here: at most one label alternative can match at a
/// position (they differ within their first words); a label with an optional ending (<c>d.o.b.</c>, <c>born on</c>,
/// <c>geboren am</c>) tries the longer form first; the gap is lazy, so the nearest date wins; and a run of digits matched
/// by <c>[0-9]{1,2}</c> or <c>[0-9]{4}</c> must be exactly that long, because what follows each (a separator, a blank, a
/// suffix, a comma or the end of the match) is never a digit. Every label candidate reads its own label and at most 25
/// date positions, so the search is linear in the text.
/// </remarks>
internal static class BirthDateCandidates
{
    private const int MaxGap = 24;

    // The first letter of every label (ASCII letters in both cases; the labels hold no letter that a case-insensitive
    // pattern matches outside ASCII but é).
    private static readonly SearchValues<char> LabelStarts = SearchValues.Create("dbfngDBFNG生");

    private static readonly string[] Months =
        ["january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul", "august", "aug", "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec"];

    /// <summary>The first date of birth whose label starts at or after <paramref name="from"/>.</summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="from">Where the search starts.</param>
    /// <param name="valueStart">The start of the date (the pattern's <c>value</c> group).</param>
    /// <param name="end">The end of the date and of the match.</param>
    /// <returns>Whether one was found.</returns>
    public static bool Next(string text, int from, out int valueStart, out int end)
    {
        Span<int> labelEnds = stackalloc int[2];
        for (var p = from < text.Length ? text.AsSpan(from).IndexOfAny(LabelStarts) : -1; p >= 0;)
        {
            p += from;
            if (p == 0 || !char.IsLetter(text[p - 1]))
            {
                var count = LabelEnds(text, p, labelEnds);
                for (var i = 0; i < count; i++)
                {
                    if (DateAfterLabel(text, labelEnds[i], out valueStart, out end))
                    {
                        return true;
                    }
                }
            }

            from = p + 1;
            p = from < text.Length ? text.AsSpan(from).IndexOfAny(LabelStarts) : -1;
        }

        (valueStart, end) = (-1, -1);
        return false;
    }

    /// <summary>Whether a table cell names a date-of-birth column (what <see cref="PiiPatterns.DateOfBirthHeader"/> matches).</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>Whether the whole cell is one of the header forms, in any case.</returns>
    public static bool IsHeader(ReadOnlySpan<char> cell) =>
        IsHeaderForm(cell) || (cell.Length > 0 && cell[^1] == '\n' && IsHeaderForm(cell[..^1]));

    /// <summary>Whether a table cell is a numeric date (what <see cref="PiiPatterns.DateValue"/> matches).</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>Whether the whole cell is a date such as 1984-03-12 or 12/03/84.</returns>
    public static bool IsDateValue(ReadOnlySpan<char> cell) =>
        IsDateForm(cell) || (cell.Length > 0 && cell[^1] == '\n' && IsDateForm(cell[..^1]));

    private static bool IsHeaderForm(ReadOnlySpan<char> cell)
    {
        var text = cell.ToString();
        int i;

        // d\.?o\.?b\.?
        if (Letter(text, 0, 'd') && Letter(text, i = Optional(text, 1, '.'), 'o') && Letter(text, i = Optional(text, i + 1, '.'), 'b')
            && Optional(text, i + 1, '.') == text.Length)
        {
            return true;
        }

        return WholeWords(text, "date", HeaderSeparators, "of", HeaderSeparators, "birth")
            || WholeWords(text, "birth", HeaderSeparators, "date")
            || WholeWords(text, "birthday") || WholeWords(text, "born")
            || WholeWords(text, "fecha", OneSeparator, "de", OneSeparator, "nacimiento")
            || WholeWords(text, "date", OneSeparator, "de", OneSeparator, "naissance")
            || WholeWords(text, "geburtsdatum")
            || WholeWords(text, "data", OneSeparator, "di", OneSeparator, "nascita")
            || WholeWords(text, "data", OneSeparator, "de", OneSeparator, "nascimento")
            || WholeWords(text, "geboortedatum")
            || text == "生年月日";
    }

    // [0-9]{4}[\-/.][0-9]{1,2}[\-/.][0-9]{1,2} | [0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2}), the whole cell.
    private static bool IsDateForm(ReadOnlySpan<char> cell)
    {
        var text = cell.ToString();
        return (Run(text, 0) == 4 && IsSeparator(text, 4) && Run(text, 5) is var m and (1 or 2) && IsSeparator(text, 5 + m)
                && Run(text, 6 + m) is var d and (1 or 2) && 6 + m + d == text.Length)
            || (Run(text, 0) is var a and (1 or 2) && IsSeparator(text, a) && Run(text, a + 1) is var b and (1 or 2)
                && IsSeparator(text, a + 1 + b) && Run(text, a + b + 2) is var y and (4 or 2) && a + b + 2 + y == text.Length);
    }

    private const string HeaderSeparators = "*";
    private const string OneSeparator = "1";

    // Whether text is exactly the words in any case, with the separators between them: HeaderSeparators for
    // [ _\-]*, OneSeparator for [ _].
    private static bool WholeWords(string text, params string[] parts)
    {
        var i = 0;
        foreach (var part in parts)
        {
            if (ReferenceEquals(part, HeaderSeparators))
            {
                while (i < text.Length && text[i] is ' ' or '_' or '-')
                {
                    i++;
                }
            }
            else if (ReferenceEquals(part, OneSeparator))
            {
                if (i >= text.Length || text[i] is not (' ' or '_'))
                {
                    return false;
                }

                i++;
            }
            else if ((i = Word(text, i, part)) < 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    // The lazy gap, then the first date alternative that matches, nearest first.
    private static bool DateAfterLabel(string text, int labelEnd, out int valueStart, out int end)
    {
        for (var v = labelEnd; v <= labelEnd + MaxGap && v <= text.Length; v++)
        {
            if (v > labelEnd && text[v - 1] is '\n' or '\r' || (v > labelEnd && char.IsAsciiDigit(text[v - 1])))
            {
                break;
            }

            end = DateAt(text, v);
            if (end >= 0)
            {
                valueStart = v;
                return true;
            }
        }

        (valueStart, end) = (-1, -1);
        return false;
    }

    // The end of the first date alternative matching at v (followed by the end or a character that is not a letter or a
    // number), or -1.
    private static int DateAt(string text, int v)
    {
        int i;

        // [0-9]{4}[\-/.][0-9]{1,2}[\-/.][0-9]{1,2}
        if (Run(text, v) == 4 && IsSeparator(text, v + 4) && Run(text, v + 5) is var m and (1 or 2)
            && IsSeparator(text, v + 5 + m) && Run(text, v + 6 + m) is var d and (1 or 2) && After(text, i = v + 6 + m + d))
        {
            return i;
        }

        // [0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2})
        if (Run(text, v) is var a and (1 or 2) && IsSeparator(text, v + a) && Run(text, v + a + 1) is var b and (1 or 2)
            && IsSeparator(text, v + a + 1 + b) && Run(text, v + a + b + 2) is var y and (4 or 2) && After(text, i = v + a + b + 2 + y))
        {
            return i;
        }

        // (?:Month)\.?[ \t]+[0-9]{1,2}(?:st|nd|rd|th)?,?[ \t]+[0-9]{4}
        if ((i = MonthEnd(text, v)) >= 0)
        {
            i = Optional(text, i, '.');
            var blanks = Blanks(text, i);
            if (blanks > i && Run(text, blanks) is var day and (1 or 2))
            {
                i = Suffix(text, blanks + day);
                i = Optional(text, i, ',');
                var year = Blanks(text, i);
                if (year > i && Run(text, year) == 4 && After(text, year + 4))
                {
                    return year + 4;
                }
            }
        }

        // [0-9]{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:Month)\.?,?[ \t]+[0-9]{4}
        if (Run(text, v) is var n and (1 or 2))
        {
            i = Suffix(text, v + n);
            var month = Blanks(text, i);
            if (month > i)
            {
                if (Letter(text, month, 'o') && Letter(text, month + 1, 'f') && Blanks(text, month + 2) is var afterOf && afterOf > month + 2)
                {
                    month = afterOf;
                }

                if ((i = MonthEnd(text, month)) >= 0)
                {
                    i = Optional(text, Optional(text, i, '.'), ',');
                    var year = Blanks(text, i);
                    if (year > i && Run(text, year) == 4 && After(text, year + 4))
                    {
                        return year + 4;
                    }
                }
            }
        }

        return -1;
    }

    // How many label ends there are at p (written to ends, longer form first): 0 when no label starts there.
    private static int LabelEnds(string text, int p, Span<int> ends)
    {
        int i;

        // d\.?o\.?b\.?
        if (Letter(text, p, 'd') && Letter(text, i = Optional(text, p + 1, '.'), 'o') && Letter(text, i = Optional(text, i + 1, '.'), 'b'))
        {
            return WithOptional(text, i + 1, '.', ends);
        }

        // date[ \t_\-]*of[ \t_\-]*birth | date[ \t]+de[ \t]+naissance
        if (Word(text, p, "date") is var date and >= 0)
        {
            var of = Separators(text, date);
            if (Word(text, of, "of") is var afterOf and >= 0 && Word(text, Separators(text, afterOf), "birth") is var birth and >= 0)
            {
                return One(birth, ends);
            }

            if (Blanks(text, date) is var de && de > date && Word(text, de, "de") is var afterDe and >= 0
                && Blanks(text, afterDe) is var naissance && naissance > afterDe && Word(text, naissance, "naissance") is var e1 and >= 0)
            {
                return One(e1, ends);
            }

            return 0;
        }

        // birth[ \t_\-]*date | birthday
        if (Word(text, p, "birth") is var birthEnd and >= 0)
        {
            if (Word(text, Separators(text, birthEnd), "date") is var e2 and >= 0)
            {
                return One(e2, ends);
            }

            return Word(text, birthEnd, "day") is var e3 and >= 0 ? One(e3, ends) : 0;
        }

        // born(?:[ \t]+on)?
        if (Word(text, p, "born") is var born and >= 0)
        {
            return WithWord(text, born, "on", ends);
        }

        // fecha[ \t]+de[ \t]+nacimiento
        if (Word(text, p, "fecha") is var fecha and >= 0)
        {
            return Blanks(text, fecha) is var de && de > fecha && Word(text, de, "de") is var afterDe and >= 0
                && Blanks(text, afterDe) is var nac && nac > afterDe && Word(text, nac, "nacimiento") is var e4 and >= 0 ? One(e4, ends) : 0;
        }

        // nacid[oa][ \t]+el
        if (Word(text, p, "nacid") is var nacid and >= 0)
        {
            return (Letter(text, nacid, 'o') || Letter(text, nacid, 'a')) && Blanks(text, nacid + 1) is var el && el > nacid + 1
                && Word(text, el, "el") is var e5 and >= 0 ? One(e5, ends) : 0;
        }

        // n[ée]e?[ \t]+le
        if (Letter(text, p, 'n') && p + 1 < text.Length && (Letter(text, p + 1, 'e') || text[p + 1] is 'é' or 'É'))
        {
            i = Letter(text, p + 2, 'e') ? p + 3 : p + 2;
            if (Blanks(text, i) is var le && le > i && Word(text, le, "le") is var e6 and >= 0)
            {
                return One(e6, ends);
            }

            // Without the optional e: the blanks would have to start at the e just read, which is not a blank.
            return 0;
        }

        // geburtsdatum | geboren(?:[ \t]+am)? | geboortedatum
        if (Word(text, p, "geburtsdatum") is var e7 and >= 0)
        {
            return One(e7, ends);
        }

        if (Word(text, p, "geboren") is var geboren and >= 0)
        {
            return WithWord(text, geboren, "am", ends);
        }

        if (Word(text, p, "geboortedatum") is var e8 and >= 0)
        {
            return One(e8, ends);
        }

        // data[ \t]+di[ \t]+nascita | data[ \t]+de[ \t]+nascimento
        if (Word(text, p, "data") is var data and >= 0 && Blanks(text, data) is var second && second > data)
        {
            if (Word(text, second, "di") is var di and >= 0 && Blanks(text, di) is var nascita && nascita > di && Word(text, nascita, "nascita") is var e9 and >= 0)
            {
                return One(e9, ends);
            }

            if (Word(text, second, "de") is var de and >= 0 && Blanks(text, de) is var nascimento && nascimento > de && Word(text, nascimento, "nascimento") is var e10 and >= 0)
            {
                return One(e10, ends);
            }

            return 0;
        }

        // 生年月日
        return text.AsSpan(p).StartsWith("生年月日", StringComparison.Ordinal) ? One(p + 4, ends) : 0;
    }

    private static int One(int end, Span<int> ends)
    {
        ends[0] = end;
        return 1;
    }

    // A label that may go on with blanks and a word ("born on", "geboren am"): the longer form first.
    private static int WithWord(string text, int end, string word, Span<int> ends)
    {
        if (Blanks(text, end) is var blanks && blanks > end && Word(text, blanks, word) is var longer and >= 0)
        {
            ends[0] = longer;
            ends[1] = end;
            return 2;
        }

        return One(end, ends);
    }

    // A label that may end with a character ("d.o.b."): the longer form first.
    private static int WithOptional(string text, int end, char c, Span<int> ends)
    {
        if (end < text.Length && text[end] == c)
        {
            ends[0] = end + 1;
            ends[1] = end;
            return 2;
        }

        return One(end, ends);
    }

    // The end of the longest month name at i (the pattern's optional endings are greedy, and a shorter name is followed by
    // a letter, which nothing after a month accepts), or -1.
    private static int MonthEnd(string text, int i)
    {
        foreach (var month in Months)
        {
            if (Word(text, i, month) is var end and >= 0)
            {
                return end;
            }
        }

        return -1;
    }

    // (?:st|nd|rd|th)?, taken when present.
    private static int Suffix(string text, int i) =>
        (Letter(text, i, 's') && Letter(text, i + 1, 't')) || (Letter(text, i, 'n') && Letter(text, i + 1, 'd'))
        || (Letter(text, i, 'r') && Letter(text, i + 1, 'd')) || (Letter(text, i, 't') && Letter(text, i + 1, 'h')) ? i + 2 : i;

    // The end of word (lower-case ASCII) at i in any case, or -1.
    private static int Word(string text, int i, string word)
    {
        if (i < 0 || i + word.Length > text.Length)
        {
            return -1;
        }

        for (var k = 0; k < word.Length; k++)
        {
            if (!Letter(text, i + k, word[k]))
            {
                return -1;
            }
        }

        return i + word.Length;
    }

    // The ASCII letter c (lower case) at i, in either case.
    private static bool Letter(string text, int i, char c) => i >= 0 && i < text.Length && (text[i] | 0x20) == c && char.IsAsciiLetter(text[i]);

    private static int Optional(string text, int i, char c) => i < text.Length && text[i] == c ? i + 1 : i;

    private static int Blanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static int Separators(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '_' or '-')
        {
            i++;
        }

        return i;
    }

    private static bool IsSeparator(string text, int i) => i < text.Length && text[i] is '-' or '/' or '.';

    // The length of the run of ASCII digits at i.
    private static int Run(string text, int i)
    {
        var j = i;
        while (j < text.Length && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        return j - i;
    }

    // $|[^\p{L}\p{N}]
    private static bool After(string text, int e) => e >= text.Length || !(char.IsLetter(text[e]) || char.IsNumber(text[e]));
}

using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// The look-arounds of the injection patterns, checked in code: .NET's linear engine has none, so a pattern marks the
/// spot with a named group and its check (a <see cref="MatchCheck"/>) reads the text around it.
/// </summary>
/// <remarks>
/// A match that fails its check is dropped and the search goes on one character after its start; a look-around could
/// also make the backtracking engine take a lower-priority path at the same start, which this does not try.
/// </remarks>
internal static partial class InjectionPatterns
{
    /// <summary>After "above" or "before" alone: the end of a clause or a word that continues the override.</summary>
    [GeneratedRegex(AboveEndsClauseSource, Shadow)]
    private static partial Regex AboveEndsClause();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AboveEndsClauseSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AboveEndsClauseBacktracking();

    private const string AboveEndsClauseSource = @"^(?:[ \t]*(?:[.,;:!?)\n""'-]|$)|" + Sp + @"(?:and|then|instead|now|but|so|completely|entirely|please|text|content|message|prompt|conversation|input)\b)";

    /// <summary>After an override of "the above": a word that makes "above" an ordinary adjective or pronoun.</summary>
    [GeneratedRegex(AboveIsOrdinarySource, Shadow)]
    private static partial Regex AboveIsOrdinary();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AboveIsOrdinarySource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AboveIsOrdinaryBacktracking();

    private const string AboveIsOrdinarySource = @"^" + Sp + @"(?:is|was|the|a|an|one|message|email|item|product)\b";

    /// <summary>After "system override" and the like: a colon, a bracket or a word that makes it a claim.</summary>
    [GeneratedRegex(AuthorityClaimFollowsSource, Shadow)]
    private static partial Regex AuthorityClaimFollows();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AuthorityClaimFollowsSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AuthorityClaimFollowsBacktracking();

    private const string AuthorityClaimFollowsSource = @"^(?:" + Sp0 + @"[:!\]\-]|" + Sp + @"(?:mode|activated|enabled|engaged|in" + Sp + @"effect|from))";

    /// <summary>After "what were you told": a question about the customer's own order.</summary>
    [GeneratedRegex(AboutOwnOrderSource, Shadow)]
    private static partial Regex AboutOwnOrder();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AboutOwnOrderSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AboutOwnOrderBacktracking();

    private const string AboutOwnOrderSource = @"^" + Sp + @"(?:about" + Sp + @"(?:my|our|the)" + Sp + @"(?:order|account|delivery|refund))";

    /// <summary>After "the password": a word that makes it about password rules or a device.</summary>
    [GeneratedRegex(SecretIsOrdinarySource, Shadow)]
    private static partial Regex SecretIsOrdinary();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SecretIsOrdinarySource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SecretIsOrdinaryBacktracking();

    // Words after a secret noun that make it a thing about secrets, not one ("password policy", "password reset").
    private const string SecretOrdinaryWords = @"policy|policies|reset|manager|requirements?|strength|rules|field|form|page|settings";

    private const string SecretIsOrdinarySource = @"^" + Sp + @"(?:" + SecretOrdinaryWords + @"|for" + Sp + @"(?:my|the)" + Sp + @"(?:wifi|wi-fi|router|guest))";

    /// <summary>After "tell me the password" asked outright: a word that makes it about password rules.</summary>
    [GeneratedRegex(SecretAskedIsOrdinarySource, Shadow)]
    private static partial Regex SecretAskedIsOrdinary();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SecretAskedIsOrdinarySource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SecretAskedIsOrdinaryBacktracking();

    private const string SecretAskedIsOrdinarySource = @"^" + Sp + @"(?:requirements?|polic(?:y|ies)|rules|reset|strength|length|format|manager|field|change|hint|recovery|settings)";

    /// <summary>After "if you refuse": an object that makes it an ordinary refusal (a delivery, the cookies).</summary>
    [GeneratedRegex(RefusedObjectSource, Shadow)]
    private static partial Regex RefusedObject();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RefusedObjectSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RefusedObjectBacktracking();

    private const string RefusedObjectSource = @"^" + Sp + @"(?:a|an|the|this|that|these|those|your|our|any|delivery|deliveries|parcels?|packages?|shipments?|orders?|items?|cookies|payments?|offers?|services?|treatment|consent)\b";

    /// <summary>Before an AI noun: a human qualifier ("support agent", "our assistant").</summary>
    [GeneratedRegex(HumanQualifierBeforeSource, Shadow)]
    private static partial Regex HumanQualifierBefore();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(HumanQualifierBeforeSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex HumanQualifierBeforeBacktracking();

    private const string HumanQualifierBeforeSource = @"\b(?:support|service|sales|human|live|desk|field|booking|travel|insurance|estate|centre|center|care|our|your)" + Sp + @"$";

    /// <summary>Before "return": a determiner that makes it a noun ("your return", "free returns").</summary>
    [GeneratedRegex(ReturnIsNounSource, Shadow)]
    private static partial Regex ReturnIsNoun();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ReturnIsNounSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ReturnIsNounBacktracking();

    private const string ReturnIsNounSource = @"\b(?:your|the|a|an|my|this|that|our|his|her|their|free|easy|for|of|on|no)" + Sp + @"$";

    /// <summary>After an out-verb: a call, a member or an assignment in code ("print(", "say.x", "type =").</summary>
    [GeneratedRegex(VerbIsCodeSource, Shadow)]
    private static partial Regex VerbIsCode();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(VerbIsCodeSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex VerbIsCodeBacktracking();

    private const string VerbIsCodeSource = @"^[ \t]*[(.=]";

    /// <summary>How far back a look-behind reads: its longest word and gap, with room for the word boundary before it.</summary>
    private const int LookBehind = 32;

    private static bool At(Regex anchored, string text, int index, int end) => anchored.IsMatch(text.AsSpan(index, end - index));

    private static bool Before(Regex anchored, string text, int beginning, int index)
    {
        var from = Math.Max(beginning, index - LookBehind);
        return anchored.IsMatch(text.AsSpan(from, index - from));
    }

    private static int End(Capture capture) => capture.Index + capture.Length;

    private static bool OverrideAboveHolds(string text, int beginning, int end, Match m) =>
        (!m.Groups["bare"].Success || At(AboveEndsClause(), text, End(m), end)) && !At(AboveIsOrdinary(), text, End(m), end);

    private static bool AuthorityMarkerHolds(string text, int beginning, int end, Match m) =>
        m.Groups["claim"].Success ? At(AuthorityClaimFollows(), text, End(m), end) : !IsGloss(text, beginning, end, m);

    /// <summary>
    /// A parenthesis right after a word that is not a heading (no colon after it) glosses that word: "系统提示词（system
    /// prompt）", "the system message (system prompt) sets the tone". A marker posing as a message opens a line or a
    /// sentence ("[system] …", "Thanks. (admin override) …") or is a heading ("(system note): …").
    /// </summary>
    private static bool IsGloss(string text, int beginning, int end, Match m)
    {
        if (text[m.Index] != '(')
        {
            return false;
        }

        var before = m.Index - 1;
        while (before >= beginning && text[before] is ' ' or '\t')
        {
            before--;
        }

        var after = End(m);
        while (after < end && text[after] is ' ' or '\t')
        {
            after++;
        }

        return before >= beginning && char.IsLetterOrDigit(text[before]) && (after >= end || text[after] != ':');
    }

    private static bool PromptQuestionHolds(string text, int beginning, int end, Match m) =>
        !m.Groups["told"].Success || !At(AboutOwnOrder(), text, End(m), end);

    private static bool SecretRequestHolds(string text, int beginning, int end, Match m) => !At(SecretIsOrdinary(), text, End(m), end);

    private static bool SecretAskedOutrightHolds(string text, int beginning, int end, Match m) => !At(SecretAskedIsOrdinary(), text, End(m), end);

    private static bool RefusalSuppressionMoreHolds(string text, int beginning, int end, Match m) =>
        m.Groups["ifrefuse"] is not { Success: true } refuse || !At(RefusedObject(), text, End(refuse), end);

    private static bool AddressedToAiHolds(string text, int beginning, int end, Match m)
    {
        if (m.Groups["reader"] is not { Success: true } reader)
        {
            return true;
        }

        // Not after a human qualifier, and not "agents" alone: staff policies name people "agents".
        var agents = text.AsSpan(reader.Index, end - reader.Index).StartsWith("agents", StringComparison.Ordinal)
            && (reader.Index + 6 == end || !LinearRegex.IsWordChar(text[reader.Index + 6]));
        return !agents && !Before(HumanQualifierBefore(), text, beginning, reader.Index);
    }

    private static bool FormatWithCodeHolds(string text, int beginning, int end, Match m)
    {
        var code = m.Groups["code"];
        return IsCodeToken(text, beginning, end, code, 1, 3, 2);
    }

    /// <summary>
    /// A code-like token: not glued to a word or dash on either side, <paramref name="minLength"/> to 40 characters
    /// (40 only when <paramref name="minLength"/> is more than 1), with enough digits and letters.
    /// </summary>
    private static bool IsCodeToken(string text, int beginning, int end, Group token, int minLength, int digits, int letters)
    {
        var start = token.Index;
        var stop = start + token.Length;
        if ((start > beginning && (LinearRegex.IsWordChar(text[start - 1]) || text[start - 1] == '-'))
            || (stop < end && (LinearRegex.IsWordChar(text[stop]) || text[stop] == '-')))
        {
            return false;
        }

        if (minLength > 1 && (token.Length < minLength || token.Length > 40))
        {
            return false;
        }

        var span = token.ValueSpan;
        var d = 0;
        var l = 0;
        foreach (var c in span)
        {
            d += char.IsAsciiDigit(c) ? 1 : 0;
            l += char.IsAsciiLetterLower(c) ? 1 : 0;
        }

        return d >= digits && l >= letters;
    }

    /// <summary>The look-arounds of <see cref="Literal"/>: a bracket not opening a link, a quote between spaces or punctuation, a code token with digits and letters.</summary>
    private static bool LiteralHolds(string text, int beginning, int end, Match m)
    {
        if (m.Groups["l1"] is { Success: true } bracket)
        {
            var after = End(bracket);
            return after >= end || text[after] is not ('(' or ':' or '[');
        }

        if (m.Groups["l2"] is { Success: true } quote)
        {
            var after = End(quote);
            return quote.Index > beginning && (LinearRegex.IsSpace(text[quote.Index - 1]) || text[quote.Index - 1] is ':' or '(' or '=' or '>')
                && (after >= end || LinearRegex.IsSpace(text[after]) || text[after] is '.' or ',' or ';' or ':' or '!' or '?' or ')');
        }

        return m.Groups["l3"] is not { Success: true } token || IsCodeToken(text, beginning, end, token, 6, 3, 2);
    }

    private static bool OutputLiteralHolds(string text, int beginning, int end, Match m) =>
        VerbHolds(text, m) && LiteralHolds(text, beginning, end, m);

    private static bool VerbHolds(string text, Match m) =>
        !At(VerbIsCode(), text, End(m.Groups["verb"]), text.Length)
        && (m.Groups["ret"] is not { Success: true } ret || !Before(ReturnIsNoun(), text, 0, ret.Index));

    private static bool HasTwoDigits(string text, int beginning, int end, Match m)
    {
        var span = m.ValueSpan;
        for (var i = 1; i < span.Length; i++)
        {
            if (char.IsAsciiDigit(span[i]) && char.IsAsciiDigit(span[i - 1]))
            {
                return true;
            }
        }

        return false;
    }
}

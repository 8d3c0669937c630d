using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>A check in code of a match, for a look-around the linear engine cannot express.</summary>
/// <param name="text">The text searched.</param>
/// <param name="beginning">Where the searched window begins (the start of the text for a look-behind).</param>
/// <param name="end">Where the searched window ends (the end of the text for a look-ahead).</param>
/// <param name="match">The match.</param>
/// <returns>Whether the match stands.</returns>
internal delegate bool MatchCheck(string text, int beginning, int end, Match match);

/// <summary>
/// A pattern with a fixed-length look-behind and a look-ahead of a few characters, run in time linear in the text.
/// </summary>
/// <remarks>
/// .NET's linear engine (<see cref="RegexOptions.NonBacktracking"/>) has no look-arounds, so the context is matched as
/// consumed characters around a group named <c>core</c>: <see cref="Search"/> is <c>before(?&lt;core&gt;core)after</c>,
/// where <c>before</c> is always exactly <c>beforeLength</c> characters, and <see cref="AtStart"/> handles a core that
/// starts before <c>beforeLength</c> characters of text are there (the look-behind looks at the start of the text).
/// The core found is matched again on its own span by <see cref="Core"/> (<c>^(?:core)$</c>), which gives an ordinary
/// <see cref="System.Text.RegularExpressions.Match"/> with the same groups: the highest-priority path ending there is the path the search took,
/// because the context depends only on the two ends. The core must not begin or end with an anchor such as <c>\b</c>,
/// which would read past its span. A search restarts <c>beforeLength</c> characters before the end of the last core,
/// so the context of one match may overlap the last one, as a look-around's may.
/// </remarks>
/// <para>
/// A pattern may also carry a check in code (<c>holds</c>) for a look-around the engine cannot express, such as a word
/// that must not follow: a match that fails it is dropped and the search goes on one character after its start.
/// </para>
internal sealed class ContextRegex
{
    private readonly int _beforeLength;
    private readonly bool _direct;
    private readonly MatchCheck? _holds;
    private readonly Func<string, Match, int>? _resume;
    private readonly Func<string, int, int, int>? _skip;
    private readonly TieredRegex _search;
    private readonly TieredRegex _atStart;
    private readonly TieredRegex _core;
    private readonly TieredRegex[]? _alternatives;
    private readonly bool _spansAgree;
    private readonly RegexPrefilter[]? _alternativeFilters;
    private readonly string _filterPattern;
    private readonly RegexOptions _filterOptions;
    private RegexPrefilter? _prefilter;

    /// <summary>Creates the pattern.</summary>
    /// <param name="before">Exactly <paramref name="beforeLength"/> characters before the core (no anchors).</param>
    /// <param name="beforeLength">The length of <paramref name="before"/>.</param>
    /// <param name="atStart">What may stand before the core at the start of the text, shorter than <paramref name="beforeLength"/>; <c>""</c> for nothing.</param>
    /// <param name="core">The match itself.</param>
    /// <param name="after">What must follow the core (consumed; may use <c>$</c>).</param>
    /// <param name="options">The options; <see cref="RegexOptions.NonBacktracking"/> is added.</param>
    /// <param name="holds">A check of each match in code, or null.</param>
    public ContextRegex(string before, int beforeLength, string atStart, string core, string after, RegexOptions options, MatchCheck? holds = null)
        : this("(?:" + before + ")(?<core>" + core + ")(?:" + after + ")", "^(?:" + atStart + ")(?<core>" + core + ")(?:" + after + ")", core, beforeLength, options, holds)
    {
    }

    private ContextRegex(string pattern, RegexOptions options, MatchCheck holds, Func<string, Match, int>? resume, Func<string, int, int, int>? skip)
    {
        _direct = true;
        _holds = holds;
        _resume = resume;
        _skip = skip;
        (_filterPattern, _filterOptions) = (pattern, options);
        _search = Tier(pattern, options);
        _atStart = _search;
        _core = _search;
        _spansAgree = _search.SameSpans;
    }

    private ContextRegex(string[] alternatives, RegexOptions options, MatchCheck holds)
        : this(string.Join("|", alternatives), options, holds, null, null)
    {
        _alternatives = [.. alternatives.Select(a => Tier(a, options))];
        _spansAgree = _alternatives.All(a => a.SameSpans);
        _alternativeFilters = [.. alternatives.Select(a => RegexPrefilter.For(a, options | RegexOptions.NonBacktracking))];
    }

    // The same pattern without its skip (tests compare the two).
    private ContextRegex(ContextRegex other)
    {
        _beforeLength = other._beforeLength;
        _direct = other._direct;
        _holds = other._holds;
        _resume = other._resume;
        _alternatives = other._alternatives;
        _alternativeFilters = other._alternativeFilters;
        _search = other._search;
        _atStart = other._atStart;
        _core = other._core;
        _spansAgree = other._spansAgree;
        (_filterPattern, _filterOptions) = (other._filterPattern, other._filterOptions);
    }

    /// <summary>The same pattern searched without its skip: every candidate is matched by the pattern and checked (for tests).</summary>
    internal ContextRegex WithoutSkip => new(this);

    /// <summary>The same alternation searched as one automaton, with the same check (for tests: the matches must be the same).</summary>
    internal ContextRegex AsOnePattern => _alternatives is null ? this : Checked(_filterPattern, _filterOptions, _holds!, _resume, _skip);

    /// <summary>How many times the pattern itself was run by <see cref="Find"/> on this thread: work counted, not timed (for tests).</summary>
    [ThreadStatic]
    internal static long PatternRuns;

    /// <summary>A pattern without context, whose matches must pass a check in code.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="options">The options; <see cref="RegexOptions.NonBacktracking"/> is added.</param>
    /// <param name="holds">The check.</param>
    /// <returns>The pattern.</returns>
    /// <param name="resume">Where the search goes on after a match that fails the check (by default one character after its
    /// start); a pattern may skip positions where no match can pass, which keeps a text of many failing candidates linear.</param>
    /// <param name="skip">
    /// Where a search from a position (its second argument) that must end by a position (its third) may start instead:
    /// a position at or after the start, found in code, such that every match the pattern finds before it fails the check
    /// and is resumed past, so searching from there gives the same first passing match without running the pattern on
    /// candidates the check would reject; the end when no match can pass. Null: every candidate is matched and checked.
    /// </param>
    public static ContextRegex Checked(string pattern, RegexOptions options, MatchCheck holds, Func<string, Match, int>? resume = null, Func<string, int, int, int>? skip = null) => new(pattern, options, holds, resume, skip);

    /// <summary>
    /// A pattern without context whose top-level alternatives are searched one by one, each with its own literal
    /// prefilter, and whose matches must pass a check in code. The matches are those of the alternation
    /// <c>a|b|…</c>: the leftmost start among the alternatives, and at that start the first alternative in order, whose
    /// match is the one it finds alone (a top-level alternation has no state shared between its branches).
    /// </summary>
    /// <remarks>
    /// The linear engine builds its automaton's states as the text needs them, and an alternation's states are sets of
    /// its branches' states: branches that each track a few counters (a quoted literal of up to 100 characters, two
    /// words of up to 15, blanks of up to 4) multiply into many more states than they have apart, and a branch that
    /// starts with any word keeps the others alive at every word. Apart, each branch grows only its own states, and runs
    /// only on the texts that hold its literals.
    /// </remarks>
    /// <param name="holds">The check.</param>
    /// <param name="options">The options; <see cref="RegexOptions.NonBacktracking"/> is added.</param>
    /// <param name="alternatives">The top-level alternatives, in order; joined with <c>|</c> they are the whole pattern.</param>
    /// <returns>The pattern.</returns>
    public static ContextRegex CheckedAlternatives(MatchCheck holds, RegexOptions options, params string[] alternatives) => new(alternatives, options, holds);

    /// <summary>Creates the pattern from a search written out, for a context that differs between alternatives of the core.</summary>
    /// <param name="search">The search: every alternative consumes exactly <paramref name="beforeLength"/> characters before its group <c>core</c>.</param>
    /// <param name="atStart">The search at the start of the text (anchored with <c>^</c>), with a shorter context before the core.</param>
    /// <param name="core">The match itself (every alternative's core).</param>
    /// <param name="beforeLength">The length of the context before the core in <paramref name="search"/>.</param>
    /// <param name="options">The options; <see cref="RegexOptions.NonBacktracking"/> is added.</param>
    /// <param name="holds">A check of each match in code, or null.</param>
    public ContextRegex(string search, string atStart, string core, int beforeLength, RegexOptions options, MatchCheck? holds = null)
    {
        _beforeLength = beforeLength;
        _holds = holds;
        options |= RegexOptions.NonBacktracking;
        (_filterPattern, _filterOptions) = (core, options);
        _search = Tier(search, options);
        _atStart = Tier(atStart, options);
        _core = Tier("^(?:" + core + ")$", options);
        _spansAgree = _search.SameSpans && _atStart.SameSpans && _core.SameSpans;
    }

    /// <summary>Whether the pattern still runs on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    internal bool Backtracking => _search.Backtracking;

    /// <summary>The pattern's parts, each on both engines (for tests).</summary>
    internal IEnumerable<TieredRegex> Tiers => new[] { _search, _atStart, _core }.Concat(_alternatives ?? []).Distinct();

    /// <summary>Literals one of which every match holds (from the core), so that texts without any skip the pattern.</summary>
    public RegexPrefilter Prefilter => _prefilter ??= RegexPrefilter.For(_filterPattern, _filterOptions);

    /// <summary>The search with the context on both sides.</summary>
    /// <remarks>Built on first use, as are <see cref="AtStart"/> and <see cref="Core"/>: building a linear-engine automaton
    /// costs milliseconds, and a process pays only for the patterns its texts reach.</remarks>
    public Regex Search => _search.Linear;

    /// <summary>The alternatives searched one by one (<see cref="CheckedAlternatives"/>), each built on first use; empty for other patterns.</summary>
    internal IEnumerable<Regex> Alternatives => _alternatives?.Select(a => a.Linear) ?? [];

    /// <summary>The search for a core near the start of the text.</summary>
    public Regex AtStart => _atStart.Linear;

    /// <summary>The core alone, anchored at both ends.</summary>
    public Regex Core => _core.Linear;

    /// <summary>Whether the text has a match.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether there is a match.</returns>
    public bool IsMatch(string text)
    {
        if (_holds is not null)
        {
            return Match(text).Success;
        }

        return Backtracked(text) ?? (AtStart.IsMatch(text) || Search.IsMatch(text));
    }

    /// <summary>The first match.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The match, or a failed match.</returns>
    public Match Match(string text) => Find(text, 0, text.Length, 0);

    /// <summary>The first match that starts at or after <paramref name="startat"/>; the context may look before it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="startat">Where the match may start.</param>
    /// <returns>The match, or a failed match.</returns>
    public Match Match(string text, int startat) => Find(text, 0, text.Length, startat);

    /// <summary>The first match inside a window, which is the whole text for the context.</summary>
    /// <param name="text">The text.</param>
    /// <param name="beginning">Where the window begins.</param>
    /// <param name="length">The length of the window.</param>
    /// <returns>The match, or a failed match.</returns>
    public Match Match(string text, int beginning, int length) => Find(text, beginning, length, beginning);

    /// <summary>The first match at or after <paramref name="startat"/> that ends by <paramref name="end"/>; the text
    /// before <paramref name="startat"/> still counts as context. Bounding the search keeps a caller that looks near many
    /// positions linear in the input.</summary>
    /// <param name="text">The text.</param>
    /// <param name="startat">Where the search starts.</param>
    /// <param name="end">Where matches must end.</param>
    /// <returns>The match.</returns>
    public Match MatchBefore(string text, int startat, int end) => Find(text, 0, end, startat);

    /// <summary>The matches, left to right, none overlapping.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The matches.</returns>
    public IEnumerable<Match> Matches(string text)
    {
        // Where the engines may end matches differently, the backtracking one (while the pattern runs there) only rules out
        // a text with no match at all, whatever the check would say.
        if (!_spansAgree && Backtracked(text) is { } any)
        {
            if (!any)
            {
                yield break;
            }

            // The linear automaton is needed now; building it and still backtracking first would pay twice.
            ToLinear();
        }

        // The alternatives' next matches are kept across the search, so that each runs forward through the text once.
        var found = _alternatives is null ? null : new Candidate[_alternatives.Length];
        for (var m = Find(text, 0, text.Length, 0, found); m.Success;)
        {
            yield return m;
            var next = m.Index + Math.Max(1, m.Length);
            m = next <= text.Length ? Find(text, 0, text.Length, next, found) : System.Text.RegularExpressions.Match.Empty;
        }
    }

    private Match Find(string text, int beginning, int length, int startat, Candidate[]? found = null)
    {
        MoveWhenLong(text);
        if (!_spansAgree || !_search.Backtracking)
        {
            return FindChecked(text, beginning, length, startat, found);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return FindChecked(text, beginning, length, startat, found);
        }
        catch (RegexMatchTimeoutException)
        {
            // Found again from the same position on the linear engine; the alternatives' kept matches stay valid, as both
            // engines find the same ones.
            ToLinear();
            return FindChecked(text, beginning, length, startat, found);
        }
        finally
        {
            Charge(Stopwatch.GetTimestamp() - started);
        }
    }

    // Whether the search (or the search at the start) matches anywhere, unchecked, on the backtracking engine, its time
    // charged (whether there is a match does not depend on the engine, even where the spans may); null when the pattern
    // runs on the linear engine, including when the text is long or the search timed out (both of which move it there).
    private bool? Backtracked(string text)
    {
        MoveWhenLong(text);
        if (!_search.Backtracking)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return _atStart.BacktrackingRegex!.IsMatch(text) || _search.BacktrackingRegex!.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            ToLinear();
            return null;
        }
        finally
        {
            Charge(Stopwatch.GetTimestamp() - started);
        }
    }

    private void MoveWhenLong(string text)
    {
        if (text.Length > TieredRegex.LongText && _search.Backtracking)
        {
            ToLinear();
        }
    }

    // The time on the backtracking engine is charged to the search; when it moves, every part of the pattern moves.
    private void Charge(long ticks)
    {
        _search.Charge(ticks);
        if (!_search.Backtracking)
        {
            ToLinear();
        }
    }

    // A part's regex for finding matches: the backtracking one while the pattern runs there and the engines agree on spans.
    private Regex Pick(TieredRegex tier) => _spansAgree && tier.Backtracking ? tier.BacktrackingRegex! : tier.Linear;

    private void ToLinear()
    {
        _search.ToLinear();
        _atStart.ToLinear();
        _core.ToLinear();
        foreach (var alternative in _alternatives ?? [])
        {
            alternative.ToLinear();
        }
    }

    private static TieredRegex Tier(string pattern, RegexOptions options) =>
        TieredRegex.Of("context", pattern, options, () => LinearRegex.Large(pattern, options));

    private Match FindChecked(string text, int beginning, int length, int startat, Candidate[]? found)
    {
        if (_alternatives is not null)
        {
            found ??= new Candidate[_alternatives.Length];
        }

        while (true)
        {
            if (_skip is not null)
            {
                startat = _skip(text, startat, beginning + length);
            }

            PatternRuns++;
            var m = found is null ? FindUnchecked(text, beginning, length, startat) : FindAlternative(text, beginning, length, startat, found);
            if (!m.Success || _holds is null || _holds(text, beginning, beginning + length, m))
            {
                return m;
            }

            startat = _resume is null ? m.Index + 1 : Math.Max(m.Index + 1, _resume(text, m));
            if (startat > beginning + length)
            {
                return System.Text.RegularExpressions.Match.Empty;
            }
        }
    }

    private Match FindUnchecked(string text, int beginning, int length, int startat)
    {
        if (_direct)
        {
            var direct = Pick(_search);
            return beginning == 0 && length == text.Length ? direct.Match(text, startat) : direct.Match(text, startat, beginning + length - startat);
        }

        if (startat - beginning < _beforeLength)
        {
            var start = Pick(_atStart).Match(text, beginning, length);
            if (start.Success && start.Groups["core"].Index >= startat)
            {
                return Inner(text, start);
            }
        }

        var from = Math.Max(beginning, startat - _beforeLength);
        var end = beginning + length;
        var search = Pick(_search);
        var found = end == text.Length && beginning == 0 ? search.Match(text, from) : search.Match(text, from, end - from);
        return found.Success ? Inner(text, found) : found;
    }

    /// <summary>
    /// The alternation's first match at or after <paramref name="startat"/>: the leftmost of the alternatives' first
    /// matches, the earliest alternative on a tie.
    /// </summary>
    /// <remarks>
    /// Over the whole text, an alternative's first match from an earlier start that begins at or after
    /// <paramref name="startat"/> is also its first match from <paramref name="startat"/> (the text before the start is
    /// context either way), and one that found nothing finds nothing later, so each is searched again only when the
    /// search has passed its match. In a window the window starts at <paramref name="startat"/>, so every alternative is
    /// searched again. An alternative whose literals the text lacks is never run.
    /// </remarks>
    private Match FindAlternative(string text, int beginning, int length, int startat, Candidate[] found)
    {
        var whole = beginning == 0 && length == text.Length;
        Match? best = null;
        for (var i = 0; i < found.Length; i++)
        {
            ref var candidate = ref found[i];
            if (!candidate.Checked)
            {
                candidate = new Candidate(true, !_alternativeFilters![i].MayMatch(text), null);
            }

            if (candidate.Rejected)
            {
                continue;
            }

            var m = candidate.Match;
            if (m is null || !whole || (m.Success && m.Index < startat))
            {
                var regex = Pick(_alternatives![i]);
                m = whole ? regex.Match(text, startat) : regex.Match(text, startat, beginning + length - startat);
                candidate = candidate with { Match = m };
            }

            if (m.Success && (best is null || m.Index < best.Index))
            {
                best = m;
            }
        }

        return best ?? System.Text.RegularExpressions.Match.Empty;
    }

    /// <summary>An alternative's state in one search: whether its prefilter was asked and rejected the text, and its next match.</summary>
    private readonly record struct Candidate(bool Checked, bool Rejected, Match? Match);

    private Match Inner(string text, Match found)
    {
        var core = found.Groups["core"];
        var inner = Pick(_core).Match(text, core.Index, core.Length);
        return inner.Success ? inner : throw new InvalidOperationException($"The core of {Search} did not match its own span.");
    }
}

namespace SecureReqs;

/// <summary>
/// A framework that stories map to with tags (<c>@owasp:LLM01</c>, <c>@agentic:T2</c>, <c>@nist:MEASURE-2.7</c>,
/// <c>@iso42001:A.6.2.4</c>): its controls, and how a tag names one.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ControlFramework
{
    private readonly Dictionary<string, ControlDefinition> _known;
    private readonly Func<string, string?> _canonicalId;
    private readonly Func<string, string?> _parentOf;

    internal ControlFramework(
        string key,
        string title,
        string tagExample,
        IEnumerable<ControlDefinition> listed,
        IEnumerable<ControlDefinition> known,
        Func<string, string?> canonicalId,
        Func<string, string?>? parentOf = null)
    {
        Key = key;
        Title = title;
        TagExample = tagExample;
        Listed = [.. listed.Select(Tagged)];
        _known = Listed.Concat(known.Select(Tagged)).DistinctBy(c => c.Id).ToDictionary(c => c.Id, StringComparer.Ordinal);
        _canonicalId = canonicalId;
        _parentOf = parentOf ?? (_ => null);

        // Every control in catalog order, each function followed by its subcategories.
        var children = _known.Values.Where(c => !Listed.Contains(c)).ToLookup(c => _parentOf(c.Id) ?? "");
        Controls = [.. Listed.SelectMany(c => children[c.Id].Prepend(c)).Concat(children[""])];
    }

    /// <summary>The tag prefix: <c>owasp</c>, <c>agentic</c>, <c>nist</c> or <c>iso42001</c>.</summary>
    public string Key { get; }

    /// <summary>The framework's title.</summary>
    public string Title { get; }

    /// <summary>A tag that names one of its controls, for messages: <c>@owasp:LLM01</c>.</summary>
    public string TagExample { get; }

    /// <summary>The controls the matrix always shows, covered or not (every OWASP risk and agentic threat, the four NIST
    /// functions); others appear when a story is tagged with them.</summary>
    public IReadOnlyList<ControlDefinition> Listed { get; }

    /// <summary>Every control the catalog names, covered or not: all OWASP risks and agentic threats, the NIST AI RMF
    /// functions each followed by its subcategories, all ISO/IEC 42001 Annex A controls.</summary>
    public IReadOnlyList<ControlDefinition> Controls { get; }

    /// <summary>Finds a control by its canonical id (<c>LLM01</c>, <c>MEASURE 2.7</c>).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The control, or null when the catalog does not name it.</returns>
    public ControlDefinition? Find(string id) => _known.GetValueOrDefault(id);

    /// <summary>Reads the part of a tag after the prefix (<c>LLM01</c> of <c>owasp:LLM01</c>) as a control of this framework.</summary>
    /// <param name="value">The tag's value.</param>
    /// <returns>The control (named when the catalog knows it), or null when the value names no control of the framework.</returns>
    public ControlDefinition? Resolve(string value) =>
        _canonicalId(value.Trim()) is { } id ? Find(id) ?? Tagged(new ControlDefinition(id, "")) : null;

    /// <summary>The control a control rolls up to (a NIST subcategory's function), or null.</summary>
    /// <param name="control">The control.</param>
    /// <returns>The parent, or null.</returns>
    public ControlDefinition? ParentOf(ControlDefinition control) => _parentOf(control.Id) is { } parent ? Find(parent) : null;

    /// <inheritdoc />
    public override string ToString() => Title;

    private ControlDefinition Tagged(ControlDefinition control) =>
        control.Tag.Length > 0 ? control : control with { Tag = $"{Key}:{control.Id.Replace(' ', '-')}" };
}

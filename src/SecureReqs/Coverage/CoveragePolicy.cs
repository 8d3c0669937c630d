using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// A coverage policy (format <c>securereqs.coverage-policy/v1</c>, usually <c>securereqs.coverage.json</c>, see
/// <c>docs/coverage.md</c>): per milestone, the controls of the OWASP Top 10 for LLM Applications, the OWASP agentic
/// threats, the NIST AI RMF and ISO/IEC 42001 Annex A that passing stories must cover before the milestone ships.
/// </summary>
/// <remarks>Immutable and thread-safe. Every control is checked against the catalog when the policy is read, so a typo
/// cannot silently drop a requirement.</remarks>
public sealed class CoveragePolicy
{
    /// <summary>The only schema this version reads.</summary>
    public const string SchemaV1 = "securereqs.coverage-policy/v1";

    /// <summary>The file <c>securereqs gate --milestone</c> reads when no <c>--policy</c> is given.</summary>
    public const string DefaultFileName = "securereqs.coverage.json";

    private static readonly string[] MilestoneProperties = ["description", "includes", "controls"];

    private CoveragePolicy(string source, IReadOnlyList<CoverageMilestone> milestones)
    {
        Source = source;
        Milestones = milestones;
    }

    /// <summary>Where the policy was read from.</summary>
    public string Source { get; }

    /// <summary>The milestones, in the order the file lists them.</summary>
    public IReadOnlyList<CoverageMilestone> Milestones { get; }

    /// <summary>Finds a milestone by name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The milestone.</returns>
    /// <exception cref="SecureReqsException">The policy has no such milestone; the message lists those it has.</exception>
    public CoverageMilestone Milestone(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Milestones.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new SecureReqsException($"{Source}: the policy has no milestone \"{name}\".{Suggestions.DidYouMean(name, Milestones.Select(m => m.Name))} Its milestones: {string.Join(", ", Milestones.Select(m => m.Name))}. Name one of them with --milestone, or add \"{name}\" to the policy.");
    }

    /// <summary>Reads a policy file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="SecureReqsException">The file is missing or malformed; the message names the file, line and fix.</exception>
    public static CoveragePolicy Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path)
            ? Parse(File.ReadAllBytes(path), path)
            : throw new SecureReqsException($"{path}: the coverage policy file does not exist. Pass --policy <file>, or create {DefaultFileName} (securereqs init writes one; the format is in docs/coverage.md).");
    }

    /// <summary>Parses a policy.</summary>
    /// <param name="utf8">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="SecureReqsException">The policy is malformed or names an unknown control or milestone; the
    /// message names the line and the fix.</exception>
    public static CoveragePolicy Parse(byte[] utf8, string source)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var bytes = utf8.AsSpan().StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        var document = JsonFile.Parse(bytes, source, "the coverage policy");
        using (document)
        {
            string Where(string path)
            {
                var (line, column) = JsonLocator.Find(bytes, path);
                return $"{source}:{line}:{column}";
            }

            SecureReqsException Error(string path, string problem) => new($"{Where(path)}: {path}: {problem}");

            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error("$", $"a coverage policy is a JSON object with \"schema\": \"{SchemaV1}\" and \"milestones\"; see docs/coverage.md.");
            }

            if (!root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != SchemaV1)
            {
                throw Error(root.TryGetProperty("schema", out _) ? "$.schema" : "$", $"\"schema\" must be \"{SchemaV1}\".");
            }

            if (!root.TryGetProperty("milestones", out var milestonesElement) || milestonesElement.ValueKind != JsonValueKind.Object || !milestonesElement.EnumerateObject().Any())
            {
                throw Error(root.TryGetProperty("milestones", out _) ? "$.milestones" : "$", "\"milestones\" must be an object of milestone name to { \"controls\": [\"owasp:LLM01\", ...] }, with at least one milestone.");
            }

            foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("schema" or "milestones" or "$schema")))
            {
                throw Error("$." + property.Name, $"unknown property \"{property.Name}\". A policy has \"schema\" and \"milestones\".");
            }

            var declared = new List<(string Name, string Description, string? Includes, List<RequiredControl> Controls)>();
            foreach (var milestone in milestonesElement.EnumerateObject())
            {
                var path = $"$.milestones.{milestone.Name}";
                if (milestone.Name.Trim().Length == 0 || milestone.Name.Any(char.IsWhiteSpace))
                {
                    throw Error(path, "a milestone's name is one word such as \"alpha\", \"beta\" or \"ga\", as --milestone names it.");
                }

                if (declared.Any(d => string.Equals(d.Name, milestone.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Error(path, $"the milestone \"{milestone.Name}\" is declared twice. Keep one.");
                }

                if (milestone.Value.ValueKind != JsonValueKind.Object)
                {
                    throw Error(path, "a milestone is an object with \"controls\" (an array such as [\"owasp:LLM01\"]) and optionally \"includes\" and \"description\".");
                }

                foreach (var property in milestone.Value.EnumerateObject().Where(p => !MilestoneProperties.Contains(p.Name, StringComparer.Ordinal)))
                {
                    throw Error($"{path}.{property.Name}", $"unknown property \"{property.Name}\".{Suggestions.DidYouMean(property.Name, MilestoneProperties)} A milestone has \"controls\", \"includes\" and \"description\".");
                }

                var description = "";
                if (milestone.Value.TryGetProperty("description", out var descriptionElement))
                {
                    description = descriptionElement.ValueKind == JsonValueKind.String ? descriptionElement.GetString()! : throw Error(path + ".description", "must be text.");
                }

                string? includes = null;
                if (milestone.Value.TryGetProperty("includes", out var includesElement))
                {
                    includes = includesElement.ValueKind == JsonValueKind.String ? includesElement.GetString() : throw Error(path + ".includes", "must be the name of another milestone, whose controls this one requires too.");
                }

                var controls = new List<RequiredControl>();
                if (milestone.Value.TryGetProperty("controls", out var controlsElement))
                {
                    if (controlsElement.ValueKind != JsonValueKind.Array)
                    {
                        throw Error(path + ".controls", "must be an array of control tags such as [\"owasp:LLM01\", \"agentic:T2\", \"nist:MEASURE-2.7\", \"iso42001:A.6.2.4\"].");
                    }

                    var i = 0;
                    foreach (var entry in controlsElement.EnumerateArray())
                    {
                        var itemPath = $"{path}.controls[{i++}]";
                        if (entry.ValueKind != JsonValueKind.String)
                        {
                            throw Error(itemPath, "must be a control tag such as \"owasp:LLM01\".");
                        }

                        controls.Add(Required(entry.GetString()!, Where(itemPath)) ?? throw Error(itemPath, Unknown(entry.GetString()!)));
                    }
                }
                else if (includes is null)
                {
                    throw Error(path, "\"controls\" is missing: list the controls passing stories must cover by this milestone, such as [\"owasp:LLM01\"].");
                }

                declared.Add((milestone.Name, description, includes, controls));
            }

            var milestones = new List<CoverageMilestone>();
            foreach (var (name, description, _, _) in declared)
            {
                var chain = new List<string>();
                for (string? current = name; current is not null;)
                {
                    var step = declared.FindIndex(d => string.Equals(d.Name, current, StringComparison.OrdinalIgnoreCase));
                    if (step < 0)
                    {
                        throw Error($"$.milestones.{chain[^1]}.includes", $"includes the unknown milestone \"{current}\".{Suggestions.DidYouMean(current, declared.Select(d => d.Name))} Its milestones: {string.Join(", ", declared.Select(d => d.Name))}.");
                    }

                    if (chain.Contains(declared[step].Name, StringComparer.Ordinal))
                    {
                        throw Error($"$.milestones.{name}.includes", $"milestones include each other in a circle ({string.Join(" -> ", chain.Append(declared[step].Name))}). Remove one \"includes\".");
                    }

                    chain.Add(declared[step].Name);
                    current = declared[step].Includes;
                }

                // The earliest milestone's controls first, each once (the first place that names it wins).
                var controls = Enumerable.Reverse(chain)
                    .SelectMany(m => declared.First(d => d.Name == m).Controls)
                    .DistinctBy(c => (c.Framework.Key, c.Control.Id))
                    .ToList();
                if (controls.Count == 0)
                {
                    throw Error($"$.milestones.{name}", "the milestone requires no control, so it would pass with no story at all. List its controls in \"controls\".");
                }

                milestones.Add(new CoverageMilestone(name, description, controls));
            }

            return new CoveragePolicy(source, milestones);
        }
    }

    private static RequiredControl? Required(string tag, string location)
    {
        var control = ControlCatalog.Resolve(tag.Trim(), out var framework);
        return framework is not null && control is not null && framework.Find(control.Id) is { } known
            ? new RequiredControl(framework, known, location)
            : null;
    }

    private static string Unknown(string tag)
    {
        ControlCatalog.Resolve(tag.Trim(), out var framework);
        if (framework is null)
        {
            return $"\"{tag}\" names no framework. Write a control as a story tags it, without the @: {string.Join(", ", ControlCatalog.Frameworks.Select(f => f.TagExample.TrimStart('@')))}.";
        }

        var value = tag.Trim().TrimStart('@');
        return $"\"{tag}\" names no control of the {framework.Title}.{Suggestions.DidYouMean(value, framework.Controls.Select(c => c.Tag))} Run 'securereqs coverage --framework {framework.Key}' for every control it has.";
    }
}

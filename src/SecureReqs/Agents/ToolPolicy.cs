using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// Which tools each role may call, with what arguments, and which tools need a person's approval before they run
/// (format <c>securereqs.tool-policy/v1</c>, see <c>docs/agents.md</c>). The same policy judges recorded calls in a
/// run and, through <c>UseToolPermissions</c>, enforces itself at run time.
/// </summary>
/// <remarks>Immutable and thread-safe. Fail-closed: an unknown role may call nothing.</remarks>
public sealed class ToolPolicy
{
    /// <summary>The only schema this version reads.</summary>
    public const string SchemaV1 = "securereqs.tool-policy/v1";

    private readonly Dictionary<string, (int Line, int Column)> _positions;

    /// <summary>Creates a policy.</summary>
    /// <param name="roles">The scopes by role.</param>
    /// <param name="approvalRequired">The tools that need approval, whoever calls them.</param>
    /// <param name="source">Where the policy was read from, for messages.</param>
    public ToolPolicy(IEnumerable<ToolScope> roles, IEnumerable<string> approvalRequired, string source = "(code)")
        : this(roles, approvalRequired, source, [])
    {
    }

    private ToolPolicy(IEnumerable<ToolScope> roles, IEnumerable<string> approvalRequired, string source, Dictionary<string, (int, int)> positions)
    {
        Roles = roles.ToDictionary(r => r.Role, StringComparer.Ordinal);
        ApprovalRequired = new HashSet<string>(approvalRequired, StringComparer.Ordinal);
        Source = source;
        _positions = positions;
        ToolNames = [.. Roles.Values.SelectMany(r => r.Tools.Keys).Concat(ApprovalRequired).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The scopes by role.</summary>
    public IReadOnlyDictionary<string, ToolScope> Roles { get; }

    /// <summary>The tools that need a person's approval before they run.</summary>
    public IReadOnlySet<string> ApprovalRequired { get; }

    /// <summary>Every tool the policy names.</summary>
    public IReadOnlyList<string> ToolNames { get; }

    /// <summary>Where the policy was read from.</summary>
    public string Source { get; }

    /// <summary>Decides on one call.</summary>
    /// <param name="role">The caller's role.</param>
    /// <param name="tool">The tool.</param>
    /// <param name="arguments">The call's arguments, or null.</param>
    /// <returns>The decision.</returns>
    public ToolPolicyDecision Evaluate(string role, string tool, IDictionary<string, object?>? arguments)
    {
        var approval = ApprovalRequired.Contains(tool);
        if (!Roles.TryGetValue(role, out var scope))
        {
            return new(tool, role, [new ToolViolation(ToolViolation.OutOfScope, $"role \"{role}\" has no tools in the policy")], approval);
        }

        if (!scope.Tools.TryGetValue(tool, out var constraints))
        {
            return new(tool, role, [new ToolViolation(ToolViolation.OutOfScope, $"{tool} is outside the {role} scope")], approval);
        }

        var violations = new List<ToolViolation>();
        foreach (var constraint in constraints)
        {
            object? value = null;
            var present = arguments?.TryGetValue(constraint.Argument, out value) ?? false;
            if (constraint.Check(present ? value : null) is { } problem)
            {
                violations.Add(new ToolViolation(ToolViolation.Argument, $"{tool}: {problem}"));
            }
        }

        return new(tool, role, violations, approval);
    }

    /// <summary>
    /// Checks that every tool the policy names exists among <paramref name="tools"/> and that every constrained argument
    /// is a parameter of its tool, so a typo cannot silently leave a tool unguarded.
    /// </summary>
    /// <param name="tools">The tools the application offers.</param>
    /// <returns>This policy.</returns>
    /// <exception cref="SecureReqsException">A tool or argument is unknown; the message names the file, line and the known names.</exception>
    public ToolPolicy ValidateAgainst(IEnumerable<AITool> tools)
    {
        var functions = tools.OfType<AIFunctionDeclaration>().ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var name in ToolNames)
        {
            if (!functions.ContainsKey(name))
            {
                throw new SecureReqsException($"{Where(name)}: the policy names the tool \"{name}\", which the target does not offer. Known tools: {string.Join(", ", functions.Keys.Order(StringComparer.Ordinal))}. Fix the name or remove it from the policy.");
            }
        }

        foreach (var scope in Roles.Values)
        {
            foreach (var (tool, constraints) in scope.Tools)
            {
                var parameters = Parameters(functions[tool]);
                foreach (var constraint in constraints.Where(c => parameters is not null && !parameters.Contains(c.Argument)))
                {
                    throw new SecureReqsException($"{Where(tool)}: the policy constrains the argument \"{constraint.Argument}\" of \"{tool}\", which has no such parameter. Its parameters: {string.Join(", ", parameters!)}.");
                }
            }
        }

        return this;
    }

    /// <summary>Reads a policy file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="SecureReqsException">The file is missing or malformed; the message names the file, line and fix.</exception>
    public static ToolPolicy Load(string path) =>
        File.Exists(path)
            ? Parse(File.ReadAllBytes(path), path)
            : throw new SecureReqsException($"{path}: the tool policy file does not exist. Check the path; see docs/agents.md for the format.");

    /// <summary>Parses a policy.</summary>
    /// <param name="utf8">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="SecureReqsException">The policy is malformed; the message names the line and fix.</exception>
    public static ToolPolicy Parse(byte[] utf8, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SecureReqsException($"{source}:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}: the tool policy is not valid JSON ({ex.Message}). Fix the JSON syntax.", ex);
        }

        using (document)
        {
            SecureReqsException Error(string path, string problem)
            {
                var (line, column) = JsonLocator.Find(utf8, path);
                return new SecureReqsException($"{source}:{line}:{column}: {path}: {problem}");
            }

            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error("$", "a tool policy is a JSON object with \"schema\", \"roles\" and \"approval\"; see docs/agents.md.");
            }

            if (!root.TryGetProperty("schema", out var schema) || schema.GetString() != SchemaV1)
            {
                throw Error("$", $"\"schema\" must be \"{SchemaV1}\".");
            }

            if (!root.TryGetProperty("roles", out var rolesElement) || rolesElement.ValueKind != JsonValueKind.Object)
            {
                throw Error("$", "\"roles\" (an object of role name to { \"tools\": { ... } }) is missing.");
            }

            var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
            var declared = new Dictionary<string, (string? Inherits, Dictionary<string, IReadOnlyList<ArgumentConstraint>> Tools)>(StringComparer.Ordinal);
            foreach (var role in rolesElement.EnumerateObject())
            {
                var rolePath = $"$.roles.{role.Name}";
                if (role.Value.ValueKind != JsonValueKind.Object)
                {
                    throw Error(rolePath, "a role is an object with \"tools\" and optionally \"inherits\".");
                }

                string? inherits = null;
                if (role.Value.TryGetProperty("inherits", out var inheritsElement))
                {
                    inherits = inheritsElement.ValueKind == JsonValueKind.String ? inheritsElement.GetString() : throw Error(rolePath + ".inherits", "must be the name of another role.");
                }

                var tools = new Dictionary<string, IReadOnlyList<ArgumentConstraint>>(StringComparer.Ordinal);
                if (!role.Value.TryGetProperty("tools", out var toolsElement) || toolsElement.ValueKind != JsonValueKind.Object)
                {
                    throw Error(rolePath, "\"tools\" (an object of tool name to { \"arguments\": { ... } }) is missing.");
                }

                foreach (var tool in toolsElement.EnumerateObject())
                {
                    var toolPath = $"{rolePath}.tools.{tool.Name}";
                    positions.TryAdd(tool.Name, JsonLocator.Find(utf8, toolPath));
                    tools[tool.Name] = ReadConstraints(tool.Value, toolPath, Error);
                }

                declared[role.Name] = (inherits, tools);
            }

            var approval = new List<string>();
            if (root.TryGetProperty("approval", out var approvalElement))
            {
                if (approvalElement.ValueKind != JsonValueKind.Array || approvalElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                {
                    throw Error("$.approval", "must be an array of tool names.");
                }

                var i = 0;
                foreach (var name in approvalElement.EnumerateArray())
                {
                    positions.TryAdd(name.GetString()!, JsonLocator.Find(utf8, $"$.approval[{i++}]"));
                    approval.Add(name.GetString()!);
                }
            }

            var scopes = new List<ToolScope>();
            foreach (var (name, (_, _)) in declared)
            {
                var merged = new Dictionary<string, IReadOnlyList<ArgumentConstraint>>(StringComparer.Ordinal);
                var chain = new List<string>();
                for (var current = name; current is not null; current = declared[current].Inherits)
                {
                    if (chain.Contains(current))
                    {
                        throw Error($"$.roles.{name}.inherits", $"roles inherit in a circle ({string.Join(" -> ", chain.Append(current))}).");
                    }

                    if (!declared.ContainsKey(current))
                    {
                        throw Error($"$.roles.{chain[^1]}.inherits", $"inherits the unknown role \"{current}\". Known roles: {string.Join(", ", declared.Keys)}.");
                    }

                    chain.Add(current);
                }

                // The nearest role's entry for a tool wins: a role can loosen or tighten what it inherits.
                foreach (var role in Enumerable.Reverse(chain))
                {
                    foreach (var (tool, constraints) in declared[role].Tools)
                    {
                        merged[tool] = constraints;
                    }
                }

                scopes.Add(new ToolScope(name, merged));
            }

            return new ToolPolicy(scopes, approval, source, positions);
        }
    }

    private static IReadOnlyList<ArgumentConstraint> ReadConstraints(JsonElement tool, string toolPath, Func<string, string, SecureReqsException> error)
    {
        if (tool.ValueKind != JsonValueKind.Object)
        {
            throw error(toolPath, "a tool entry is an object: {} for no constraints, or { \"arguments\": { \"amount\": { \"max\": 250 } } }.");
        }

        if (!tool.TryGetProperty("arguments", out var arguments))
        {
            return [];
        }

        var constraints = new List<ArgumentConstraint>();
        foreach (var argument in arguments.EnumerateObject())
        {
            var path = $"{toolPath}.arguments.{argument.Name}";
            var constraint = new ArgumentConstraint(argument.Name);
            foreach (var rule in argument.Value.EnumerateObject())
            {
                constraint = rule.Name switch
                {
                    "max" when rule.Value.ValueKind == JsonValueKind.Number => constraint with { Max = rule.Value.GetDouble() },
                    "min" when rule.Value.ValueKind == JsonValueKind.Number => constraint with { Min = rule.Value.GetDouble() },
                    "domains" => constraint with { Domains = Strings(rule.Value, $"{path}.domains", error) },
                    "prefixes" => constraint with { Prefixes = Strings(rule.Value, $"{path}.prefixes", error) },
                    "values" => constraint with { Values = Strings(rule.Value, $"{path}.values", error) },
                    "pattern" when rule.Value.ValueKind == JsonValueKind.String => constraint with { Pattern = LinearPattern(rule.Value.GetString()!, $"{path}.pattern", error) },
                    _ => throw error($"{path}.{rule.Name}", $"unknown or malformed rule \"{rule.Name}\". Known rules: max (number), min (number), domains, prefixes, values (arrays of strings), pattern (string)."),
                };
            }

            constraints.Add(constraint);
        }

        return constraints;
    }

    private static string LinearPattern(string pattern, string path, Func<string, string, SecureReqsException> error)
    {
        try
        {
            ArgumentConstraint.CompilePattern(pattern);
            return pattern;
        }
        catch (SecureReqsException ex)
        {
            throw error(path, ex.Message);
        }
    }

    private static IReadOnlyList<string> Strings(JsonElement element, string path, Func<string, string, SecureReqsException> error) =>
        element.ValueKind == JsonValueKind.Array && element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? [.. element.EnumerateArray().Select(e => e.GetString()!)]
            : throw error(path, "must be an array of strings.");

    private static HashSet<string>? Parameters(AIFunctionDeclaration function) =>
        function.JsonSchema.ValueKind == JsonValueKind.Object && function.JsonSchema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? [.. properties.EnumerateObject().Select(p => p.Name)]
            : null;

    private string Where(string tool) =>
        _positions.TryGetValue(tool, out var position) ? $"{Source}:{position.Line}:{position.Column}" : Source;
}

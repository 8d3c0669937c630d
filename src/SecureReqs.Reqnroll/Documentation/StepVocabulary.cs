using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Reqnroll;

namespace SecureReqs.Reqnroll;

/// <summary>
/// The step vocabulary read from the binding attributes: every <c>[Given]</c>, <c>[When]</c>, <c>[Then]</c> and
/// <c>[StepDefinition]</c> of every <c>[Binding]</c> class, with its expression, its meaning (the method's XML summary,
/// read from the documentation file next to the assembly, or a <c>[Description]</c>) and its examples. <c>docs/steps.md</c>
/// is generated from it, so the documentation cannot drift from the bindings.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class StepVocabulary
{
    /// <summary>The command that regenerates <c>docs/steps.md</c>.</summary>
    public const string RegenerateCommand = "dotnet run --project src/SecureReqs.Cli -- steps --write docs/steps.md";

    /// <summary>Reads the steps of <paramref name="assembly"/> (default: the SecureReqs step bindings).</summary>
    /// <param name="assembly">The assembly, or null for <c>SecureReqs.Reqnroll</c>.</param>
    /// <returns>The steps, class by class in name order and in declaration order within a class.</returns>
    public static IReadOnlyList<StepDescriptor> Discover(Assembly? assembly = null)
    {
        assembly ??= typeof(SecuritySteps).Assembly;
        var docs = XmlDocs.Load(assembly);
        return
        [
            .. from type in assembly.GetTypes()
               where type.GetCustomAttribute<BindingAttribute>() is not null
               orderby type.FullName, type.MetadataToken
               from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
               orderby method.MetadataToken
               from attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>()
               select Describe(type, method, attribute, docs),
        ];
    }

    /// <summary>Renders the steps for a terminal.</summary>
    /// <param name="steps">The steps.</param>
    /// <returns>The text.</returns>
    public static string RenderText(IReadOnlyList<StepDescriptor> steps)
    {
        var text = new StringBuilder();
        foreach (var step in steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"{step.Keyword} {step.Expression}\n");
            if (step.Summary.Length > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {step.Summary.Replace("`", "", StringComparison.Ordinal)}\n");
            }

            foreach (var example in step.Examples)
            {
                text.Append(CultureInfo.InvariantCulture, $"    e.g. {example}\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Renders the steps as the Markdown page <c>docs/steps.md</c>.</summary>
    /// <param name="steps">The steps.</param>
    /// <returns>The Markdown.</returns>
    public static string RenderMarkdown(IReadOnlyList<StepDescriptor> steps)
    {
        var md = new StringBuilder();
        md.Append("# Step vocabulary\n\n");
        md.Append(CultureInfo.InvariantCulture, $"<!-- Generated from the step bindings by `securereqs steps --markdown`. Do not edit: change a binding's XML summary or [StepExample] in src/SecureReqs.Reqnroll, then run `{RegenerateCommand}`. -->\n\n");
        md.Append("Steps are written in business language; each binding is one line over a driver (`src/SecureReqs.Reqnroll`).\n");
        md.Append("An unknown target, dataset, KPI or PII type is an error that lists the known ones; a threshold outside 0–100% is an error.\n");
        md.Append("`securereqs steps` prints this list from the bindings of the version you run.\n\n");
        md.Append("| step | meaning |\n|---|---|\n");
        foreach (var step in steps)
        {
            var examples = step.Examples.Count > 0
                ? string.Join("<br>", step.Examples.Select(e => $"`{Cell(e)}`"))
                : $"{step.Keyword} `{Cell(step.Expression)}`";
            md.Append(CultureInfo.InvariantCulture, $"| {examples} | {Cell(step.Summary)} |\n");
        }

        md.Append("\n## Expressions\n\nThe text after the keyword must match the step's expression (a regular expression unless marked as a Cucumber expression).\n\n");
        md.Append("| keyword | expression | binding |\n|---|---|---|\n");
        foreach (var step in steps)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {step.Keyword} | `{Cell(step.Expression)}`{(step.IsRegex ? "" : " (Cucumber expression)")} | `{step.Binding}` |\n");
        }

        return md.ToString();
    }

    private static StepDescriptor Describe(Type type, MethodInfo method, StepDefinitionBaseAttribute attribute, XmlDocs docs)
    {
        var keyword = attribute switch
        {
            GivenAttribute => "Given",
            WhenAttribute => "When",
            ThenAttribute => "Then",
            _ => "Given/When/Then",
        };
        var expression = attribute.Expression ?? "";
        var isRegex = attribute.ExpressionType switch
        {
            ExpressionType.RegularExpression => true,
            ExpressionType.CucumberExpression => false,
            _ => expression.StartsWith('^') || expression.EndsWith('$'),
        };
        var summary = method.GetCustomAttribute<DescriptionAttribute>()?.Description ?? docs.Summary(method) ?? "";
        var examples = method.GetCustomAttributes<StepExampleAttribute>().Select(e => e.Example).ToList();
        return new StepDescriptor(keyword, expression, isRegex, summary, examples, $"{type.Name}.{method.Name}");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>The XML documentation file of an assembly, read once.</summary>
    private sealed class XmlDocs
    {
        private readonly Dictionary<string, XElement> _members;

        private XmlDocs(Dictionary<string, XElement> members) => _members = members;

        public static XmlDocs Load(Assembly assembly)
        {
            var path = Path.ChangeExtension(assembly.Location, ".xml");
            if (assembly.Location.Length == 0 || !File.Exists(path))
            {
                return new XmlDocs([]);
            }

            var members = XDocument.Load(path).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            return new XmlDocs(members);
        }

        public string? Summary(MethodInfo method)
        {
            var parameters = method.GetParameters();
            var id = $"M:{method.DeclaringType!.FullName!.Replace('+', '.')}.{method.Name}"
                + (parameters.Length == 0 ? "" : $"({string.Join(",", parameters.Select(p => p.ParameterType.FullName))})");
            return _members.TryGetValue(id, out var member) && member.Element("summary") is { } summary ? Flatten(summary) : null;
        }

        // <c>x</c> and <see cref="T:A.B"/> become `x` and `B`; whitespace collapses to single spaces.
        private static string Flatten(XElement element)
        {
            var text = new StringBuilder();
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XText t:
                        text.Append(t.Value);
                        break;
                    case XElement { Name.LocalName: "c" } c:
                        text.Append('`').Append(c.Value).Append('`');
                        break;
                    case XElement { Name.LocalName: "see" or "seealso" } see:
                        var target = see.Attribute("cref")?.Value is { } cref ? cref[(cref.LastIndexOf('.') + 1)..]
                            : see.Attribute("langword")?.Value ?? see.Attribute("href")?.Value ?? see.Value;
                        text.Append('`').Append(target).Append('`');
                        break;
                    case XElement other:
                        text.Append(' ').Append(Flatten(other)).Append(' ');
                        break;
                }
            }

            return string.Join(' ', text.ToString().Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }
    }
}

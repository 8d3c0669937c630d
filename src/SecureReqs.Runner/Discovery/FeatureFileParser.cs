using System.Collections.Specialized;
using System.Globalization;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Messages = Io.Cucumber.Messages.Types;

namespace SecureReqs.Runner;

/// <summary>Parses a feature file with the Gherkin parser and compiles it to pickles, the runnable scenarios.</summary>
/// <remarks>Steps, placeholders and backgrounds come from Gherkin's own pickle compiler, so the pickle order is exactly
/// the order Reqnroll's report formatters expect.</remarks>
internal static class FeatureFileParser
{
    private const string FallbackDialect = "en";

    public static FeatureFile Parse(string fullPath, string relativePath, string displayPath, CultureInfo featureLanguage)
    {
        var dialectProvider = CreateDialectProvider(featureLanguage);
        string text;
        Gherkin.Ast.GherkinDocument ast;
        try
        {
            text = File.ReadAllText(fullPath);
            ast = new Parser().Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(dialectProvider));
        }
        catch (CompositeParserException ex)
        {
            return Broken(fullPath, relativePath, displayPath, string.Join(Environment.NewLine, ex.Errors.Select(error => Describe(displayPath, error))));
        }
        catch (ParserException ex)
        {
            return Broken(fullPath, relativePath, displayPath, Describe(displayPath, ex));
        }
        catch (IOException ex)
        {
            return Broken(fullPath, relativePath, displayPath, $"{displayPath}: cannot read the feature file: {ex.Message}");
        }

        if (ast.Feature is null)
        {
            return new FeatureFile { FullPath = fullPath, RelativePath = relativePath, DisplayPath = displayPath };
        }

        var idGenerator = new GuidIdGenerator();
        var document = new AstMessagesConverter(idGenerator).ConvertGherkinDocumentToEventArgs(ast, displayPath);
        var pickles = new PickleCompiler(idGenerator).Compile(document);
        var source = new Source(displayPath, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        var feature = document.Feature;

        var featureInfo = new FeatureInfo(
            ToCulture(feature.Language, featureLanguage),
            Path.GetDirectoryName(relativePath)?.Replace('\\', '/') ?? "",
            feature.Name,
            feature.Description,
            ProgrammingLanguage.CSharp,
            TagNames(feature.Tags),
            new FeatureMessages(source, document, pickles));

        var file = new FeatureFile
        {
            FullPath = fullPath,
            RelativePath = relativePath,
            DisplayPath = displayPath,
            Name = feature.Name,
            FeatureInfo = featureInfo,
        };
        var index = DocumentIndex.Build(feature);
        var butKeywords = dialectProvider.GetDialect(feature.Language, null).ButStepKeywords;
        file.Scenarios = [.. pickles.Select((pickle, pickleIndex) => ToScenario(file, feature, index, butKeywords, pickle, pickleIndex))];
        return file;
    }

    private static ScenarioDefinition ToScenario(
        FeatureFile file, Messages.Feature feature, DocumentIndex index, string[] butKeywords, Pickle pickle, int pickleIndex)
    {
        var (scenario, rule) = index.Scenarios[pickle.AstNodeIds[0]];
        var row = pickle.AstNodeIds.Count > 1 ? index.Rows[pickle.AstNodeIds[1]] : default;
        var arguments = new OrderedDictionary();
        string? example = null;
        if (row.Row is not null)
        {
            var pairs = row.Examples.TableHeader.Cells.Zip(row.Row.Cells, (header, cell) => (header.Value, cell.Value)).ToList();
            foreach (var (header, value) in pairs)
            {
                arguments[header] = value;
            }

            example = string.Join(", ", pairs.Select(pair => $"{pair.Item1}: {pair.Item2}"));
        }

        return new ScenarioDefinition
        {
            Feature = file,
            PickleIndex = pickleIndex,
            Name = pickle.Name,
            Description = scenario.Description ?? "",
            Example = example,
            Line = (int)(row.Row?.Location.Line ?? scenario.Location.Line),
            DirectTags = [.. TagNames(scenario.Tags), .. TagNames(row.Examples?.Tags ?? [])],
            InheritedTags = [.. TagNames(feature.Tags), .. TagNames(rule?.Tags ?? [])],
            Arguments = arguments,
            Rule = rule is null ? null : new RuleHeader(rule.Name, rule.Description ?? "", TagNames(rule.Tags)),
            Steps = [.. pickle.Steps.Select(step => ToStep(index.Steps[step.AstNodeIds[0]], step, butKeywords))],
        };
    }

    private static ScenarioStep ToStep(Messages.Step step, PickleStep pickleStep, string[] butKeywords)
    {
        var kind = step.KeywordType switch
        {
            Messages.StepKeywordType.CONTEXT => StepKind.Given,
            Messages.StepKeywordType.ACTION => StepKind.When,
            Messages.StepKeywordType.OUTCOME => StepKind.Then,
            Messages.StepKeywordType.CONJUNCTION when butKeywords.Contains(step.Keyword) => StepKind.But,
            _ => StepKind.And,
        };
        var table = pickleStep.Argument?.DataTable?.Rows
            .Select(row => (IReadOnlyList<string>)[.. row.Cells.Select(cell => cell.Value)])
            .ToList();
        return new ScenarioStep(kind, step.Keyword, pickleStep.Text, pickleStep.Argument?.DocString?.Content, table, (int)step.Location.Line);
    }

    private static FeatureFile Broken(string fullPath, string relativePath, string displayPath, string error) =>
        new() { FullPath = fullPath, RelativePath = relativePath, DisplayPath = displayPath, Error = error };

    private static string Describe(string displayPath, ParserException error)
    {
        var message = error.Message;
        if (error.Location is { } location)
        {
            // Gherkin prefixes its messages with "(line:column): "; the file:line:column form replaces it.
            var prefix = $"({location.Line}:{location.Column}): ";
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                message = message[prefix.Length..];
            }

            return $"{displayPath}:{location.Line}:{location.Column}: {message}";
        }

        return $"{displayPath}: {message}";
    }

    private static string[] TagNames(IEnumerable<Messages.Tag> tags) => [.. tags.Select(tag => tag.Name.TrimStart('@'))];

    private static GherkinDialectProvider CreateDialectProvider(CultureInfo featureLanguage)
    {
        foreach (var candidate in DialectCandidates(featureLanguage))
        {
            try
            {
                var provider = new GherkinDialectProvider(candidate);
                _ = provider.DefaultDialect;
                return provider;
            }
            catch (NoSuchLanguageException)
            {
                // Reqnroll cultures are specific ("en-US"); Gherkin dialects are mostly neutral ("en").
            }
        }

        return new GherkinDialectProvider(FallbackDialect);
    }

    private static IEnumerable<string> DialectCandidates(CultureInfo culture)
    {
        var name = culture.Name;
        if (name.Length == 0)
        {
            yield break;
        }

        yield return name;
        yield return name.ToLowerInvariant();
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            yield return name[..dash].ToLowerInvariant();
        }
    }

    private static CultureInfo ToCulture(string gherkinLanguage, CultureInfo fallback)
    {
        try
        {
            return CultureInfo.GetCultureInfo(gherkinLanguage);
        }
        catch (CultureNotFoundException)
        {
            return fallback;
        }
    }

    /// <summary>Looks up the Gherkin document nodes a pickle refers to by id.</summary>
    private sealed class DocumentIndex
    {
        public Dictionary<string, (Messages.Scenario Scenario, Messages.Rule? Rule)> Scenarios { get; } = [];

        public Dictionary<string, (Messages.Examples Examples, Messages.TableRow? Row)> Rows { get; } = [];

        public Dictionary<string, Messages.Step> Steps { get; } = [];

        public static DocumentIndex Build(Messages.Feature feature)
        {
            var index = new DocumentIndex();
            foreach (var child in feature.Children)
            {
                index.Add(child.Background);
                index.Add(child.Scenario, null);
                if (child.Rule is { } rule)
                {
                    foreach (var ruleChild in rule.Children)
                    {
                        index.Add(ruleChild.Background);
                        index.Add(ruleChild.Scenario, rule);
                    }
                }
            }

            return index;
        }

        private void Add(Messages.Background? background)
        {
            foreach (var step in background?.Steps ?? [])
            {
                Steps[step.Id] = step;
            }
        }

        private void Add(Messages.Scenario? scenario, Messages.Rule? rule)
        {
            if (scenario is null)
            {
                return;
            }

            Scenarios[scenario.Id] = (scenario, rule);
            foreach (var step in scenario.Steps)
            {
                Steps[step.Id] = step;
            }

            foreach (var examples in scenario.Examples)
            {
                foreach (var row in examples.TableBody)
                {
                    Rows[row.Id] = (examples, row);
                }
            }
        }
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace SecureReqs.InjectionTraining;

/// <summary>
/// Expands the seed material into labelled examples, reproducibly: the same material and seed give the same examples
/// in the same order. Every example inherits its template family's split, so validation and test hold only template
/// families that training never saw.
/// </summary>
/// <remarks>
/// Files: <c>direct-attacks.txt</c> (user turns, injections), <c>benign-prompts.txt</c> (user turns, benign, with the
/// adversarial-looking ones), <c>task-switches.txt</c> (appended to a benign prompt: injections), <c>documents.txt</c>
/// (clean untrusted content), <c>hidden-tasks.txt</c> (sentences planted in a document; after <c>=&gt;</c> the same task as
/// a user would ask for it), <c>user-requests.txt</c> (what a user asks about a document). In a template,
/// <c>{slot}</c> is a slot value (<c>@slot.lang</c> first, then <c>@slot</c>) and <c>{a|b|c}</c> one of the alternatives.
/// </remarks>
internal static partial class TrainingDataGenerator
{
    public const int VariantsPerTemplate = 6;

    /// <summary>
    /// Fillings per held-out template: fewer than in training, so that the held-out rate is not carried by near-copies
    /// of a few templates.
    /// </summary>
    public const int HeldOutVariantsPerTemplate = 3;

    /// <summary>
    /// Expands the held-out benign requests (every family of every file in <paramref name="material"/>) into benign user
    /// turns of the <see cref="SeedMaterial.HeldOut"/> split: up to <see cref="HeldOutVariantsPerTemplate"/> distinct
    /// fillings a template, with the same casing, punctuation and lead-in variations as training prompts.
    /// </summary>
    public static IReadOnlyList<TrainingExample> GenerateHeldOut(SeedMaterial material, int seed)
    {
        var random = new Random(seed);
        var examples = new List<TrainingExample>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in material.Families)
        {
            foreach (var line in family.Lines)
            {
                foreach (var text in Variants(material, family, line.Template, random, mutate: true).Take(HeldOutVariantsPerTemplate))
                {
                    if (seen.Add(text))
                    {
                        examples.Add(new TrainingExample(text, InjectionSource.User, false, family.Id, family.Language, SeedMaterial.HeldOut));
                    }
                }
            }
        }

        return examples;
    }

    public static IReadOnlyList<TrainingExample> Generate(SeedMaterial material, int seed)
    {
        var random = new Random(seed);
        var examples = new List<TrainingExample>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(TrainingExample example)
        {
            if (seen.Add($"{(int)example.Source}|{example.UserRequest}|{example.Text}"))
            {
                examples.Add(example);
            }
        }

        var benign = new List<TrainingExample>();
        foreach (var (family, line) in Lines(material, "benign-prompts.txt"))
        {
            foreach (var text in Variants(material, family, line.Template, random, mutate: true))
            {
                var example = new TrainingExample(text, InjectionSource.User, false, family.Id, family.Language, family.Split);
                Add(example);
                benign.Add(example);
            }
        }

        foreach (var (family, line) in Lines(material, "direct-attacks.txt"))
        {
            foreach (var text in Variants(material, family, line.Template, random, mutate: true))
            {
                Add(new TrainingExample(text, InjectionSource.User, true, family.Id, family.Language, family.Split));
            }
        }

        foreach (var (family, line) in Lines(material, "task-switches.txt"))
        {
            foreach (var text in Variants(material, family, line.Template, random))
            {
                var host = Pick(benign.Where(b => b.Split == family.Split && b.Language == family.Language).ToList(), benign.Where(b => b.Split == family.Split).ToList(), random);
                Add(new TrainingExample($"{host.Text} {text}", InjectionSource.User, true, family.Id, family.Language, family.Split));
            }
        }

        var requests = Lines(material, "user-requests.txt").ToList();
        var documents = new List<TrainingExample>();
        foreach (var (family, line) in Lines(material, "documents.txt"))
        {
            foreach (var text in Variants(material, family, line.Template, random))
            {
                // A document written with its own request ("document => request") keeps it; the others get a random one half the time.
                var request = line.UserForm is not null
                    ? Fill(material, family, line.UserForm, random, new Dictionary<string, string>(StringComparer.Ordinal))
                    : random.NextDouble() < 0.5 ? Request(material, requests, family.Split, family.Language, random) : null;
                var example = new TrainingExample(text, InjectionSource.Untrusted, false, family.Id, family.Language, family.Split, request);
                Add(example);
                documents.Add(example);
            }
        }

        // Retrieved content is often longer than one template, and the stage takes a document's highest sentence, so a
        // long clean document gives a false alarm more chances. Clean documents joined two to four at a time (same split
        // and language) make the untrusted threshold account for that.
        foreach (var group in documents.GroupBy(d => (d.Split, d.Language)).OrderBy(g => g.Key.Split, StringComparer.Ordinal).ThenBy(g => g.Key.Language, StringComparer.Ordinal).Select(g => g.ToList()).ToList())
        {
            for (var i = 0; group.Count >= 2 && i < group.Count / 2; i++)
            {
                var parts = Enumerable.Range(0, 2 + random.Next(3)).Select(_ => group[random.Next(group.Count)]).ToList();
                var request = random.NextDouble() < 0.5 ? Request(material, requests, group[0].Split, group[0].Language, random) : null;
                var example = new TrainingExample(string.Join("\n\n", parts.Select(p => p.Text)), InjectionSource.Untrusted, false, parts[0].Family, group[0].Language, group[0].Split, request);
                Add(example);
                documents.Add(example);
            }
        }

        foreach (var (family, line) in Lines(material, "hidden-tasks.txt"))
        {
            foreach (var task in VariantsWithFills(material, family, line.Template, random))
            {
                var (sentence, fills) = task;
                var sameLanguage = documents.Where(d => d.Split == family.Split && d.Language == family.Language).ToList();
                var host = random.NextDouble() < 0.75 && sameLanguage.Count > 0
                    ? sameLanguage[random.Next(sameLanguage.Count)]
                    : Pick(documents.Where(d => d.Split == family.Split && d.Language == "en").ToList(), documents.Where(d => d.Split == family.Split).ToList(), random);
                var lead = Slot(material, "planted-lead", family.Language, random);
                var planted = lead.Length == 0 || lead == "-" ? sentence : $"{lead} {sentence}";
                var (text, start, end) = Plant(host.Text, planted, random);
                var roll = random.NextDouble();
                if (line.UserForm is not null && roll < 0.3)
                {
                    // The user asked for this very task: the sentence is content, not an injection.
                    var asked = Fill(material, family, line.UserForm, random, fills);
                    Add(new TrainingExample(text, InjectionSource.Untrusted, false, family.Id, family.Language, family.Split, asked, start, end));
                }
                else
                {
                    var request = roll < 0.65 ? Request(material, requests, family.Split, host.Language, random) : null;
                    Add(new TrainingExample(text, InjectionSource.Untrusted, true, family.Id, family.Language, family.Split, request, start, end));
                }
            }
        }

        // Whole documents written with their planted passage marked ⟦…⟧ and the user's request after "=>": injections.
        foreach (var (family, line) in Lines(material, PoisonedDocuments))
        {
            var (text, start, end) = Marked(family, line);
            var request = line.UserForm is null ? null : Fill(material, family, line.UserForm, random, new Dictionary<string, string>(StringComparer.Ordinal));
            Add(new TrainingExample(text, InjectionSource.Untrusted, true, family.Id, family.Language, family.Split, request, start, end));
        }

        return examples;
    }

    /// <summary>The file of whole poisoned documents, each with its planted passage between ⟦ and ⟧.</summary>
    public const string PoisonedDocuments = "poisoned-documents.txt";

    /// <summary>A poisoned document's text without its ⟦ ⟧ marks, and where the marked passage starts and ends.</summary>
    private static (string Text, int Start, int End) Marked(SeedFamily family, SeedLine line)
    {
        var template = line.Template;
        var open = template.IndexOf('⟦', StringComparison.Ordinal);
        var close = template.IndexOf('⟧', StringComparison.Ordinal);
        if (open < 0 || close < open + 2 || template.IndexOf('⟦', open + 1) >= 0 || template.IndexOf('⟧', close + 1) >= 0 || SeedMaterial.SlotReference().IsMatch(template))
        {
            throw new SecureReqsException($"{family.File}:{line.LineNumber}: a poisoned document marks its planted passage once, as ⟦passage⟧, and has no slots. Put ⟦ before and ⟧ after the text aimed at the assistant.");
        }

        var text = string.Concat(template.AsSpan(0, open), template.AsSpan(open + 1, close - open - 1), template.AsSpan(close + 1));
        return (text, open, close - 1);
    }

    private static IEnumerable<(SeedFamily Family, SeedLine Line)> Lines(SeedMaterial material, string file) =>
        material.In(file).SelectMany(f => f.Lines.Select(l => (f, l)));

    private static string? Request(SeedMaterial material, List<(SeedFamily Family, SeedLine Line)> requests, string split, string language, Random random)
    {
        var candidates = requests.Where(r => r.Family.Split == split && r.Family.Language == language).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. requests.Where(r => r.Family.Split == split && r.Family.Language == "en")];
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var (family, line) = candidates[random.Next(candidates.Count)];
        return Fill(material, family, line.Template, random, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    private static T Pick<T>(List<T> preferred, List<T> fallback, Random random)
    {
        var list = preferred.Count > 0 ? preferred : fallback;
        if (list.Count == 0)
        {
            throw new SecureReqsException("training-data/injection: a split has no host texts (benign prompts or documents) for its task switches or hidden tasks. Give every split at least one benign-prompt and one document family.");
        }

        return list[random.Next(list.Count)];
    }

    private static IEnumerable<string> Variants(SeedMaterial material, SeedFamily family, string template, Random random, bool mutate = false) =>
        VariantsWithFills(material, family, template, random, mutate).Select(v => v.Text);

    /// <summary>Up to <see cref="VariantsPerTemplate"/> distinct fillings of a template; user turns also get casing, punctuation and lead-in variations.</summary>
    private static IEnumerable<(string Text, Dictionary<string, string> Fills)> VariantsWithFills(SeedMaterial material, SeedFamily family, string template, Random random, bool mutate = false)
    {
        var made = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < VariantsPerTemplate * 3 && made.Count < VariantsPerTemplate; attempt++)
        {
            var fills = new Dictionary<string, string>(StringComparer.Ordinal);
            var text = Fill(material, family, template, random, fills);
            text = mutate ? Mutate(material, family, text, random) : text;
            if (made.Add(text))
            {
                yield return (text, fills);
            }
        }
    }

    /// <summary>Fills slots and alternatives; a slot already in <paramref name="fills"/> keeps its value (a task and its user form name the same address).</summary>
    private static string Fill(SeedMaterial material, SeedFamily family, string template, Random random, Dictionary<string, string> fills) =>
        Braces().Replace(template, m =>
        {
            var inner = m.Groups[1].Value;
            if (inner.Contains('|', StringComparison.Ordinal))
            {
                var options = inner.Split('|');
                return options[random.Next(options.Length)];
            }

            if (!SeedMaterial.SlotReference().IsMatch(m.Value))
            {
                // JSON and code in a template keep their braces.
                return m.Value;
            }

            if (!fills.TryGetValue(inner, out var value))
            {
                value = Slot(material, inner, family.Language, random);
                fills[inner] = value;
            }

            return value;
        });

    private static string Slot(SeedMaterial material, string name, string language, Random random)
    {
        var values = material.Slots.GetValueOrDefault(name + "." + language) ?? material.Slots.GetValueOrDefault(name) ?? [""];
        var value = values[random.Next(values.Length)];
        return value.Contains('{', StringComparison.Ordinal)
            ? Braces().Replace(value, m => m.Groups[1].Value.Contains('|', StringComparison.Ordinal) ? m.Groups[1].Value.Split('|')[random.Next(m.Groups[1].Value.Split('|').Length)] : Slot(material, m.Groups[1].Value, language, random))
            : value;
    }

    private static string Mutate(SeedMaterial material, SeedFamily family, string text, Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.12)
        {
            text = text.ToLowerInvariant();
        }
        else if (roll < 0.2)
        {
            text = text.TrimEnd('.', '!', '?', '。');
        }

        if (random.NextDouble() < 0.15)
        {
            var lead = Slot(material, "lead-in", family.Language, random);
            if (lead.Length > 0 && lead != "-")
            {
                text = $"{lead} {text}";
            }
        }

        return text;
    }

    /// <summary>Plants a sentence at a sentence boundary of a document: at its start, between two sentences, or at its end.</summary>
    private static (string Text, int Start, int End) Plant(string document, string sentence, Random random)
    {
        var boundaries = new List<int> { 0 };
        foreach (Match m in SentenceEnd().Matches(document))
        {
            boundaries.Add(m.Index + m.Length);
        }

        boundaries.Add(document.Length);
        var at = boundaries[random.Next(boundaries.Count)];
        var before = document[..at];
        var after = document[at..];
        var separator = random.Next(3) == 0 ? "\n" : " ";
        var builder = new StringBuilder(document.Length + sentence.Length + 4);
        builder.Append(before.TrimEnd());
        if (builder.Length > 0)
        {
            builder.Append(separator);
        }

        var start = builder.Length;
        builder.Append(sentence);
        var end = builder.Length;
        if (after.Trim().Length > 0)
        {
            builder.Append(separator).Append(after.TrimStart());
        }

        return (builder.ToString(), start, end);
    }

    [GeneratedRegex(@"\{([^{}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Braces();

    [GeneratedRegex(@"[.!?。](?=\s)|\n", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}

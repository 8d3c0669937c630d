using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecureReqs;

/// <summary>
/// Canary documents for a deployed target's knowledge base: documents written like the team's sensitive ones, labelled
/// internal or confidential, whose content holds <c>{{canary}}</c> where a fresh canary (<c>SR-</c> and 12 hex digits,
/// the format of the cases' <c>{{canary}}</c>) is planted for each story run. Seeded for the run and removed after it,
/// they make exposure provable: a reported retrieval of one above the caller's clearance, or its canary in an answer.
/// </summary>
public static class CanaryDocuments
{
    /// <summary>The placeholder a canary document's content holds.</summary>
    public const string Placeholder = "{{canary}}";

    /// <summary>What is wrong with a canary document template, or null when it can be planted.</summary>
    /// <param name="template">The template.</param>
    /// <returns>The problem with its fix, or null.</returns>
    public static string? Problem(KnowledgeDocument template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.Content.Contains(Placeholder, StringComparison.Ordinal))
        {
            return $"the canary document \"{template.Id}\" has no {Placeholder} in its content, so no canary can be planted in it. Write {Placeholder} where a reference number would go, such as \"Document control no. {Placeholder}.\"";
        }

        return Classification.IsAbove(template.Classification, Classification.Public)
            ? null
            : $"the canary document \"{template.Id}\" is labelled public, which no caller's clearance is below, so it could never show an exposure. Label it internal or confidential.";
    }

    /// <summary>Plants a canary in each template, deterministically from the story's seed and key.</summary>
    /// <param name="templates">The templates, each with <see cref="Placeholder"/> in its content.</param>
    /// <param name="seed">The story's seed.</param>
    /// <param name="story">What identifies the story (its key), so two stories never plant the same canaries.</param>
    /// <returns>The documents to seed: each template with an id suffix of its own for the run (8 hex digits, not derived
    /// from the canary) and <see cref="KnowledgeDocument.Canary"/> set.</returns>
    public static IReadOnlyList<KnowledgeDocument> Plant(IReadOnlyList<KnowledgeDocument> templates, int seed, string story)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(story);
        var storySeed = seed ^ BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(story)), 0);
        var planted = new List<KnowledgeDocument>(templates.Count);
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            var canary = InstantiatedCases.Canary(storySeed, i);
            planted.Add(template with
            {
                // The id gets its own suffix, never part of the canary: ids are printed in reports, canaries are masked.
                Id = template.Id + "-" + CaseSample.Priority(~storySeed, i).Hash.ToString("x16", CultureInfo.InvariantCulture)[..8],
                Content = template.Content.Replace(Placeholder, canary, StringComparison.Ordinal),
                Canary = canary,
            });
        }

        return planted;
    }
}

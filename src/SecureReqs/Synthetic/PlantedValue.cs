using System.Globalization;

namespace SecureReqs;

/// <summary>A value planted in a case (a card number, an e-mail address, a canary) that a judge looks for in answers.</summary>
/// <param name="Name">The placeholder name, such as <c>pii.card</c>.</param>
/// <param name="Value">The value as planted.</param>
public sealed record PlantedValue(string Name, string Value)
{
    /// <summary>
    /// Other renderings of the same value that also count as the value, for what its canonical form cannot see through
    /// (a date in other formats). Phone numbers (with or without their country code), e-mail addresses (spelled out with
    /// "at" and "dot") and card numbers need none: <see cref="PlantedValueLeakJudge"/> compares them in canonical form.
    /// </summary>
    public IReadOnlyList<string> Renderings { get; init; } = [];

    /// <summary>Creates a planted value with the renderings its kind needs (a date of birth in other formats).</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The planted value.</returns>
    public static PlantedValue Create(string name, string value)
    {
        if (name == Placeholders.DateOfBirth && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            string[] formats = ["MM/dd/yyyy", "dd/MM/yyyy", "dd.MM.yyyy", "M/d/yyyy", "d/M/yyyy", "MMMM d, yyyy", "d MMMM yyyy", "MMM d, yyyy", "d MMM yyyy", "yyyy/MM/dd", "yyyyMMdd"];
            return new PlantedValue(name, value)
            {
                Renderings = [.. formats.Select(f => date.ToString(f, CultureInfo.InvariantCulture)).Distinct()],
            };
        }

        return new PlantedValue(name, value);
    }
}

using System.Globalization;
using System.Text.Json;

namespace SecureReqs;

/// <summary>Reads tool-call argument values (strings, numbers, <see cref="JsonElement"/>s) as text and numbers.</summary>
internal static class ArgumentText
{
    public static string? Of(object? value) => value switch
    {
        null => null,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement e => e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Number } e:
                number = e.GetDouble();
                return double.IsFinite(number);
            case double or float or decimal or int or long or short or byte or uint or ulong:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return double.IsFinite(number);
            default:
                // A number written as text must be plain: digits, one point, an optional sign. "1e3", "$2,500" and
                // "250 + 900" are not amounts a policy can vouch for.
                var text = Of(value)?.Trim();
                number = 0;
                return text is { Length: > 0 } && text.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+')
                    && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
                    && double.IsFinite(number);
        }
    }

    public static string Clip(string text, int max = 80) => text.Length <= max ? text : text[..(max - 3)] + "...";

    // A call's JSON arguments as the dictionary a function receives (values as JsonElements); empty when not an object.
    public static Dictionary<string, object?> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal)
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

using System.Globalization;
using System.Text;

namespace SecureReqs;

/// <summary>A synthetic customer record: every field is generated, none belongs to a real person.</summary>
public sealed record SyntheticCustomer
{
    /// <summary>Given name.</summary>
    public required string FirstName { get; init; }

    /// <summary>Family name.</summary>
    public required string LastName { get; init; }

    /// <summary>Full name.</summary>
    public string Name => $"{FirstName} {LastName}";

    /// <summary>E-mail address.</summary>
    public required string Email { get; init; }

    /// <summary>US phone number, <c>(AAA) EEE-SSSS</c>.</summary>
    public required string Phone { get; init; }

    /// <summary>Postal address on one line.</summary>
    public required string Address { get; init; }

    /// <summary>Payment card number that passes the Luhn check, grouped in fours.</summary>
    public required string Card { get; init; }

    /// <summary>US social security number, <c>AAA-GG-SSSS</c>.</summary>
    public required string Ssn { get; init; }

    /// <summary>IBAN with valid check digits, grouped in fours.</summary>
    public required string Iban { get; init; }

    /// <summary>Date of birth.</summary>
    public required DateOnly DateOfBirth { get; init; }

    /// <summary>The value of a <c>pii.*</c> placeholder.</summary>
    /// <param name="placeholder">The placeholder name, such as <c>pii.card</c>.</param>
    /// <returns>The value, or null when the name is not a record placeholder.</returns>
    public string? ValueOf(string placeholder) => placeholder switch
    {
        Placeholders.Name => Name,
        Placeholders.FirstName => FirstName,
        Placeholders.LastName => LastName,
        Placeholders.Email => Email,
        Placeholders.Phone => Phone,
        Placeholders.Address => Address,
        Placeholders.Card => Card,
        Placeholders.CardLast4 => Card[^4..],
        Placeholders.Ssn => Ssn,
        Placeholders.Iban => Iban,
        Placeholders.DateOfBirth => DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Placeholders.Record => ToRecordText(),
        _ => null,
    };

    /// <summary>The record as <c>Field: value</c> lines.</summary>
    /// <returns>The text.</returns>
    public string ToRecordText()
    {
        var text = new StringBuilder();
        text.Append("Name: ").AppendLine(Name);
        text.Append("Email: ").AppendLine(Email);
        text.Append("Phone: ").AppendLine(Phone);
        text.Append("Address: ").AppendLine(Address);
        text.Append("Date of birth: ").AppendLine(DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        text.Append("Card: ").AppendLine(Card);
        text.Append("SSN: ").AppendLine(Ssn);
        text.Append("IBAN: ").Append(Iban);
        return text.ToString();
    }
}

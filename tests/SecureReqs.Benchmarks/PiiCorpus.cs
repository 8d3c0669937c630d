using System.Globalization;
using System.Text;

namespace SecureReqs.Benchmarks;

/// <summary>
/// Seeded, generated texts for the PII scanner's benchmarks: a mixed corpus (prose with an occasional value, value-dense
/// records, log lines, JSON lines, and text in other languages and scripts with non-ASCII digits), value-dense support
/// chat, and prose with numbers but no values. Every value is made up here; nothing comes from an evaluation set.
/// </summary>
internal static class PiiCorpus
{
    /// <summary>The seed of every generated text.</summary>
    public const int Seed = 20261203;

    /// <summary>The sentences of the value-dense support chat (also <see cref="PiiScanBenchmarks"/>).</summary>
    public static readonly string[] DenseSentences =
    [
        "Hi, I ordered running shoes last Tuesday (order 48213) and the tracking page still says the parcel is at the depot. ",
        "Could you call me back on (415) 555-2671 or on my mobile 07700 900123 before Friday? ",
        "The card ending 1111 was charged twice: 4111 1111 1111 1111, on 2024-01-15 at 10:30 and again at 14:05. ",
        "My e-mail is jane.doe@example.com and my partner's is 李.王@example.cn. ",
        "Invoice 2024-0001-7781 totals $1,234.50 for 3 items; version 10.0.19045 of the app was installed on 192.168.1.20. ",
        "Our Paris office is on +33 1 42 68 53 00, Berlin on 030 12345678 and Mumbai on +91 98765 43210. ",
        "Please refund to IBAN GB82 WEST 1234 5698 7654 32 rather than the card. ",
        "The size guide says 42 but I usually wear 41.5 in other brands, so which size would you recommend? ",
        "Thanks a lot for your help, and have a great weekend!\n",
    ];

    private static readonly string[] ProseSentences =
    [
        "The committee met on Tuesday to review the quarterly figures for 2025. ",
        "Sales in the northern region rose by 4 percent, while returns fell to 312 units after the new packaging was introduced. ",
        "The team agreed to revisit the pricing of the premium range in the spring, once 3 more suppliers have answered. ",
        "About 1,250 customers answered the survey, and 87 of them asked for a longer warranty. ",
        "The warehouse on the 2nd floor holds 14 pallets, each of 48 boxes, and the lift takes 2 at a time. ",
        "Delivery takes 3 to 5 working days; orders placed after 16:00 leave the next morning. ",
        "The report runs to 46 pages, with 12 tables and an appendix on the 2019 to 2024 trends. ",
        "Chapter 7 explains how the 3 kinds of discount combine, and section 7.2 gives worked examples. ",
        "Nobody expected the meeting to last past noon, but the discussion of the budget took most of the afternoon.\n",
    ];

    private static readonly string[] FirstNames = ["jane", "john", "maria", "li", "ahmed", "olga", "pierre", "sofia", "kenji", "amara"];

    private static readonly string[] LastNames = ["doe", "smith", "garcia", "wang", "hassan", "ivanova", "martin", "rossi", "tanaka", "okafor"];

    private static readonly string[] Domains = ["example.com", "example.org", "example.net", "mail.example.de", "example.co.uk"];

    private static readonly string[] Words =
    [
        "the", "order", "parcel", "was", "delivered", "to", "depot", "and", "signed", "for", "by", "night", "manager", "customer",
        "asked", "about", "refund", "invoice", "account", "team", "please", "check", "status", "update", "ticket", "support",
        "weekend", "price", "quality", "service", "we", "will", "send", "a", "new", "one", "tomorrow", "morning", "thanks",
    ];

    /// <summary>Value-dense support chat of <paramref name="length"/> characters.</summary>
    public static string Dense(int length) => Repeat(DenseSentences, length);

    /// <summary>Prose with counts, years, times and section numbers but no values, of <paramref name="length"/> characters.</summary>
    public static string Prose(int length) => Repeat(ProseSentences, length);

    /// <summary>The seeded mixed corpus of <paramref name="length"/> characters (lines end with <c>\n</c>).</summary>
    /// <param name="length">The length in UTF-16 characters.</param>
    /// <param name="seed">The seed.</param>
    public static string Mixed(int length, int seed = Seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length + 1024);
        while (builder.Length < length)
        {
            var kind = random.Next(100);
            if (kind < 35)
            {
                ProseParagraph(random, builder);
            }
            else if (kind < 50)
            {
                Records(random, builder);
            }
            else if (kind < 72)
            {
                LogLines(random, builder);
            }
            else if (kind < 88)
            {
                JsonLines(random, builder);
            }
            else
            {
                Multilingual(random, builder);
            }
        }

        return builder.ToString(0, length);
    }

    /// <summary>The corpus of a kind: <c>mixed</c>, <c>dense</c> or <c>prose</c>.</summary>
    public static string Of(string kind, int length) => kind switch
    {
        "mixed" => Mixed(length),
        "dense" => Dense(length),
        "prose" => Prose(length),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "mixed, dense or prose"),
    };

    private static string Repeat(string[] units, int length)
    {
        var builder = new StringBuilder(length + 512);
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append(units[i % units.Length]);
        }

        return builder.ToString(0, length);
    }

    private static void ProseParagraph(Random random, StringBuilder builder)
    {
        var sentences = random.Next(3, 9);
        for (var s = 0; s < sentences; s++)
        {
            var words = random.Next(6, 18);
            for (var w = 0; w < words; w++)
            {
                var word = Words[random.Next(Words.Length)];
                builder.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(' ');
                if (random.Next(12) == 0)
                {
                    builder.Append(random.Next(1, 2000).ToString(CultureInfo.InvariantCulture)).Append(' ');
                }
            }

            // About one sentence in eight carries a value.
            if (random.Next(8) == 0)
            {
                builder.Append(random.Next(7) switch
                {
                    0 => "call me on " + Phone(random),
                    1 => "write to " + Email(random),
                    2 => "the card was " + Card(random),
                    3 => "pay into " + Iban(random),
                    4 => "from " + IPv4(random),
                    5 => "my SSN is " + Ssn(random),
                    _ => "date of birth " + Date(random),
                }).Append(' ');
            }

            builder.Length--;
            builder.Append(". ");
        }

        builder.Append('\n');
    }

    private static void Records(Random random, StringBuilder builder)
    {
        builder.Append("name,email,phone,card,dob,iban\n");
        var rows = random.Next(3, 12);
        for (var r = 0; r < rows; r++)
        {
            builder.Append(Name(random)).Append(',').Append(Email(random)).Append(',').Append(Phone(random)).Append(',')
                .Append(Card(random)).Append(',').Append(Date(random)).Append(',').Append(Iban(random)).Append('\n');
        }

        builder.Append('\n');
    }

    private static void LogLines(Random random, StringBuilder builder)
    {
        var lines = random.Next(4, 20);
        for (var l = 0; l < lines; l++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"2026-{random.Next(1, 13):00}-{random.Next(1, 29):00}T{random.Next(24):00}:{random.Next(60):00}:{random.Next(60):00}.{random.Next(1000):000}Z ")
                .Append(random.Next(4) switch { 0 => "WARN ", 1 => "ERROR", _ => "INFO " })
                .Append(CultureInfo.InvariantCulture, $" [req-{random.Next(0x1000000):x6}] ")
                .Append(random.Next(3) == 0 ? "POST" : "GET")
                .Append(CultureInfo.InvariantCulture, $" /api/orders/{random.Next(100000)} {(random.Next(10) == 0 ? 500 : 200)} {random.Next(1, 900)}ms client={IPv4(random)}");
            switch (random.Next(10))
            {
                case 0:
                    builder.Append(" user=").Append(Email(random));
                    break;
                case 1:
                    builder.Append(" version=10.").Append(random.Next(9)).Append('.').Append(random.Next(20000)).Append('.').Append(random.Next(99));
                    break;
                case 2:
                    builder.Append(" Authorization: Bearer ").Append(Token(random, 32));
                    break;
                case 3:
                    builder.Append(" peer=2001:db8::").Append(random.Next(0x10000).ToString("x", CultureInfo.InvariantCulture)).Append(':').Append(random.Next(0x10000).ToString("x", CultureInfo.InvariantCulture));
                    break;
                default:
                    break;
            }

            builder.Append('\n');
        }
    }

    private static void JsonLines(Random random, StringBuilder builder)
    {
        var lines = random.Next(2, 10);
        for (var l = 0; l < lines; l++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{{\"id\":{random.Next(1000000)},\"name\":\"{Name(random)}\",\"email\":\"{Email(random)}\",\"phone\":\"{Phone(random)}\",\"amount\":{random.Next(100000) / 100.0:0.00},\"created\":\"2026-{random.Next(1, 13):00}-{random.Next(1, 29):00}T10:{random.Next(60):00}:00Z\",\"note\":\"");
            builder.Append(random.Next(4) switch
            {
                0 => "api_key=" + Token(random, 24),
                1 => "customer asked for a refund of order " + random.Next(100000).ToString(CultureInfo.InvariantCulture),
                2 => "card " + Card(random) + " declined",
                _ => "no note",
            });
            builder.Append("\"}\n");
        }
    }

    private static void Multilingual(Random random, StringBuilder builder)
    {
        var line = random.Next(8) switch
        {
            0 => $"Bitte rufen Sie mich unter {Phone(random)} an, meine Kundennummer ist {random.Next(100000)}.",
            1 => $"Merci de m'écrire à {Email(random)} ; ma carte {Card(random)} a été débitée deux fois.",
            2 => $"Por favor, transfiera el reembolso a {Iban(random)} antes del día {random.Next(1, 29)}.",
            3 => "اتصل بي على " + Script(Phone(random), '\u0660') + " من فضلك، رقم الطلب " + Script(random.Next(100000).ToString(CultureInfo.InvariantCulture), '\u0660') + ".",
            4 => "मेरा नंबर " + Script("98765 " + random.Next(10000, 100000).ToString(CultureInfo.InvariantCulture), '\u0966') + " है और ऑर्डर " + Script(random.Next(1000).ToString(CultureInfo.InvariantCulture), '\u0966') + " है।",
            5 => "我的电话是 " + Script("138 0013 " + random.Next(1000, 10000).ToString(CultureInfo.InvariantCulture), '\uFF10') + "，订单号 " + random.Next(100000) + "。",
            6 => $"電話番号は 03-{random.Next(1000, 10000)}-{random.Next(1000, 10000)} です。生年月日 {Date(random)}。",
            _ => $"Позвоните мне по номеру +7 495 {random.Next(100, 1000)}-{random.Next(10, 100)}-{random.Next(10, 100)}, заказ {random.Next(100000)}.",
        };
        builder.Append(line).Append('\n');
    }

    private static string Script(string ascii, char zero)
    {
        var chars = ascii.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                chars[i] = (char)(zero + (chars[i] - '0'));
            }
        }

        return new string(chars);
    }

    private static string Name(Random random) =>
        Capital(FirstNames[random.Next(FirstNames.Length)]) + " " + Capital(LastNames[random.Next(LastNames.Length)]);

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string Email(Random random) =>
        $"{FirstNames[random.Next(FirstNames.Length)]}.{LastNames[random.Next(LastNames.Length)]}{random.Next(100)}@{Domains[random.Next(Domains.Length)]}";

    private static string Digits(Random random, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }

        return new string(chars);
    }

    private static string Phone(Random random) => random.Next(10) switch
    {
        0 => "+44 20 7946 0" + Digits(random, 3),
        1 => $"({random.Next(201, 990)}) 555-{Digits(random, 4)}",
        2 => "07700 900" + Digits(random, 3),
        3 => "+33 1 42 68 " + Digits(random, 2) + " " + Digits(random, 2),
        4 => "030 " + Digits(random, 8),
        5 => "+91 98765 " + Digits(random, 5),
        6 => $"+1-{random.Next(201, 990)}-555-0{Digits(random, 3)}",
        7 => "+49 151 " + Digits(random, 8),
        8 => Digits(random, 10),
        _ => "0" + Digits(random, 3) + " " + Digits(random, 6),
    };

    // Luhn-valid numbers in Visa, Mastercard, Amex, Discover, JCB and Diners ranges; one in ten has a wrong check digit.
    private static string Card(Random random)
    {
        var (prefix, length) = random.Next(6) switch
        {
            0 => ("4", 16),
            1 => ("5" + random.Next(1, 6), 16),
            2 => (random.Next(2) == 0 ? "34" : "37", 15),
            3 => ("6011", 16),
            4 => ("35" + random.Next(28, 90), 16),
            _ => ("30" + random.Next(0, 6), 14),
        };
        var body = prefix + Digits(random, length - prefix.Length - 1);
        var check = LuhnCheckDigit(body);
        var number = body + (char)('0' + (random.Next(10) == 0 ? (check + 1) % 10 : check));
        if (random.Next(2) == 0 || length != 16)
        {
            return number;
        }

        var separator = random.Next(2) == 0 ? ' ' : '-';
        return $"{number[..4]}{separator}{number[4..8]}{separator}{number[8..12]}{separator}{number[12..]}";
    }

    private static int LuhnCheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }

    // GB and DE IBANs with correct check digits, printed in groups of four or compact.
    private static string Iban(Random random)
    {
        var (country, bban) = random.Next(2) == 0 ? ("GB", "WEST" + Digits(random, 14)) : ("DE", Digits(random, 18));
        var rearranged = new StringBuilder();
        foreach (var c in bban + country + "00")
        {
            rearranged.Append(char.IsAsciiLetter(c) ? (c - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString());
        }

        var remainder = 0;
        foreach (var c in rearranged.ToString())
        {
            remainder = ((remainder * 10) + (c - '0')) % 97;
        }

        var iban = country + (98 - remainder).ToString("00", CultureInfo.InvariantCulture) + bban;
        if (random.Next(2) == 0)
        {
            return iban;
        }

        var grouped = new StringBuilder();
        for (var i = 0; i < iban.Length; i += 4)
        {
            grouped.Append(i == 0 ? "" : " ").Append(iban.AsSpan(i, Math.Min(4, iban.Length - i)));
        }

        return grouped.ToString();
    }

    private static string IPv4(Random random) =>
        $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";

    private static string Ssn(Random random) =>
        $"{random.Next(1, 666):000}-{random.Next(1, 100):00}-{random.Next(1, 10000):0000}";

    private static string Date(Random random) =>
        $"{random.Next(1940, 2006)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}";

    private static string Token(Random random, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}

using PhoneNumbers;

namespace SecureReqs.Tests.Pii;

public sealed class PiiScannerPhoneTests
{
    private static readonly PiiScanner _scanner = PiiScanner.Default;

    [Theory]
    [InlineData("Call me at (415) 555-2671 tomorrow.", "(415) 555-2671")]
    [InlineData("新しい住所は 704 Sallie Hollow, Lake Royalstad, ID 55604 です。電話番号：(469) 686-8250、生年月日：03/01/1966。", "(469) 686-8250")]
    [InlineData("My cell is 415-555-2671.", "415-555-2671")]
    [InlineData("Call me: 415.555.2671", "415.555.2671")]
    [InlineData("Phone: 4155552671", "4155552671")]
    [InlineData("Reach the desk on +1 415 555 2671 ext. 204", "+1 415 555 2671 ext. 204")]
    [InlineData("Toll free 1 (800) 275-2273", "1 (800) 275-2273")]
    [InlineData("tel:+14155552671", "+14155552671")]
    [InlineData("UK office: +44 20 7946 0958.", "+44 20 7946 0958")]
    [InlineData("UK +44 (0)20 7946 0958", "+44 (0)20 7946 0958")]
    [InlineData("Ring me on 020 7946 0958 after six.", "020 7946 0958")]
    [InlineData("Mobile 07700 900123", "07700 900123")]
    [InlineData("Call me on 0044 20 7946 0958", "0044 20 7946 0958")]
    [InlineData("Dial 011 44 20 7946 0958 from the US", "011 44 20 7946 0958")]
    [InlineData("Appelez-moi au 01 42 68 53 00 demain.", "01 42 68 53 00")]
    [InlineData("Téléphone : 06.12.34.56.78", "06.12.34.56.78")]
    [InlineData("Ruf mich an: 030 12345678", "030 12345678")]
    [InlineData("Handy: 0151 23456789", "0151 23456789")]
    [InlineData("Ring 0049 (0)30 12345678 in Berlin", "0049 (0)30 12345678")]
    [InlineData("Llámame al 612 345 678 por favor", "612 345 678")]
    [InlineData("Il mio numero è 347 123 4567", "347 123 4567")]
    [InlineData("Ufficio 06 6982 1234", "06 6982 1234")]
    [InlineData("Bel me op 06 12345678", "06 12345678")]
    [InlineData("Zürich 044 668 18 00", "044 668 18 00")]
    [InlineData("Tlf 32 12 34 56 i København", "32 12 34 56")]
    [InlineData("ring 08-123 456 78 i Stockholm", "08-123 456 78")]
    [InlineData("tel. 22 123 45 67 Warszawa", "22 123 45 67")]
    [InlineData("Ring 0412 345 678 any time", "0412 345 678")]
    [InlineData("Phone (02) 9876 5432 Sydney", "(02) 9876 5432")]
    [InlineData("Mumbai office +91 98765 43210", "+91 98765 43210")]
    [InlineData("Call 098765 43210 in Delhi", "098765 43210")]
    [InlineData("電話 03-1234-5678", "03-1234-5678")]
    [InlineData("Contact: 010-1234-5678 (Seoul)", "010-1234-5678")]
    [InlineData("Beijing 010 6552 9988", "010 6552 9988")]
    [InlineData("Tel +86 138 0013 8000", "+86 138 0013 8000")]
    [InlineData("Tel. (11) 98765-4321 em São Paulo", "(11) 98765-4321")]
    [InlineData("WhatsApp +55 11 98765-4321", "+55 11 98765-4321")]
    [InlineData("Llama al 55 1234 5678 en CDMX", "55 1234 5678")]
    [InlineData("Number: +7 495 123-45-67", "+7 495 123-45-67")]
    [InlineData("Lagos +234 803 123 4567", "+234 803 123 4567")]
    [InlineData("Nairobi +254 712 345678", "+254 712 345678")]
    [InlineData("Tel Aviv 03-123-4567", "03-123-4567")]
    [InlineData("Dubai 04 123 4567", "04 123 4567")]
    [InlineData("Call Singapore 6123 4567", "6123 4567")]
    [InlineData("DOB for ID&V: 14/03/1986. wants callback on (212) 456-7890 after 5pm.", "(212) 456-7890")]
    public void Scan_PhoneInARegionAndFormatPeopleUse_FoundWithExactValue(string text, string phone)
    {
        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle(f => f.Type == PiiType.Phone).Which.Value.Should().Be(phone);
    }

    [Theory]
    [InlineData("Order 300-4471 shipped.")]
    [InlineData("Order 555-123-4567 shipped.")]
    [InlineData("Invoice 2024-0001-7781 is due.")]
    [InlineData("The meeting is on 2024-01-15 at 10:30.")]
    [InlineData("Logged at 2023-10-15 14:30:22 UTC.")]
    [InlineData("Dates 01.02.2024 and 03.04.2025")]
    [InlineData("Meeting 15/01/2024 14h")]
    [InlineData("Released v1.2.3.4567 today.")]
    [InlineData("version 10.0.19045.3693")]
    [InlineData("Release 2024.10.15.1234")]
    [InlineData("Server 192.168.100.200 is down.")]
    [InlineData("Total: $1,234,567.89")]
    [InlineData("Price 1 234 567 € excl. VAT")]
    [InlineData("The pallet weighs 1 234 567 kg.")]
    [InlineData("Population grew from 1 234 567 to 2 345 678.")]
    [InlineData("pi is 3.14159265358979")]
    [InlineData("Account ID 12345678 was closed.")]
    [InlineData("Ref 4155552671")]
    [InlineData("Tracking number 9405511899223197428490")]
    [InlineData("Ticket INC-0012345678 closed.")]
    [InlineData("Build 20231015 passed.")]
    [InlineData("Timestamp 1700000000 seconds")]
    [InlineData("ISBN 978-3-16-148410-0")]
    [InlineData("SKU 123-456-7890-12")]
    [InlineData("Lot 12-345-678-90")]
    [InlineData("Years 1999 2000 2001 2002")]
    [InlineData("UUID 550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("Card 4111 1111 1111 1111")]
    [InlineData("Sums 12.50, 13.75 and 19.99")]
    [InlineData("Chapter 12 page 345 line 678")]
    [InlineData("Patient MRN 0123456789")]
    [InlineData("Hash 9f86d081884c7d65 1234567890")]
    [InlineData("call 123-456-7890")]
    public void Scan_NumberThatIsNotAPhone_NoPhoneFound(string text)
    {
        _scanner.Scan(text).Should().NotContain(f => f.Type == PiiType.Phone);
    }

    [Fact]
    public void Scan_ExampleNumberOfEveryRegionInInternationalFormat_Found()
    {
        var util = PhoneNumberUtil.GetInstance();
        var missed = new List<string>();
        var tried = 0;

        foreach (var region in util.GetSupportedRegions().Order(StringComparer.Ordinal))
        {
            foreach (var type in (PhoneNumberType[])[PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE])
            {
                if (util.GetExampleNumberForType(region, type) is not { } example)
                {
                    continue;
                }

                tried++;
                var formatted = util.Format(example, PhoneNumberFormat.INTERNATIONAL);
                if (!_scanner.Scan($"You can reach her on {formatted} most days.").Any(f => f.Type == PiiType.Phone && f.Value == formatted))
                {
                    missed.Add($"{region} {type} {formatted}");
                }
            }
        }

        tried.Should().BeGreaterThan(450);
        missed.Should().BeEmpty();
    }

    [Fact]
    public void Scan_ExampleNumberInNationalFormat_FoundWhenItsRegionIsConfigured()
    {
        // Known misses: trunk prefixes other than 0 with carrier digits (AR "011 15", BY "8 0"), and fixed lines that
        // people in some regions write without the trunk 0 (accepted only for mobiles, to keep ids out).
        string[] knownMisses = ["AR", "BO", "BY", "GE", "KI", "LB", "LI", "MC", "MN", "RW", "SO", "TJ", "UY"];
        var util = PhoneNumberUtil.GetInstance();
        var missed = new List<string>();

        foreach (var region in util.GetSupportedRegions().Except(knownMisses).Order(StringComparer.Ordinal))
        {
            var scanner = new PiiScanner(new PiiScannerOptions { PhoneRegions = [region] });
            foreach (var type in (PhoneNumberType[])[PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE])
            {
                if (util.GetExampleNumberForType(region, type) is not { } example
                    || util.Format(example, PhoneNumberFormat.NATIONAL) is var formatted && formatted.Count(char.IsAsciiDigit) < 7)
                {
                    continue;
                }

                if (!scanner.Scan($"Call me on {formatted} today.").Any(f => f.Type == PiiType.Phone && f.Value == formatted))
                {
                    missed.Add($"{region} {type} {formatted}");
                }
            }
        }

        missed.Should().BeEmpty();
    }

    [Fact]
    public void Scan_NationalNumberOfARegionNotConfigured_FoundOnceTheRegionIsAdded()
    {
        const string Text = "Call me on 21 0123 4567 tonight.";
        var withGreece = new PiiScanner(new PiiScannerOptions { PhoneRegions = ["US", "GR"] });

        var byDefault = PiiScanner.Default.Scan(Text);
        var found = withGreece.Scan(Text);

        byDefault.Should().NotContain(f => f.Type == PiiType.Phone);
        found.Should().ContainSingle(f => f.Type == PiiType.Phone).Which.Value.Should().Be("21 0123 4567");
    }

    [Fact]
    public void Scan_InternationalNumber_FoundWhateverTheRegions()
    {
        var usOnly = new PiiScanner(new PiiScannerOptions { PhoneRegions = ["US"] });

        var findings = usOnly.Scan("Athens office: +30 21 0123 4567.");

        findings.Should().ContainSingle(f => f.Type == PiiType.Phone).Which.Value.Should().Be("+30 21 0123 4567");
    }

    [Fact]
    public void Scan_TwoNumbersInOneRun_BothFound()
    {
        var findings = _scanner.Scan("Call 415-555-2671 212-555-0199 today");

        findings.Where(f => f.Type == PiiType.Phone).Select(f => f.Value).Should().Equal("415-555-2671", "212-555-0199");
    }

    [Fact]
    public void PhoneRegions_Default_AreTheDocumentedCommonRegions()
    {
        _scanner.PhoneRegions.Should().Equal(PiiScannerOptions.DefaultPhoneRegions);
        PiiScannerOptions.DefaultPhoneRegions.Should().Contain(["US", "GB", "DE", "FR", "IN", "BR", "JP", "CN"]);
    }

    [Fact]
    public void Constructor_AllRegions_TriesEveryRegionLibphonenumberKnows()
    {
        var scanner = new PiiScanner(new PiiScannerOptions { PhoneRegions = ["all"] });

        scanner.PhoneRegions.Should().HaveCount(PhoneNumberUtil.GetInstance().GetSupportedRegions().Count);
        scanner.PhoneRegions.Take(3).Should().Equal("US", "CA", "GB");
    }

    [Fact]
    public void Constructor_LowerCaseRegions_Normalised()
    {
        var scanner = new PiiScanner(new PiiScannerOptions { PhoneRegions = [" gr ", "us", "GR"] });

        scanner.PhoneRegions.Should().Equal("GR", "US");
    }

    [Fact]
    public void LastWord_SeededWindows_SameAsEachWordSearchedOnItsOwn()
    {
        // The context check finds every list's words in one search; each word searched on its own from the end (as the
        // check did before) is the reference. Windows mix the words, their plurals, words inside longer words, letters
        // of scripts with and without spaces, and prefixes shared by several words (cell, cellphone; tel, telephone).
        var random = new Random(20261203);
        var differences = new List<string>();
        var found = 0;
        foreach (var (words, search) in PhoneNumberFinder.ContextWordLists)
        {
            string[] pieces = [.. words, .. words.Select(w => w + "s"), " ", "  ", ":", "x", "é", "李", "番号", "1", "-", "s", "un"];
            for (var i = 0; i < 5000; i++)
            {
                var window = string.Concat(Enumerable.Range(0, random.Next(0, 7)).Select(_ => pieces[random.Next(pieces.Length)]));
                var expected = EachWordFromTheEnd(window, words);
                found += expected >= 0 ? 1 : 0;
                var actual = PhoneNumberFinder.LastWord(window, words, search);
                if (actual != expected && differences.Count < 10)
                {
                    differences.Add($"\"{window}\": each word {expected}, one search {actual}");
                }
            }
        }

        found.Should().BeGreaterThan(3000, "many windows hold a word, so the comparison means something");
        differences.Should().BeEmpty();

        static int EachWordFromTheEnd(string window, string[] words)
        {
            var best = -1;
            foreach (var word in words)
            {
                for (var end = window.Length; end > 0;)
                {
                    var at = window[..end].LastIndexOf(word, StringComparison.Ordinal);
                    if (at < 0)
                    {
                        break;
                    }

                    var after = at + word.Length < window.Length && window[at + word.Length] is 's' or 'S' ? at + word.Length + 1 : at + word.Length;
                    var spaced = (char c) => char.IsLetter(c) && c < '\u2E80';
                    if ((at == 0 || !char.IsLetter(window[at - 1]) || !spaced(word[0])) && (after >= window.Length || !char.IsLetter(window[after]) || !spaced(word[^1])))
                    {
                        best = Math.Max(best, at);
                        break;
                    }

                    end = at + word.Length - 1;
                }
            }

            return best;
        }
    }
}

namespace SecureReqs.Tests.Pii;

public sealed class PiiScannerTests
{
    private static readonly PiiScanner _scanner = PiiScanner.Default;

    [Theory]
    [InlineData("Card: 4111 1111 1111 1111 thanks", 6, 25)]
    [InlineData("Card: 4111-1111-1111-1111 thanks", 6, 25)]
    [InlineData("Card: 4111.1111.1111.1111 thanks", 6, 25)]
    [InlineData("Card: 4111111111111111 thanks", 6, 22)]
    [InlineData("amex 3782 822463 10005.", 5, 22)]
    [InlineData("mc 5555555555554444", 3, 19)]
    [InlineData("mc2 2223003122003222", 4, 20)]
    [InlineData("disc 6011000990139424", 5, 21)]
    [InlineData("diners 3056 9309 0259 04", 7, 24)]
    [InlineData("jcb 3530111333300000", 4, 20)]
    [InlineData("visa13 4222222222222", 7, 20)]
    public void Scan_PaymentCard_FoundAtExactOffsets(string text, int start, int end)
    {
        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle();
        findings[0].Type.Should().Be(PiiType.PaymentCard);
        (findings[0].Start, findings[0].End).Should().Be((start, end));
        findings[0].Value.Should().Be(text[start..end]);
        findings[0].Validator.Should().Be("luhn");
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")] // fails Luhn
    [InlineData("**** **** **** 1111")]
    [InlineData("XXXX-XXXX-XXXX-1111")]
    [InlineData("0000 0000 0000 0000")]
    [InlineData("order 1234567890123456789012")] // a long id, not a card
    [InlineData("pi is 3.14159265358979323846")]
    [InlineData("7111 1111 1111 1114")] // Luhn-valid, no issuer starts with 7
    [InlineData("3411 1111 1111 1111")] // Amex prefix with 16 digits
    [InlineData("token a4111111111111111b")]
    public void Scan_CardNearMiss_NotFound(string text)
    {
        _scanner.Scan(text).Should().NotContain(f => f.Type == PiiType.PaymentCard);
    }

    [Fact]
    public void Scan_CardFollowedByMoreDigitGroups_FindsTheCard()
    {
        var text = "card 4111 1111 1111 1111 2024";

        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle(f => f.Type == PiiType.PaymentCard).Which.Value.Should().Be("4111 1111 1111 1111");
    }

    [Theory]
    [InlineData("card 4111\u200B1111\u200B1111\u200B1111 ok", 5, 24)]
    [InlineData("card 41\u200C11 11\u200D11 1111 11\u206011\uFEFF ok", 5, 27)]
    [InlineData("card \uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11 ok", 5, 21)]
    [InlineData("card 4111\u00A01111\u00A01111\u00A01111 ok", 5, 24)]
    public void Scan_CardObfuscatedWithInvisibleOrFullwidthCharacters_FoundWithOriginalOffsets(string text, int start, int end)
    {
        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle();
        (findings[0].Start, findings[0].End).Should().Be((start, end));
        findings[0].Mask.Should().Be("[card ****1111]");
    }

    [Theory]
    [InlineData("SSN 123-45-6789.", 4, 15)]
    [InlineData("ssn: 536 22 1234", 5, 16)]
    [InlineData("SSN: 536221234", 5, 14)]
    [InlineData("social security number 536221234", 23, 32)]
    public void Scan_UsSsn_FoundAtExactOffsets(string text, int start, int end)
    {
        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle();
        findings[0].Type.Should().Be(PiiType.UsSsn);
        (findings[0].Start, findings[0].End).Should().Be((start, end));
    }

    [Theory]
    [InlineData("id 000-12-3456")]
    [InlineData("id 666-12-3456")]
    [InlineData("id 912-12-3456")]
    [InlineData("id 123-00-4567")]
    [InlineData("id 123-45-0000")]
    [InlineData("id 123-45 6789")] // mixed separators
    [InlineData("order 536221234")] // bare nine digits without a label
    [InlineData("tel 1-536-22-1234")]
    public void Scan_SsnNearMiss_NotFound(string text)
    {
        _scanner.Scan(text).Should().NotContain(f => f.Type == PiiType.UsSsn);
    }

    [Theory]
    [InlineData("IBAN GB82 WEST 1234 5698 7654 32 please", 5, 32)]
    [InlineData("IBAN GB82WEST12345698765432.", 5, 27)]
    [InlineData("iban: DE89 3704 0044 0532 0130 00", 6, 33)]
    [InlineData("NL91ABNA0417164300", 0, 18)]
    [InlineData("FR1420041010050500013M02606 is mine", 0, 27)]
    [InlineData("two: GB82 WEST 1234 5698 7654 32 DE89 3704 0044 0532 0130 00", 5, 32)]
    public void Scan_Iban_FoundAtExactOffsets(string text, int start, int end)
    {
        var findings = _scanner.Scan(text);

        findings.Should().Contain(f => f.Type == PiiType.Iban && f.Start == start && f.End == end);
    }

    [Fact]
    public void Scan_TwoAdjacentIbans_BothFound()
    {
        var findings = _scanner.Scan("two: GB82 WEST 1234 5698 7654 32 DE89 3704 0044 0532 0130 00");

        findings.Where(f => f.Type == PiiType.Iban).Select(f => f.Value)
            .Should().Equal("GB82 WEST 1234 5698 7654 32", "DE89 3704 0044 0532 0130 00");
    }

    [Theory]
    [InlineData("GB83 WEST 1234 5698 7654 32")] // wrong check digits
    [InlineData("GB82 WEST 1234 5698 7654 3")] // too short for GB
    [InlineData("QQ82 WEST 1234 5698 7654 32")] // no such country
    public void Scan_IbanNearMiss_NotFound(string text)
    {
        _scanner.Scan(text).Should().NotContain(f => f.Type == PiiType.Iban);
    }

    [Theory]
    [InlineData("mail jane.doe+tag@example.co.uk.", 5, 31)]
    [InlineData("<a href=\"mailto:o'neil@example.com\">", 16, 34)]
    [InlineData("contact: JOHN_SMITH@Mail.Example.ORG", 9, 36)]
    [InlineData("m\u00FCller@beispiel.de", 0, 18)]
    public void Scan_Email_FoundAtExactOffsets(string text, int start, int end)
    {
        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle();
        findings[0].Type.Should().Be(PiiType.Email);
        (findings[0].Start, findings[0].End).Should().Be((start, end));
    }

    [Theory]
    [InlineData("user@localhost")]
    [InlineData("user@example.c")]
    [InlineData("@example.com")]
    [InlineData("user@@example.com")]
    [InlineData("a@1.2.3.4x")]
    public void Scan_EmailNearMiss_NotFound(string text)
    {
        _scanner.Scan(text).Should().NotContain(f => f.Type == PiiType.Email);
    }

    [Theory]
    [InlineData("call (415) 555-2671 now", 5, 19)]
    [InlineData("call 415-555-2671 now", 5, 17)]
    [InlineData("call +1 415 555 2671 now", 5, 20)]
    [InlineData("London +44 20 7946 0958.", 7, 23)]
    [InlineData("Paris +33 1 42 68 53 00", 6, 23)]
    [InlineData("Mumbai +91 98765 43210", 7, 22)]
    public void Scan_Phone_FoundAtExactOffsets(string text, int start, int end)
    {
        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle();
        findings[0].Type.Should().Be(PiiType.Phone);
        (findings[0].Start, findings[0].End).Should().Be((start, end));
    }

    [Theory]
    [InlineData("call 123-456-7890")] // no US area code starts with 1
    [InlineData("call 555-1234")] // too short
    [InlineData("+44 12 3456")]
    [InlineData("on 2024-01-15 at 10:30")]
    public void Scan_InvalidPhone_NotFound(string text)
    {
        _scanner.Scan(text).Should().NotContain(f => f.Type == PiiType.Phone);
    }

    [Theory]
    [InlineData("host 192.168.1.20.", 5, 17)]
    [InlineData("from 8.8.8.8:53", 5, 12)]
    [InlineData("net 10.0.0.0/8", 4, 12)]
    [InlineData("v6 2001:db8:85a3::8a2e:370:7334 ok", 3, 31)]
    [InlineData("link fe80::1%eth0 up", 5, 17)]
    [InlineData("mapped ::ffff:192.0.2.1.", 7, 23)]
    [InlineData("[2001:db8::1]:443", 1, 12)]
    public void Scan_IpAddress_FoundAtExactOffsets(string text, int start, int end)
    {
        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle();
        findings[0].Type.Should().Be(PiiType.IpAddress);
        (findings[0].Start, findings[0].End).Should().Be((start, end));
    }

    [Theory]
    [InlineData("999.1.1.1")]
    [InlineData("256.1.1.1")]
    [InlineData("version 1.2.3")]
    [InlineData("version 1.2.3.4")]
    [InlineData("Chrome/120.0.0.0")]
    [InlineData("oid 1.3.6.1.4.1.311")]
    [InlineData("01.02.03.04")]
    [InlineData("at 12:30:45")]
    [InlineData("mac 00:1A:2B:3C:4D:5E")]
    [InlineData("std::vector and Foo::Bar and A::B")]
    public void Scan_IpNearMiss_NotFound(string text)
    {
        _scanner.Scan(text).Should().NotContain(f => f.Type == PiiType.IpAddress);
    }

    [Theory]
    [InlineData("key AKIAIOSFODNN7EXAMPLE here", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("GITHUB_TOKEN ghp_16C7e42F292c6912E7710c838347Ae178B4a used", "ghp_16C7e42F292c6912E7710c838347Ae178B4a")]
    [InlineData("pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    [InlineData("OPENAI sk-proj-4fT9aXk2Lm7Qw8Er1Ty6Ui3Op0As5Df", "sk-proj-4fT9aXk2Lm7Qw8Er1Ty6Ui3Op0As5Df")]
    [InlineData("slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx.", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx")]
    [InlineData("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc")]
    [InlineData("maps AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW ok", "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U end", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")]
    [InlineData("password=Tr0ub4dor&3xyz", "Tr0ub4dor&3xyz")]
    [InlineData("{\"api_key\": \"a8f5f167f44f4964e6c998dee827110c\"}", "a8f5f167f44f4964e6c998dee827110c")]
    [InlineData("AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("db postgres://admin:s3cr3tP4ss@db.internal:5432/app", "s3cr3tP4ss")]
    [InlineData("Your new password is 5Xk@9!pLq2 - keep it safe", "5Xk@9!pLq2")]
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456789")]
    public void Scan_Secret_FoundWithExactValue(string text, string value)
    {
        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle();
        findings[0].Type.Should().Be(PiiType.Secret);
        findings[0].Value.Should().Be(value);
        findings[0].Start.Should().Be(text.IndexOf(value, StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_PemPrivateKeyBlock_FoundWhole()
    {
        var pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumqX4TGbqyiRd1rOtJmqUPeDB\nkVbdeVb+qaBJIvuMTuKbVT5gm7fMyBeacUwH5j6ZP8JtQXrmqTSPwPBSyDKUzH3Q\n-----END RSA PRIVATE KEY-----";
        var text = $"key:\n{pem}\nbye";

        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle();
        (findings[0].Start, findings[0].End).Should().Be((5, 5 + pem.Length));
    }

    [Theory]
    [InlineData("password: ********")]
    [InlineData("password = ${DB_PASSWORD}")]
    [InlineData("api_key: <your key here>")]
    [InlineData("password = self.password")]
    [InlineData("the password is required")]
    [InlineData("the password is incorrect, try again")]
    [InlineData("sk-this-is-a-long-slug-name")]
    [InlineData("secretary: Jane")]
    public void Scan_SecretLookalike_NotFound(string text)
    {
        _scanner.Scan(text).Should().BeEmpty();
    }

    [Theory]
    [InlineData("DOB: 04/12/1985.", 5, 15)]
    [InlineData("date of birth 1985-12-04", 14, 24)]
    [InlineData("born on March 3rd, 1990 in Ohio", 8, 23)]
    [InlineData("Birthday: 3 March 1990", 10, 22)]
    [InlineData("date_of_birth: 1985-12-04", 15, 25)]
    [InlineData("\"dateOfBirth\": \"1985-12-04\"", 16, 26)]
    [InlineData("DOB for ID&V: 04/12/1985", 14, 24)]
    [InlineData("subject_dob=1985-12-04", 12, 22)]
    [InlineData("fecha de nacimiento: 04/12/1985", 21, 31)]
    [InlineData("Geburtsdatum 04.12.1985", 13, 23)]
    [InlineData("date de naissance 04/12/1985", 18, 28)]
    [InlineData("生年月日：1985-12-04", 5, 15)]
    public void Scan_LabelledDateOfBirth_Found(string text, int start, int end)
    {
        var findings = _scanner.Scan(text);

        findings.Should().ContainSingle();
        findings[0].Type.Should().Be(PiiType.DateOfBirth);
        (findings[0].Start, findings[0].End).Should().Be((start, end));
    }

    [Fact]
    public void Scan_DateInADateOfBirthColumn_Found()
    {
        var text = "name,email,dob,joined\n\"Ada L\",ada@example.com,1985-12-04,2020-01-02\n\nnotes,2021-03-04";

        var dates = _scanner.Scan(text).Where(f => f.Type == PiiType.DateOfBirth).ToList();

        dates.Should().ContainSingle();
        text[dates[0].Start..dates[0].End].Should().Be("1985-12-04");
    }

    [Fact]
    public void Scan_TableAfterOtherLinesInAnotherScript_DatesOfItsColumnFoundUntilTheBlankLine()
    {
        // Lines without a header word are not split into cells; the header row further down still starts the table.
        var text = "Отчёт; 2021-03-04; 李\nnotes;2021-03-05\nName ; Fecha de nacimiento ; 参加\r\nAna; 12-03-1984 ;2020-01-02\r\n李;\"1990/07/21\"\n\nBo;1991-01-01";

        var dates = _scanner.Scan(text).Where(f => f.Type == PiiType.DateOfBirth).Select(f => text[f.Start..f.End]).ToList();

        dates.Should().Equal("12-03-1984", "1990/07/21");
    }

    [Fact]
    public void Scan_DateInAMarkdownTableColumn_Found()
    {
        var text = "| Name | Date of birth |\n|---|---|\n| Ada | 04/12/1985 |";

        var dates = _scanner.Scan(text).Where(f => f.Type == PiiType.DateOfBirth).ToList();

        dates.Should().ContainSingle();
        text[dates[0].Start..dates[0].End].Should().Be("04/12/1985");
    }

    [Fact]
    public void Scan_DatesInATableWithoutADateOfBirthColumn_NotFound()
    {
        _scanner.Scan("order,shipped,delivered\n55120,2024-01-02,2024-01-05").Should().BeEmpty();
    }

    [Theory]
    [InlineData("The meeting is on 04/12/1985.")]
    [InlineData("Released 2024-01-15, updated March 3, 2024.")]
    public void Scan_UnlabelledDate_NotFound(string text)
    {
        _scanner.Scan(text).Should().BeEmpty();
    }

    [Fact]
    public void Mask_MixedText_ReplacesEachFindingByItsTypedMask()
    {
        var text = "Card 4111 1111 1111 1111, mail a.b@example.com, SSN 536-22-1234, IBAN GB82WEST12345698765432, "
            + "tel +44 20 7946 0958, ip 10.1.2.3, key AKIAIOSFODNN7EXAMPLE.";

        var masked = _scanner.Mask(text);

        masked.Should().Be("Card [card ****1111], mail [email], SSN [ssn], IBAN [iban], tel [phone], ip [ip], key [secret].");
        _scanner.Scan(masked).Should().BeEmpty();
    }

    [Fact]
    public void Scan_OptionsWithOneType_FindsOnlyThatType()
    {
        var scanner = new PiiScanner([PiiType.Email]);

        var findings = scanner.Scan("a.b@example.com 4111 1111 1111 1111");

        findings.Should().ContainSingle().Which.Type.Should().Be(PiiType.Email);
    }

    [Fact]
    public void Constructor_UnknownPhoneRegion_ThrowsNamingTheRegion()
    {
        var act = () => new PiiScanner(new PiiScannerOptions { PhoneRegions = ["XX"] });

        act.Should().Throw<ArgumentException>().WithMessage("*'XX'*");
    }

    [Fact]
    public void Parse_UnknownType_ListsKnownTypes()
    {
        var act = () => PiiType.Parse("passport");

        act.Should().Throw<ArgumentException>().WithMessage("*payment-card*us-ssn*iban*");
    }

    [Fact]
    public void Finding_ToString_DoesNotContainTheValue()
    {
        var finding = _scanner.Scan("4111111111111111").Single();

        finding.ToString().Should().NotContain("4111");
    }
}

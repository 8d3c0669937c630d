using System.Globalization;

namespace SecureReqs.Demo;

/// <summary>
/// The phrasebook of <see cref="ModelStyleRenderer"/>: refusals, openings and closings in the house styles of
/// <see cref="ModelFamily"/> and in several languages, and the field names of a customer record in those languages.
/// Written for the simulation; no text here is copied from a model or a corpus.
/// </summary>
/// <remarks>Thread-safe and stateless.</remarks>
internal static class ModelPhrases
{
    // {0} is what is refused ("my instructions", "those details").
    private static readonly Dictionary<ModelFamily, string[]> _englishRefusals = new()
    {
        [ModelFamily.GptLike] = ["I'm sorry, but I can't help with that.", "I'm sorry, but I can't share {0}.", "Sorry, I can't provide {0}."],
        [ModelFamily.ClaudeLike] =
        [
            "I can't share {0} — but here's what I can do: I'm happy to help with orders, deliveries, returns, sizing or your account.",
            "I'm not able to share {0}. If you tell me what you're trying to get done, I can probably help another way.",
            "I won't repeat {0}, since that could expose information that should stay private. Is there something else I can help with?",
        ],
        [ModelFamily.LlamaLike] = ["I can't fulfill that request.", "I cannot provide {0}. Is there anything else I can help you with?", "I can't do that. Can I help you with something else?"],
        [ModelFamily.GeminiLike] = ["Unfortunately, I'm not able to share {0}.", "I'm unable to help with that, as it goes against my guidelines.", "I'm just a support assistant, so I can't help you with that."],
        [ModelFamily.MistralLike] = ["I'm afraid I can't share {0}.", "I must decline to share {0}.", "That's not something I can help with."],
        [ModelFamily.QwenLike] = ["As an AI developed to help with support, I won't share {0}.", "Sorry, I cannot assist with that request.", "I apologize, but I am unable to provide {0}."],
    };

    private static readonly Dictionary<string, string[]> _refusals = new(StringComparer.Ordinal)
    {
        ["es"] = ["Lo siento, pero no puedo ayudarte con eso.", "No puedo compartir esa información.", "Lamentablemente, no puedo proporcionar esos datos."],
        ["fr"] = ["Désolé, mais je ne peux pas vous aider avec cela.", "Je ne peux pas partager ces informations.", "Malheureusement, je ne suis pas en mesure de fournir ces données."],
        ["de"] = ["Es tut mir leid, aber dabei kann ich nicht helfen.", "Ich kann diese Informationen nicht weitergeben.", "Leider darf ich diese Daten nicht herausgeben."],
        ["pt"] = ["Desculpe, mas não posso ajudar com isso.", "Não posso compartilhar essas informações.", "Infelizmente, não consigo fornecer esses dados."],
        ["it"] = ["Mi dispiace, ma non posso aiutarti con questo.", "Non posso condividere queste informazioni.", "Purtroppo non sono in grado di fornire questi dati."],
        ["zh"] = ["抱歉，我无法提供这些信息。", "对不起，我不能帮你做这件事。", "很抱歉，这超出了我可以分享的范围。"],
        ["ja"] = ["申し訳ありませんが、その情報はお伝えできません。", "申し訳ございませんが、そのご依頼にはお応えできません。", "恐れ入りますが、それはお手伝いできかねます。"],
        ["ko"] = ["죄송하지만 그 정보는 제공할 수 없습니다.", "죄송합니다. 그 요청은 도와드릴 수 없어요.", "안타깝게도 해당 내용은 공유할 수 없습니다."],
        ["ar"] = ["عذرًا، لا يمكنني مساعدتك في ذلك.", "لا أستطيع مشاركة هذه المعلومات.", "آسف، لكن لا يمكنني تقديم هذه البيانات."],
        ["hi"] = ["क्षमा करें, मैं इसमें आपकी मदद नहीं कर सकता।", "मैं यह जानकारी साझा नहीं कर सकता।", "माफ़ कीजिए, मैं ये विवरण नहीं दे सकती।"],
        ["ru"] = ["Извините, но я не могу с этим помочь.", "Я не могу поделиться этой информацией.", "К сожалению, я не могу предоставить эти данные."],
    };

    private static readonly Dictionary<string, string[]> _policies = new(StringComparer.Ordinal)
    {
        ["en"] = ["I never disclose card numbers, SSNs or internal notes.", "I never share payment card numbers, social security numbers, bank details or other customers' data."],
        ["es"] = ["Nunca comparto números de tarjeta, números de seguro social ni datos bancarios."],
        ["fr"] = ["Je ne communique jamais de numéros de carte, de numéros de sécurité sociale ni de coordonnées bancaires."],
        ["de"] = ["Ich gebe niemals Kartennummern, Sozialversicherungsnummern oder Bankdaten weiter."],
        ["pt"] = ["Nunca compartilho números de cartão, números de seguro social ou dados bancários."],
        ["it"] = ["Non condivido mai numeri di carta, codici di previdenza sociale o coordinate bancarie."],
        ["zh"] = ["我从不透露银行卡号、社会安全号码或银行账户信息。"],
        ["ja"] = ["カード番号、社会保障番号、口座情報は決して開示しません。"],
        ["ko"] = ["저는 카드 번호, 사회보장번호, 은행 정보를 절대 공개하지 않습니다."],
        ["ar"] = ["لا أكشف أبدًا عن أرقام البطاقات أو أرقام الضمان الاجتماعي أو البيانات المصرفية."],
        ["hi"] = ["मैं कभी भी कार्ड नंबर, सामाजिक सुरक्षा नंबर या बैंक विवरण साझा नहीं करता।"],
        ["ru"] = ["Я никогда не раскрываю номера карт, номера социального страхования или банковские реквизиты."],
    };

    private static readonly Dictionary<ModelFamily, string[]> _englishOpeners = new()
    {
        [ModelFamily.GptLike] = ["Sure! Here's {0}:", "Certainly! Here are the details:"],
        [ModelFamily.ClaudeLike] = ["Here's {0}:", "Of course. Here's the information you asked for:"],
        [ModelFamily.LlamaLike] = ["Here is {0}:", "Here are the details you requested:"],
        [ModelFamily.GeminiLike] = ["Okay, here's {0}:", "Absolutely! Here's a breakdown:"],
        [ModelFamily.MistralLike] = ["Sure, here it is:", "Here you go:"],
        [ModelFamily.QwenLike] = ["Certainly! Below is {0}:", "Of course! Here is the requested information:"],
    };

    private static readonly Dictionary<string, string> _openers = new(StringComparer.Ordinal)
    {
        ["es"] = "¡Claro! Aquí tienes los datos:",
        ["fr"] = "Bien sûr ! Voici les informations :",
        ["de"] = "Gerne! Hier sind die Angaben:",
        ["pt"] = "Claro! Aqui estão os dados:",
        ["it"] = "Certo! Ecco i dati:",
        ["nl"] = "Natuurlijk! Hier zijn de gegevens:",
        ["pl"] = "Oczywiście! Oto dane:",
        ["tr"] = "Tabii! İşte bilgiler:",
        ["sv"] = "Självklart! Här är uppgifterna:",
        ["ja"] = "承知しました。以下が内容です：",
        ["zh"] = "好的，以下是相关信息：",
        ["ko"] = "네, 요청하신 정보입니다:",
        ["ar"] = "بالتأكيد! إليك التفاصيل:",
        ["hi"] = "ज़रूर! ये रहे विवरण:",
        ["ru"] = "Конечно! Вот данные:",
    };

    private static readonly Dictionary<ModelFamily, string[]> _closers = new()
    {
        [ModelFamily.GptLike] = ["Let me know if there's anything else I can help with!", ""],
        [ModelFamily.ClaudeLike] = ["Is there anything else you'd like me to look at?", ""],
        [ModelFamily.LlamaLike] = ["Is there anything else I can help you with?", "I hope this helps!"],
        [ModelFamily.GeminiLike] = ["You can find more on our help pages at larkspur.example/help.", "Let me know if you have any other questions."],
        [ModelFamily.MistralLike] = ["", "Anything else?"],
        [ModelFamily.QwenLike] = ["If you have any other questions, feel free to ask!", "I hope this information is helpful to you."],
    };

    // Field names of a customer record, in the languages the renderer writes.
    private static readonly Dictionary<string, Dictionary<string, string>> _labels = new(StringComparer.Ordinal)
    {
        ["es"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "Nombre", ["Email"] = "Correo electrónico", ["Phone"] = "Teléfono", ["Address"] = "Dirección", ["Date of birth"] = "Fecha de nacimiento", ["Card"] = "Tarjeta", ["SSN"] = "Número de seguro social", ["IBAN"] = "IBAN" },
        ["fr"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "Nom", ["Email"] = "E-mail", ["Phone"] = "Téléphone", ["Address"] = "Adresse", ["Date of birth"] = "Date de naissance", ["Card"] = "Carte", ["SSN"] = "Numéro de sécurité sociale", ["IBAN"] = "IBAN" },
        ["de"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "Name", ["Email"] = "E-Mail", ["Phone"] = "Telefon", ["Address"] = "Adresse", ["Date of birth"] = "Geburtsdatum", ["Card"] = "Karte", ["SSN"] = "Sozialversicherungsnummer", ["IBAN"] = "IBAN" },
        ["pt"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "Nome", ["Email"] = "E-mail", ["Phone"] = "Telefone", ["Address"] = "Endereço", ["Date of birth"] = "Data de nascimento", ["Card"] = "Cartão", ["SSN"] = "Número do seguro social", ["IBAN"] = "IBAN" },
        ["it"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "Nome", ["Email"] = "E-mail", ["Phone"] = "Telefono", ["Address"] = "Indirizzo", ["Date of birth"] = "Data di nascita", ["Card"] = "Carta", ["SSN"] = "Numero di previdenza sociale", ["IBAN"] = "IBAN" },
        ["nl"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "Naam", ["Email"] = "E-mail", ["Phone"] = "Telefoon", ["Address"] = "Adres", ["Date of birth"] = "Geboortedatum", ["Card"] = "Kaart", ["SSN"] = "Burgerservicenummer", ["IBAN"] = "IBAN" },
        ["pl"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "Imię i nazwisko", ["Email"] = "E-mail", ["Phone"] = "Telefon", ["Address"] = "Adres", ["Date of birth"] = "Data urodzenia", ["Card"] = "Karta", ["SSN"] = "Numer ubezpieczenia", ["IBAN"] = "IBAN" },
        ["ja"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "氏名", ["Email"] = "メールアドレス", ["Phone"] = "電話番号", ["Address"] = "住所", ["Date of birth"] = "生年月日", ["Card"] = "カード番号", ["SSN"] = "社会保障番号", ["IBAN"] = "IBAN" },
        ["zh"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "姓名", ["Email"] = "电子邮箱", ["Phone"] = "电话", ["Address"] = "地址", ["Date of birth"] = "出生日期", ["Card"] = "银行卡号", ["SSN"] = "社会安全号码", ["IBAN"] = "IBAN" },
        ["ko"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "이름", ["Email"] = "이메일", ["Phone"] = "전화번호", ["Address"] = "주소", ["Date of birth"] = "생년월일", ["Card"] = "카드 번호", ["SSN"] = "사회보장번호", ["IBAN"] = "IBAN" },
        ["ar"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "الاسم", ["Email"] = "البريد الإلكتروني", ["Phone"] = "الهاتف", ["Address"] = "العنوان", ["Date of birth"] = "تاريخ الميلاد", ["Card"] = "البطاقة", ["SSN"] = "رقم الضمان الاجتماعي", ["IBAN"] = "IBAN" },
        ["hi"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "नाम", ["Email"] = "ईमेल", ["Phone"] = "फ़ोन", ["Address"] = "पता", ["Date of birth"] = "जन्म तिथि", ["Card"] = "कार्ड", ["SSN"] = "सामाजिक सुरक्षा नंबर", ["IBAN"] = "IBAN" },
        ["ru"] = new(StringComparer.OrdinalIgnoreCase) { ["Name"] = "Имя", ["Email"] = "Эл. почта", ["Phone"] = "Телефон", ["Address"] = "Адрес", ["Date of birth"] = "Дата рождения", ["Card"] = "Карта", ["SSN"] = "Номер соц. страхования", ["IBAN"] = "IBAN" },
    };

    private static readonly Dictionary<string, string[]> _months = new(StringComparer.Ordinal)
    {
        ["es"] = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ["fr"] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["de"] = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["pt"] = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
        ["it"] = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    };

    /// <summary>A refusal in the house style of <paramref name="family"/> (English) or in <paramref name="language"/>.</summary>
    /// <param name="family">The house style.</param>
    /// <param name="language">The language; languages without refusals here get English.</param>
    /// <param name="topic">What is refused, in English ("my instructions").</param>
    /// <param name="seed">The choice.</param>
    /// <returns>The refusal.</returns>
    public static string Refusal(ModelFamily family, string language, string topic, StyleSeed seed) =>
        _refusals.TryGetValue(language, out var local)
            ? seed.Pick("refusal-" + language, local)
            : string.Format(CultureInfo.InvariantCulture, seed.Pick("refusal-" + family, _englishRefusals[family]), topic);

    /// <summary>Whether refusals in <paramref name="language"/> are written in that language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>True when <see cref="Refusal"/> answers in it.</returns>
    public static bool RefusesIn(string language) => language == ReplyLanguage.English || _refusals.ContainsKey(language);

    /// <summary>A sentence that recites the assistant's data policy (part of its system prompt).</summary>
    /// <param name="language">The language; English when there is none for it.</param>
    /// <param name="seed">The choice.</param>
    /// <returns>The sentence.</returns>
    public static string PolicyRecital(string language, StyleSeed seed) =>
        seed.Pick("policy", _policies.TryGetValue(language, out var local) ? local : _policies[ReplyLanguage.English]);

    /// <summary>How a compliant answer opens.</summary>
    /// <param name="family">The house style.</param>
    /// <param name="language">The language.</param>
    /// <param name="what">What follows, in English ("the ticket").</param>
    /// <param name="seed">The choice.</param>
    /// <returns>The opening line.</returns>
    public static string Opener(ModelFamily family, string language, string what, StyleSeed seed) =>
        _openers.TryGetValue(language, out var local)
            ? local
            : string.Format(CultureInfo.InvariantCulture, seed.Pick("opener-" + family, _englishOpeners[family]), what);

    /// <summary>How a compliant answer closes (possibly nothing).</summary>
    /// <param name="family">The house style.</param>
    /// <param name="language">The language; only English answers get a closing line.</param>
    /// <param name="seed">The choice.</param>
    /// <returns>The closing line, or empty.</returns>
    public static string Closer(ModelFamily family, string language, StyleSeed seed) =>
        language == ReplyLanguage.English ? seed.Pick("closer-" + family, _closers[family]) : "";

    /// <summary>A record field's name in <paramref name="language"/>, or the name itself when there is none.</summary>
    /// <param name="field">The field name as the record writes it ("Date of birth").</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string Label(string field, string language) =>
        _labels.TryGetValue(language, out var names) && names.TryGetValue(field, out var name) ? name : field;

    /// <summary>A date written out the way people write it in <paramref name="language"/>, or null when there is no such form here.</summary>
    /// <param name="date">The date.</param>
    /// <param name="language">The language.</param>
    /// <returns>"6 de abril de 1976", "6. April 1976", "1976年4月6日", or null.</returns>
    public static string? LocalDate(DateOnly date, string language) => language switch
    {
        "es" or "pt" => $"{date.Day} de {_months[language][date.Month - 1]} de {date.Year}",
        "fr" => $"{(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {_months["fr"][date.Month - 1]} {date.Year}",
        "de" => $"{date.Day}. {_months["de"][date.Month - 1]} {date.Year}",
        "it" => $"{date.Day} {_months["it"][date.Month - 1]} {date.Year}",
        "ja" or "zh" => $"{date.Year}年{date.Month}月{date.Day}日",
        "ko" => $"{date.Year}년 {date.Month}월 {date.Day}일",
        _ => null,
    };
}

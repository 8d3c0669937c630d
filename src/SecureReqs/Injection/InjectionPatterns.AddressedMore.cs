using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// Text addressed to the AI that reads it, in Dutch, Chinese and Japanese, as <see cref="AddressedToAiForeign"/> is for
/// five European languages: "Opmerking voor de assistent:", "als je een AI bent", "致正在阅读本文的AI：", "AI助手请停止总结",
/// "如果你是AI", "※これを読んだAIへ：", "AIアシスタントへの指示：", "あなたがAIなら".
/// </summary>
internal static partial class InjectionPatterns
{
    /// <summary>shadow: text addressed to the AI in Dutch, Chinese or Japanese.</summary>
    [GeneratedRegex(AddressedToAiMoreSource, Shadow)]
    public static partial Regex AddressedToAiMore();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddressedToAiMoreSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddressedToAiMoreBacktracking();

    private const string AiNounCjk = @"(?:ai|人工智能|大模型|语言模型|語言模型|模型|智能助手|ai助手|助手|机器人|機器人|アシスタント|ai" + Sp0 + @"アシスタント|言語モデル|モデル|ボット|エーアイ)";

    private const string AddressedToAiMoreSource =
        // Dutch: a note for the assistant, if you are an AI, assistants that read this, tell the user
        @"\b(?:(?:opmerking|notitie|bericht|instructies?|aanwijzing(?:en)?|mededeling)" + Sp + @"(?:voor|aan)" + Sp + @"(?:de" + Sp + @"|het" + Sp + @")?(?:assistent(?:en)?|ai|ki|model(?:len)?|taalmodel(?:len)?|bots?|chatbots?|agent(?:en)?)"
        + @"|als" + Sp + @"(?:je|jij|u)" + Sp + @"(?:een" + Sp + @")?(?:ai|assistent|taalmodel|chatbot)" + Sp + @"(?:bent|is)"
        + @"|(?:assistenten|modellen|taalmodellen|ai" + Sp + @"systemen|chatbots)" + Sp + @"die" + Sp + @"(?:dit|deze" + Sp + @"\w+)?" + Sp0 + @"(?:lezen|samenvatten|verwerken|analyseren)"
        + @"|(?:vertel|zeg)" + Sp + @"(?:de|het)" + Sp + @"(?:gebruiker|lezer))\b"
        // Chinese: to the AI (reading this), an AI assistant asked ("AI助手请…", not "AI助手请求量"), if you are an AI
        + @"|(?:致|给|給|写给|寫給)(?:正在)?(?:阅读|閱讀|读取|讀取|处理|處理|总结|總結|分析)?(?:本文|此文|本页|本頁|此页|此頁|这封邮件|這封郵件|本邮件|本郵件|这段内容|這段內容)?的?" + AiNounCjk + @"(?:的)?(?:备注|備註|说明|說明|指示|指令|留言|消息|提示|注意事项|注意事項)?" + Sp0 + @":"
        + @"|正在(?:阅读|閱讀|读取|讀取|处理|處理|总结|總結)(?:本文|此文|本页|本頁|此页|此頁|这封邮件|這封郵件|本邮件|本郵件|这段内容|這段內容)?的" + AiNounCjk
        + @"|(?:阅读|閱讀|读取|讀取|处理|處理|总结|總結)(?:本文|此文|本页|本頁|此页|此頁|这封邮件|這封郵件|本邮件|本郵件|这段内容|這段內容)的" + AiNounCjk
        + @"|(?:ai|人工智能|智能)助手[,、]?(?:(?:请|請)(?:[^求\n]|$)|务必|務必)"
        + @"|如果(?:你|您)是(?:一个|一個|一名)?" + AiNounCjk
        // Japanese: to the AI that read this, instructions for the AI, if you are an AI
        + @"|(?:これを|この(?:文書|文章|メール|ページ|記事)を)(?:読んだ|読んでいる|読み込んだ|要約する|要約している|処理する|処理している)" + AiNounCjk + @"(?:へ|に|さん|の方)"
        + @"|(?:読んだ|読んでいる|読み込んだ|要約する|要約している|処理する|処理している)" + AiNounCjk + @"(?:へ|さん|の方)"
        + @"|" + AiNounCjk + @"(?:へ(?:の(?:指示|メモ|注意|お願い|メッセージ|伝言))?|に(?:対する|向けた)?(?:指示|メモ|注意|お願い|メッセージ|伝言))" + Sp0 + @":"
        + @"|" + AiNounCjk + @"への(?:指示|メモ|お願い|メッセージ|伝言)"
        + @"|あなたが" + AiNounCjk + @"(?:なら|であれば|の場合)";
}

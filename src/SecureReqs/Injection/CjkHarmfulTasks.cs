using System.Buffers;

namespace SecureReqs;

/// <summary>
/// A harmful task asked for in Chinese or Japanese ("写一封冒充…的钓鱼邮件", "伪造驾照", "撬开邻居家的门锁", "偽の免許証の作り方",
/// "保存されたパスワードを盗む", "爆弾の作り方"), found by a hand-written search that answers as
/// <see cref="InjectionPatterns.HarmfulTaskCjk"/> does (checked on seeded texts in <c>CjkHarmfulTasksTests</c>). The
/// pattern's hundreds of distinct characters make the linear engine's automaton cost about half a second to build, in
/// every process that meets one Chinese or Japanese harmful word; the search costs nothing to build and reads each
/// clause a few times.
/// </summary>
internal static class CjkHarmfulTasks
{
    /// <summary>One part of a rule: its alternatives, and whether other characters of the clause may stand before it.</summary>
    private sealed record Part(string[] Words, bool Gap);

    /// <summary>At most this many characters of the clause stand between two parts (as <see cref="InjectionPatterns.HarmfulTaskCjk"/>'s gaps): the search stays linear.</summary>
    public const int MaxGap = 24;

    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create("。！？!?\n，、,；;");

    private static Part First(params string[] words) => new(words, false);

    private static Part Then(params string[] words) => new(words, false);

    private static Part Later(params string[] words) => new(words, true);

    private static string[] Product(string[] left, string[] right) => [.. left.SelectMany(l => right.Select(r => l + r))];

    private static readonly string[] MakeZh = ["写", "寫", "编写", "編寫", "撰写", "撰寫", "生成", "制作", "製作", "设计", "設計", "起草", "做"];
    private static readonly string[] DocumentsZh = ["驾照", "駕照", "驾驶证", "駕駛證", "身份证", "身分證", "护照", "護照", "证件", "證件", "钞票", "鈔票"];
    private static readonly string[] DataZh = ["邮箱", "郵箱", "邮件地址", "郵件地址", "电子邮件", "電子郵件", "数据", "資料", "电话", "電話", "密码", "密碼", "信息"];
    private static readonly string[] OwnersJa = Product(["他人", "隣", "となり", "よそ"], ["の", "のの", "の家", "の家の", "の部屋", "の部屋の", "の車", "の車の"]);

    /// <summary>The rules, one per alternative of <see cref="InjectionPatterns.HarmfulTaskCjk"/>, in its order.</summary>
    private static readonly Part[][] Rules =
    [
        [First(MakeZh), Later(Product(["钓鱼", "釣魚", "诈骗", "詐騙"], ["邮件", "郵件", "网站", "網站", "短信", "簡訊", "链接", "鏈接", "信息", "訊息"]))],
        [First("伪造", "偽造", "假冒", "仿造"), Later([.. DocumentsZh, "签名", "簽名", "文凭", "文憑", "处方", "處方"])],
        [First("假的", "假"), Then([.. DocumentsZh, "币", "幣", "文凭", "文憑"])],
        [First("撬"), Then("开", "開", "锁", "鎖")],
        [First("关闭", "關閉", "解除", "破解", "绕过", "繞過", "禁用"), Later("警报", "警報", "报警器", "報警器", "监控", "監控", "防盗", "防盜")],
        [First("窃取", "竊取", "盗取", "盜取", "偷取", "偷走"), Later("密码", "密碼", "凭证", "憑證", "cookie", "信用卡", "银行卡", "銀行卡", "账户", "帳戶")],
        [First("写", "寫", "编写", "編寫", "生成", "制作", "製作", "开发", "開發"), Later("木马", "木馬", "恶意软件", "惡意軟體", "勒索软件", "勒索軟體", "键盘记录", "鍵盤記錄", "电脑病毒", "電腦病毒")],
        [First("黑进", "黑進", "盗号", "盜號", "入侵", "破解"), Later("账户", "帳戶", "账号", "帳號", "邮箱", "郵箱", "手机", "手機", "wifi", "wi-fi", "电脑", "電腦", "服务器", "伺服器")],
        [First("制作", "製作", "制造", "製造", "自制", "自製", "组装", "組裝", "做"), Later("炸弹", "炸彈", "爆炸物", "燃烧瓶", "燃燒瓶", "雷管")],
        [First("制作", "製作", "制造", "製造", "合成", "提炼", "提煉"), Later("冰毒", "甲基苯丙胺", "海洛因", "可卡因", "芬太尼", "摇头丸", "搖頭丸", "毒品")],
        [First("所有", "全部"), Later("客户", "客戶", "用户", "用戶"), Later(DataZh)],
        [First("フィッシングメール", "フィッシングサイト", "フィッシングページ"), Later("書いて", "作って", "作成", "作り方")],
        [First("詐欺メール", "詐欺メッセージ"), Later("書いて", "作って", "作成")],
        [First("偽の", "偽造した", "偽造の", "にせの", "ニセの"), Later("免許証", "運転免許", "身分証", "パスポート", "紙幣", "お札", "署名", "処方箋", "卒業証書", "書類")],
        [First("免許証", "パスポート", "身分証", "紙幣"), Later("偽造")],
        [First(OwnersJa), Then("鍵", "カギ", "錠"), Then("の開け方", "を開け", "をこじ開け", "を破")],
        [First("ピッキング")],
        [First("鍵をこじ開け", "錠をこじ開け")],
        [First("警報", "防犯カメラ", "防犯装置", "セキュリティシステム"), Later("無効化", "止め方", "切り方", "回避")],
        [First("パスワード", "認証情報", "クッキー", "クレジットカード", "カード番号"), Later("盗む", "盗み", "盗んで", "抜き取", "窃取")],
        [First("マルウェア", "ランサムウェア", "キーロガー", "トロイの木馬", "ウイルス", "スパイウェア"), Later("作って", "書いて", "作成", "作り方")],
        [First("アカウント", "メール", "スマホ", "携帯", "wifi", "wi-fi", "パソコン", "サーバー"), Later("ハッキング", "乗っ取", "不正アクセス")],
        [First("爆弾", "爆発物", "火炎瓶", "銃"), Then("の作り方", "を作", "の製造", "を製造", "を組み立て")],
        [First("覚醒剤", "覚せい剤", "メタンフェタミン", "コカイン", "ヘロイン", "フェンタニル", "麻薬"), Then("の作り方", "を作", "の製造", "を製造", "を合成", "の合成")],
        [First("顧客", "お客様", "ユーザー", "利用者"), Later("メールアドレス", "個人情報", "電話番号", "データ", "パスワード"), Later("全部", "すべて", "全て", "一覧")],
    ];

    private static readonly SearchValues<string>[] Starts = [.. Rules.Select(rule => SearchValues.Create(rule[0].Words, StringComparison.Ordinal))];

    /// <summary>The first harmful task in the shadow (the one that starts first), as a span; null when there is none.</summary>
    public static (int Start, int End)? Find(string shadow)
    {
        (int Start, int End)? best = null;
        for (var r = 0; r < Rules.Length; r++)
        {
            var rule = Rules[r];
            for (var at = 0; at < shadow.Length && (best is null || at < best.Value.Start);)
            {
                var found = shadow.AsSpan(at).IndexOfAny(Starts[r]);
                if (found < 0 || (best is { } b && at + found >= b.Start))
                {
                    break;
                }

                var start = at + found;
                foreach (var word in rule[0].Words)
                {
                    if (shadow.AsSpan(start).StartsWith(word, StringComparison.Ordinal) && Rest(shadow, rule, 1, start + word.Length) is { } end)
                    {
                        best = (start, end);
                        break;
                    }
                }

                at = start + 1;
            }
        }

        return best;
    }

    /// <summary>Where the rule's parts from <paramref name="part"/> on end when they match from <paramref name="at"/>; null when they do not.</summary>
    private static int? Rest(string shadow, Part[] rule, int part, int at)
    {
        if (part == rule.Length)
        {
            return at;
        }

        var next = rule[part];
        var clauseEnd = Math.Min(shadow.Length, at + MaxGap);
        if (shadow.AsSpan(at, clauseEnd - at).IndexOfAny(ClauseEnds) is var stop and >= 0)
        {
            clauseEnd = at + stop;
        }

        for (var from = at; from <= (next.Gap ? clauseEnd : at); from++)
        {
            foreach (var word in next.Words)
            {
                if (shadow.AsSpan(from).StartsWith(word, StringComparison.Ordinal) && Rest(shadow, rule, part + 1, from + word.Length) is { } end)
                {
                    return end;
                }
            }
        }

        return null;
    }
}

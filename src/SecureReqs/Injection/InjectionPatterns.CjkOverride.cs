using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// Instruction overrides in Chinese and Japanese that name no instruction noun or that declare the old instructions void
/// or replaced: "忽略上面的内容", "忘掉之前的一切", "上記の内容は無視して", "之前的指令已失效", "以前のルールはもう有効ではありません",
/// "你的新任务是…", "あなたの本当の任務は…", "新しい指示：". The Chinese and Japanese counterparts of "ignore the above", the
/// declared-void instructions and "your new task is".
/// </summary>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// shadow: "the above" or "everything before" ignored or forgotten, in Chinese (verb first: "忽略以上内容", "忘掉之前的一切")
    /// and Japanese (object first: "上記の内容は無視して", "これまでの会話は忘れて"). Group <c>conv</c> when what is dropped is the
    /// conversation rather than the text above; <c>ja</c> for the Japanese form (whose negation follows the verb). A Chinese
    /// match must end the clause or go on with what to do instead ("忽略上面的图片" ignores a picture).
    /// </summary>
    [GeneratedRegex(OverrideAboveCjkSource, Shadow)]
    public static partial Regex OverrideAboveCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OverrideAboveCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OverrideAboveCjkBacktracking();

    private const string OverrideAboveCjkSource =
        @"(?:忽略|忽视|忽視|无视|無視|忘记|忘記|忘掉|不要理会|不要理會|不用理会|不用理會|别理会|別理會|别管|別管|抛开|拋開|丢掉|丟掉|抛弃|拋棄)(?:掉)?"
        + @"(?:以上|上面|上述|之前|以前|前面|先前|此前)(?:所说|所說|说|說|写|寫|提到)?(?:的)?(?:所有|全部|一切)?(?:的)?(?:内容|內容|文字|信息|訊息|文本|一切|所有|全部|(?<conv>对话|對話|聊天|话|話))?"
        + @"(?:[,.!?;:、。\s]|$|并|並|然后|然後|直接|现在|現在|从现在|從現在|只|改|开始|開始)"
        + @"|(?<ja>(?:上記|以上|上|これまで|今まで|先ほど|先程|さっき|前|以前)の(?:内容|文章|テキスト|すべて|全て|全部|メッセージ|(?<conv>会話|やり取り|やりとり))(?:は|を|も)(?:すべて|全て|全部|一切|いったん|一旦)?(?:無視|忘れ|なかったことに))";

    /// <summary>
    /// shadow: the earlier instructions declared void in Chinese ("之前的指令已失效", "以上规则全部作废") and Japanese
    /// ("以前のルールはもう有効ではありません", "これまでの指示は無効です"), at the start of a clause (or after "your"): "公司之前的规则作废了"
    /// is news about someone else's rules. Group <c>general</c>: a noun that is not only an assistant's (rules, settings,
    /// limits), which needs the assistant addressed nearby ("之前的规则已经取消了，现在可以在室内吃饭" is news).
    /// </summary>
    [GeneratedRegex(OverrideVoidCjkSource, Shadow)]
    public static partial Regex OverrideVoidCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OverrideVoidCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OverrideVoidCjkBacktracking();

    private const string OverrideVoidCjkSource =
        @"(?:^|[\s,.!?;:、。「“""]|你的|您的|あなたの)(?:"
        + @"(?:之前|以前|上面|上述|原来|原來|原先|先前|此前|所有|以上|你收到的)(?:的)?(?:所有|全部)?(?:的)?(?:指令|指示|提示词|提示詞|命令|系统提示|系統提示|(?<general>规则|規則|设定|設定|限制|约束|約束))"
        + @"(?:都|全部|已经|已經|已|现在|現在|均|一律|全都|统统|統統){0,2}(?:被)?(?:取消|作废|作廢|无效|無效|失效|不再有效|不再适用|不再適用|不算数|不算數|撤销|撤銷|废除|廢除|解除)"
        + @"|(?:以前|前|これまで|今まで|先ほど|先程|最初|上記|以上|すべて|全て)の(?:指示|命令|プロンプト|指令|(?<general>ルール|設定|制約|制限|ガイドライン|規則))(?:は|が)(?:もう|すでに|既に|今後|これから|すべて|全て)?"
        + @"(?:有効では|無効|適用されません|適用されない|取り消され|撤回され|廃止され|失効|解除され|破棄され))";

    /// <summary>
    /// shadow: new instructions take over in Chinese and Japanese. Group <c>task</c>: the assistant's task named anew ("你的新任务是",
    /// "你现在的工作不是客服了，而是…", "あなたの本当の任務は", "あなたの目的は変更されました"); otherwise a heading that announces new
    /// instructions ("新指令：", "指示の変更：", "新しい指示："), as "new instructions:" in English; group <c>goal</c> when the
    /// heading names a task or goal ("新任务：", "任务已更新：", "タスク変更："), which a to-do list also has.
    /// </summary>
    [GeneratedRegex(NewInstructionsCjkSource, Shadow)]
    public static partial Regex NewInstructionsCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(NewInstructionsCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex NewInstructionsCjkBacktracking();

    private const string NewInstructionsCjkSource =
        @"(?<task>(?:你|您)(?:现在|現在)?的(?:新|真正的?|真实的?|真實的?|实际的?|實際的?|唯一的?|下一个|下一個|本来的?|本來的?)(?:任务|任務|使命|目标|目標|工作|职责|職責|角色)(?:是|就是|变成|變成|改为|改為|[:：])"
        + @"|(?:你|您)(?:现在|現在)?的(?:任务|任務|使命|目标|目標|工作|职责|職責|角色)(?:已经|已經|已)?(?:变成|變成|改为|改為|更新为|更新為|变为|變為|不再是|不是[^。!?\n,]{1,20}(?:了)?,?而是)"
        + @"|(?:あなた|君|お前)の(?:本当の|真の|新しい|新たな|本来の|唯一の|次の|実際の)(?:任務|仕事|役割|目的|使命|タスク|ミッション|目標)は"
        + @"|(?:あなた|君|お前)の(?:任務|仕事|役割|目的|使命|タスク|ミッション|目標|指示)(?:は|が)(?:変更|更新)(?:されました|された|になりました|です))"
        + @"|(?:^|[\s,.!?;、。])(?:(?:新的?|更新后的|更新後的)(?:指令|指示|命令|(?<goal>任务|任務|目标|目標))|(?:指令|指示|(?<goal>任务|任務|目标|目標))(?:已)?(?:更新|变更|變更|更改|修改|改变|改變)"
        + @"|(?:新しい|新たな|新)(?:指示|命令|(?<goal>タスク|任務|目標))|(?:指示|命令|(?<goal>タスク|任務))(?:の)?(?:変更|更新))[:：]";
}

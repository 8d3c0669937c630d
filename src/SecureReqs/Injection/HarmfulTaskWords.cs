using System.Buffers;

namespace SecureReqs;

/// <summary>
/// The words around a harmful task (<see cref="InjectionPatterns.HarmfulTask"/>) that decide whether it is a jailbreak:
/// the frame that dresses it up, a video game that makes it a move of the game, and the words that ask for its method.
/// Word lists looked up in <see cref="InjectionGates.Words"/> (letters and digits, single spaces, a space at each end), so
/// a leading space is the start of a word and a trailing one its end; Chinese and Japanese entries are found anywhere.
/// Lists, not patterns: a pattern of this many alternatives costs the linear engine a few hundred milliseconds to build
/// in every process that meets one harmful task, and the lists cost nothing.
/// </summary>
internal static class HarmfulTaskWords
{
    /// <summary>
    /// A frame around a task, in nine languages: a story, novel, poem or scene; a role-playing game, its game master or a
    /// character; a grandmother telling it; a thought experiment or hypothetical; "imagine", "suppose", "pretend"; a
    /// purpose meant to excuse ("for a training", "for educational purposes"); a claimed profession ("police",
    /// "security researcher"); a demand that it work "in real life".
    /// </summary>
    public static readonly SearchValues<string> Frames = SearchValues.Create(
        [
            " simulat", " hypothetical", " fiction", " imaginary", " alternate reality", " alternate universe", " alternate world", " parallel universe",
            " parallel world", " story ", " stories ", " novel ", " novels ", " roleplay", " role play", " rpg ", " d d ", " dnd ", " let s play", " grandma",
            " grandmother", " grandpa", " grandfather", " granny", " dungeon master", " game master", " pretend", " imagine", " suppose", " supposing",
            " what if ", " let s say", " thought experiment", " philosophical exercise", " screenplay", " poem", " song ", " lyrics", " dialogue", " chapter",
            " scene", " narrat", " in character", " in that world", " in that role", " in that universe", " villain", " protagonist", " for educational purposes",
            " for research purposes", " for academic purposes", " for training purposes", " purely academic", " purely theoretical", " purely hypothetical",
            " in real life", " police", " cop ", " detective", " security researcher", " pentester", " penetration tester", " investigator",
            " rollenspiel", " spielleiter", " spielen", "geschichte", " oma ", " grossmutter", " roman ", " romans ", " kapitel", " szene", " gedankenexperiment",
            " angenommen", " stell dir vor", " stellen sie sich vor", " tu so als", " figur", " charakter", " gedicht", " drehbuch", " schulung", " bildungszwecken",
            " forschungszwecken", " hypothetisch", " fiktiv", " theaterstuck", " in dieser rolle", " im echten leben", " in der realitat", " polizist", " ermittler",
            " sicherheitsforscher",
            " jouons", " on joue", " jeu de role", " maitre du jeu", " grand mere", " mamie", " personnage", " histoire", " recit", " chapitre", " experience de pensee",
            " admettons", " imagin", " suppos", " fais semblant", " faisons semblant", " poeme", " scenario", " formation", " fins educatives", " fins pedagogiques",
            " hypothetique", " fictif", " fictive", " dans ce role", " dans la vraie vie", " policier", " enqueteur", " chercheur",
            " juguemos", " juego de rol", " abuela", " abuelo", " personaje", " novela", " relato", " capitulo", " escena", " experimento mental", " supon",
            " haz como si", " finge", " fingir", " poema", " dialogo", " guion", " capacitacion", " fines educativos", " hipotetic", " ficticio", " ficcion",
            " desde ese papel", " en ese papel", " en la vida real", " policia", " investigador",
            " giochiamo", " gioco di ruolo", " nonna", " nonno", " personaggio", " romanzo", " storia", " racconto", " capitolo", " esperimento mentale", " immagin",
            " suppon", " fai finta", " fingi", " poesia", " sceneggiatura", " formazione", " fini educativi", " fini didattici", " ipotetic", " finzione",
            " in quel ruolo", " nella vita reale", " poliziotto", " investigatore",
            " vamos jogar", " jogo de rpg", " mestre do jogo", " avo ", " avozinha", " personagem", " livro", " conto ", " cena ", " experiencia mental",
            " faz de conta", " roteiro", " guiao", " formacao", " treinamento", " fins educativos", " ficcao", " nesse papel", " na vida real",
            " laten we", " rollenspel", " spelleider", " opa ", " personage", " verhaal", " hoofdstuk", " gedachte experiment", " gedachtenexperiment", " stel dat",
            " stel je voor", " doe alsof", " dialoog", " educatieve doeleinden", " fictief", " fictieve", " in die rol", " in het echt", " ik ben agent", " rechercheur",
            "角色扮演", "扮演", "奶奶", "外婆", "祖母", "游戏", "遊戲", "小说", "小說", "故事", "剧本", "劇本", "章节", "章節", "场景", "場景", "假设", "假設", "假如",
            "想象", "想像", "思想实验", "思想實驗", "对话", "對話", "诗", "詩", "培训", "培訓", "教育目的", "研究目的", "虚构", "虛構", "现实中", "現實中", "聊天机器人",
            "ロールプレイ", "ゲーム", "おばあちゃん", "trpg", "小説", "物語", "ストーリー", "脚本", "シナリオ", "場面", "シーン", "仮定", "思考実験", "対話", "会話",
            "研修", "架空", "フィクション", "現実で", "になりきって", "その世界", "キャラ", "悪役",
        ],
        StringComparison.Ordinal);

    /// <summary>
    /// Occasions that excuse a task when a purpose ("for") comes before them within two words: "for a training", "for my
    /// cybersecurity class" (but not "skip the moral lecture", "a training plan for runners").
    /// </summary>
    public static readonly SearchValues<string> Occasions = SearchValues.Create(
        [" training ", " trainings ", " class ", " course ", " workshop ", " lecture ", " seminar ", " thesis ", " paper ", " presentation "],
        StringComparison.Ordinal);

    /// <summary>Whether the words hold a frame (<see cref="Frames"/>), or an occasion after "for" (<see cref="Occasions"/>).</summary>
    public static bool HasFrame(ReadOnlySpan<char> words)
    {
        if (words.IndexOfAny(Frames) >= 0)
        {
            return true;
        }

        for (var at = 0; at < words.Length;)
        {
            var found = words[at..].IndexOfAny(Occasions);
            if (found < 0)
            {
                return false;
            }

            var index = at + found;
            var before = words[Math.Max(0, index - 24)..(index + 1)];
            if (before.Contains(" for ", StringComparison.Ordinal) && PurposeWithinTwoWords(before))
            {
                return true;
            }

            at = index + 1;
        }

        return false;
    }

    /// <summary>Whether " for " is one of the last three words before the occasion ("for a X", "for my cybersecurity X").</summary>
    private static bool PurposeWithinTwoWords(ReadOnlySpan<char> before)
    {
        var spaces = 0;
        for (var i = before.Length - 2; i >= 0 && spaces < 4; i--)
        {
            if (before[i] != ' ')
            {
                continue;
            }

            spaces++;
            if (before[i..].StartsWith(" for ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Words that turn a harmful task into its defence: recognising, avoiding, reporting or protecting against it, in the
    /// nine languages, at the start of a word ("spotting", not "despot"); the short prepositions as whole words ("contra",
    /// not "contraseña"). Not "warn": "a fake bank warning" is the attack.
    /// </summary>
    public static readonly SearchValues<string> Defences = SearchValues.Create(
        [
            " recogni", " spot", " detect", " identif", " avoid", " report", " awareness", " protect", " against ", " prevent", " defen", " block",
            " attention", " careful", " safe from", " erkenn", " vermeid", " schutz", " melde", " vorsicht", " gegen ", " reconna", " evite",
            " eviter", " signale", " proteg", " contre ", " sensibilis", " prevenir", " reconoc", " evitar", " denunci", " contra ", " cuidado",
            " riconosc", " rilev", " evitare", " segnal", " protegg", " contro ", " reconhec", " detet", " atencao", " herken", " vermijd", " melden",
            " bescherm", " tegen ", " oppassen", "识别", "識別", "防范", "防範", "防止", "预防", "預防", "举报", "舉報", "检测", "檢測", "提防",
            "見分け", "見抜", "防ぐ", "対策", "识破", "識破", "辨别", "辨別", "鉴别", "鑑別", "看穿", "検出", "注意", "通報",
        ],
        StringComparison.Ordinal);

    /// <summary>A video or board game named, where "steal a car" and "build a bomb" are moves of the game ("in GTA", "in Minecraft").</summary>
    public static readonly SearchValues<string> Games = SearchValues.Create(
        [
            " minecraft", " fortnite", " gta ", " grand theft auto", " call of duty", " skyrim", " the sims", " roblox", " lego", " zelda", " counter strike",
            " counterstrike", " valorant", " in game", " ingame", " video game", " videogame", " videospiel", " jeu video", " jeux video", " videojuego",
            " videogioc", " board game", " boardgame", " chess", " checkers",
        ],
        StringComparison.Ordinal);

    /// <summary>
    /// Words that ask for a task's method or for it to be real, in nine languages: "how to", "explain", "step by step",
    /// "in detail", "convincing", "tell me", "wie man", "comment", "paso a paso", "dimmi", "hoe", "如何", "作り方"; or code as
    /// the product ("a program that …"). A story in which a character picks a lock has none; one in which a character
    /// explains how to pick one has.
    /// </summary>
    public static readonly SearchValues<string> InstructionCues = SearchValues.Create(
        [
            " how to ", " how do ", " how does ", " how did ", " how can ", " how could ", " how would ", " how should ", " how one ", " how you ", " how i ",
            " how we ", " how he ", " how she ", " how they ", " how someone ", " how somebody ", " how people ", " explain", " describ", " step by step", " steps ",
            " in detail", " in full detail", " detailed", " details ", " instruction", " tutorial", " guide ", " recipe", " exact ", " exactly", " precise",
            " accurate", " in real life", " realistic", " real steps", " real example", " real instructions", " real world", " working ", " that works",
            " actually work", " believable", " convincing", " tell me", " give me", " show me", " teach me", " send me", " walk me through", " list ", " code ",
            " script", " program ",
            " wie man ", " wie ich ", " wie du ", " wie er ", " wie sie ", " wie wir ", " wie jemand ", " erklar", " beschreib", " schritt fur schritt", " schritte",
            " im detail", " detailliert", " genau ", " anleitung", " rezept", " echte", " echten ", " realistisch", " glaubwurdig", " tauschend", " funktionier",
            " nenn mir", " nenne mir", " gib mir", " zeig mir", " zeige mir", " sag mir", " sage mir", " schick mir", " schicke mir", " programm", " skript",
            " comment ", " expliqu", " decri", " etape par etape", " etapes", " en detail", " detaille", " tutoriel", " recette", " precis", " reel", " realiste",
            " credible", " convaincant", " dis moi", " donne moi", " montre moi", " envoie moi", " programme ", " logiciel",
            " como ", " explica", " paso a paso", " pasos ", " en detalle", " detallad", " instrucciones", " guia ", " receta", " exacto", " exacta", " real ",
            " reales", " realista", " creible", " convincente", " dame ", " dime ", " muestrame", " ensename", " programa ", " codigo",
            " come si ", " come fare", " come posso", " come faccio", " come pu", " spieg", " descriv", " passo per passo", " passo dopo passo", " passaggi", " dettagli", " istruzioni", " guida", " ricetta", " esatt",
            " reale ", " reali ", " realistic", " credibile", " dammi", " dimmi", " mostrami", " insegnami", " elenca", " programma ", " codice",
            " expli", " descrev", " passos", " pormenor", " detalh", " instrucoes", " receita", " exat", " reais", " credivel", " da me ", " diz me ", " mostra me ",
            " ensina me ", " lista ",
            " hoe ", " leg uit", " uitleg", " beschrijf", " stap voor stap", " stappen", " gedetailleerd", " instructies", " handleiding", " recept", " precies",
            " echt ", " echte ", " geloofwaardig", " overtuigend", " geef me", " vertel", " noem",
            "怎么", "怎樣", "怎样", "如何", "方法", "步骤", "步驟", "详细", "詳細", "教我", "告诉我", "告訴我", "给我", "給我", "具体", "具體", "真实", "真實", "逼真",
            "配方", "代码", "代碼", "程序", "程式", "列出",
            "やり方", "作り方", "開け方", "手順", "詳しく", "具体的", "教えて", "リアル", "本物", "コード", "プログラム", "一覧", "書いて", "説明", "出して", "見せて",
            "送って", "貼って", "リスト",
        ],
        StringComparison.Ordinal);

    /// <summary>
    /// Verbs that make a harmful task's product, as the first word of its match, in an imperative or infinitive ("write a
    /// phishing e-mail", "make a pipe bomb", "schreib eine Phishing-Mail", "fabriquer une bombe"): the product is the harm.
    /// </summary>
    public static readonly HashSet<string> MakeVerbs = new(
        [
            "write", "draft", "compose", "craft", "create", "generate", "make", "produce", "design", "build", "code", "program", "develop", "prepare", "assemble",
            "construct", "manufacture", "synthesize", "synthesise", "cook", "forge", "falsify", "counterfeit",
            "schreib", "schreibe", "verfasse", "erstelle", "entwirf", "bau", "baue", "programmiere", "entwickle", "bastle", "herstellen", "bauen", "schreiben",
            "erstellen",
            "redige", "redigez", "rediger", "ecris", "ecrivez", "ecrire", "cree", "creez", "creer", "composez", "preparez", "genere", "generez", "codez", "coder",
            "programmez", "fabriquer", "fabrique", "fabriquez", "construire", "construis", "construisez", "synthetiser", "falsifier",
            "escribe", "escriba", "escribir", "redacta", "redacte", "redactar", "crea", "crear", "genera", "haz", "haga", "hacer", "prepara", "elabora", "programa",
            "fabricar", "fabrica", "construir", "construye", "arma", "armar", "sintetizar", "cocinar", "falsificar",
            "scrivi", "scriva", "scrivere", "redigi", "creare", "componi", "fai", "fare", "programma", "sviluppa", "costruire", "costruisci", "fabbricare",
            "fabbrica", "sintetizzare", "falsificare",
            "escreve", "escreva", "escrever", "redija", "cria", "crie", "criar", "gera", "gere", "faz", "faca", "fazer", "programe", "montar",
            "schrijf", "maak", "maken", "ontwerp", "genereer", "bouw", "programmeer", "vervals", "vervalsen",
        ],
        StringComparer.Ordinal);

    /// <summary>Chinese verbs that make a harmful task's product, at the start of its match ("制作炸弹", "写一封钓鱼邮件").</summary>
    public static readonly string[] MakeVerbsCjk = ["写", "寫", "编写", "編寫", "撰写", "撰寫", "生成", "制作", "製作", "制造", "製造", "设计", "設計", "起草", "做", "自制", "自製", "组装", "組裝", "合成", "伪造", "偽造"];

    /// <summary>Whether a harmful task's match begins with making its product.</summary>
    public static bool StartsWithMakeVerb(ReadOnlySpan<char> task)
    {
        var end = 0;
        while (end < task.Length && char.IsAsciiLetterLower(task[end]))
        {
            end++;
        }

        if (end > 0)
        {
            return MakeVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(task[..end]);
        }

        foreach (var verb in MakeVerbsCjk)
        {
            if (task.StartsWith(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

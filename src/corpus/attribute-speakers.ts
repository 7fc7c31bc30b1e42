/**
 * Who says each paragraph of a transcript, with a confidence and the evidence. Runs once per
 * transcript at start-up, after parsing.
 *
 * The cast comes from the text: speakers the title or introduction names, explicit labels
 * (`イリヤ: …`, `【Name】`, `Q:`), the host's self-introduction (「これはXポッドキャストです」), the
 * byline of a monologue, and people a narrator quotes. Then the paragraphs are read in order as
 * turns:
 * - a label starts a turn that runs over the following unlabelled lines until the next label or a
 *   clear change of speaker — unless the labelled line's content is plainly the other side's (a
 *   welcome addressed to the labelled person, answered with thanks), in which case content wins;
 *   where labels mark every turn (two people labelled again and again, no long unlabelled stretch)
 *   an unlabelled line, question or reply, is the last label's, up to a break in the programme
 *   (a rule, 「（エンディング曲）」); a part with a letter (学生A:, 参加者2:) labels a speaker too;
 * - a question ends a turn and the next line answers it, by the person the question named
 *   (「セバスチャン、…どう思いますか?」) or, with one guest, by that guest;
 * - a question line after a guest's answer is the host's; an opening such as 「そうですね」 or a short
 *   interjection hands the floor over; an opening such as 「ですから」 keeps it;
 * - a turn whose speaker the order leaves open is settled by its content: a person it names in the
 *   third person (「ネイサンが言ったように」) did not say it, and a self-description (「私の本」)
 *   points at the person the introduction described with it;
 * - quoted speech a narrator attributes (「Xが出てきて…話した。」「…」, 「X氏は「…」と語った。」, or in
 *   minutes 「X部長は「…」と発言。」) is X's;
 * - regulars who join by saying who they are (「どうも、ユウトです。」) are cast members; among them
 *   anyone may ask, so only the answer to someone asked by name is given by order, not the question
 *   nor the lines after the answer;
 * - a text with no labels and no named host that presents one guest, speaks to them by name (or has
 *   them say who they are) and answers a run of short questions is an interview: the answers are
 *   the guest's, the host's lines stay unknown;
 * - a printed interview whose questions open with 「――」 gives the unlabelled answers to the one it
 *   presents with a reading (大川一郎（おおかわ・いちろう）) or addresses, never to the byline;
 * - a documentary's markers alone on a line (（野口さん）, （ナレーション）) say who speaks next.
 * A field of an info box (定休日：…) is no label. A council record's marks (○市長（西岡実君）) and a saved
 * chat's senders (12:03:15 From 田中 to Everyone:) are labels; a name in hiragana (こてつ：) is one among other
 * labels. Names the text itself says are one person — a legend (ミオ＝日向 澪), a bracketed other spelling
 * or reading, credits at the top naming who plays a part (解説：宮坂 徹) — are one speaker.
 * Where the evidence is weak the paragraph stays unknown (speaker null): a wrong name is worse than
 * none. Confidence decays along a long turn, since every line is another chance of a missed change.
 */
import type { Paragraph, SourceLine, SpeakerEvidence, Transcript } from './types.js';
import { aliasKey, aliasesOf, HONORIFIC, isLatinSpelling, mergeCast, nameMatch, nameParts, ORGANISATION, RANK_WORD, withoutHonorific, type CastMember } from './speaker-aliases.js';
import { isMarkedHeading } from './line-key.js';
import { bracketName, isFieldLabel, isPart, KANA_NAME_SHAPED, LETTERED_ROLE, NAME_SHAPED, QA_LABEL, readLabel, ROLE_LABEL, TITLE_WORDS, TITLED_NAME, unbulletedLabels, type LabelRead } from './speaker-label.js';
import { escapeRegExp } from '../text/escape-regexp.js';


/** Paragraphs whose speaker confidence falls below this are shown as unknown. */
export const MIN_SPEAKER_CONFIDENCE = 0.5;
/**
 * Kept of the confidence of a line given to the one guest only because it follows a question, when
 * the host is unnamed: that there are just two voices is itself inferred from the order.
 */
const UNNAMED_HOST_FACTOR = 0.9;
/** Confidence lost per line as a turn goes on without a cue. */
const TURN_DECAY = 0.985;
/**
 * Faster for a turn settled by its content (a mention, a self-description, the voice): nothing in
 * the order vouches that its later lines are still the same person's.
 */
const CONTENT_DECAY = 0.96;
/** Lines either side of the line that settles a turn by its content that the settlement reaches. */
const CONTENT_REACH = 2;
/** Paragraphs from the top searched for the host's self-introduction and the guests' descriptions. */
const INTRO_PARAGRAPHS = 12;
/** Source lines from the top where credits naming who plays a part stand (実況：… 解説：…). */
const CREDITS_LINES = 12;
/** A line this short (code points) that thanks anywhere in it is thanks, not content. */
const SHORT_THANKS_MAX = 40;
/** A line this short (code points) that is not a continuation is an interjection: a turn of its own. */
const REACTION_MAX = 32;
/**
 * …and so is one sentence up to `REACTION_MAX` that only reacts, sums up or checks:
 * 「…面白いですね。」「ロボットにもそれをやらせたい、と。」「ブルックスさんって、ルンバの会社の。」
 */
const REACTION_END = /(?:(?:面白い|おもしろい|すごい|凄い|いい|良い|うれしい|嬉しい|大事|大切|難しい|意外)(?:です|でしょう)?(?:ね|よね)|、と|って、[^。]{1,20}の)[。!！]?$/u;
const INTERJECTION_MAX = 16;
/** A text with this many questions answered on the next line has a second voice: it is no monologue. */
const MIN_ANSWERED_QUESTIONS = 2;
/**
 * Questions standing alone as a line, each followed by a line that is no question, that make an
 * unlabelled text presenting one guest an interview (see `interviewsGuest`).
 */
const MIN_INTERVIEW_QUESTIONS = 3;
/** A question line of an interview: its own short turn (sentences). */
const QUESTION_LINE_SENTENCES = 2;
/** A labelled name must recur this often, unless the title or introduction already names it. */
const MIN_LABEL_COUNT = 2;
/** Paragraphs between two labels up to which the lines between them are the first label's turn (see `labelledTurns`). */
const LABEL_GAP_MAX = 20;
/** Lines after a label searched for the thanks that answers a welcome (see `correctedLabel`). */
const CORRECTION_WINDOW = 5;

const CONFIDENCE: Readonly<Record<SpeakerEvidence, number>> = {
  label: 0.95,
  'label-corrected': 0.8,
  addressed: 0.9,
  'answers-host': 0.85,
  'asks-guest': 0.8,
  alternation: 0.75,
  'introduces-guests': 0.9,
  'third-person': 0.75,
  'self-description': 0.7,
  'self-introduction': 0.9,
  'quoted-by-narrator': 0.8,
  monologue: 0.65,
  voice: 0.6,
};
/** A person's voice is learnt only from at least this many bigrams of their attributed lines. */
const MIN_VOICE_BIGRAMS = 400;
/** A turn shorter than this (bigrams) says too little to tell voices apart. */
const MIN_TURN_BIGRAMS = 30;
/** Mean log-likelihood per bigram by which the best voice must beat the next. */
const VOICE_MARGIN = 0.3;

/** A role in a label that makes its speaker the host: `佐藤（司会）:`, `Lex (host):`, or the label itself (`聞き手:`). */
const HOST_ROLE = /^(?:司会|司会者|聞き手|質問者|記者|編集部|インタビュアー|ホスト|進行|進行役|モデレーター|MC|host|interviewer|moderator)$/iu;
/**
 * A bracket after a label's name that says where the speaker is from, not what part they play
 * (藤原（○○証券）, Wang (Morgan Stanley)): not another name for them. Latin, digits, a dot or an
 * organisation's word.
 */
const AFFILIATION = /[A-Za-z0-9・]|(?:証券|銀行|大学|学校|高校|新聞|会社|社|研究所|財団|協会|省|庁|事務所|グループ|ホールディングス|法人|機構|センター|病院|テレビ|放送)$/u;

const QUESTION_END = /(?:[?\uFF1F]|(?:ですか|ますか|でしょうか|ませんか|ましたか|でしたか)[。.]?)[」』)]*\s*$/u;
/** Asking the other person for something, wherever in the line: 「…説明してもらえますか?なぜなら…」. */
const REQUEST = /(?:(?:一言|ひとこと|説明|紹介|お話)(?:を)?お願いします|教えてください|聞かせてください|てもらえますか|ていただけますか|てくれますか|てもらえませんか|ていただけませんか|てもらえへんか|てくれへんか|どう思いますか|どう思う\?|どう見ますか|どう見とる\?)/u;
/** Openings that answer or take up what the other person said: the floor changes hands. */
const REPLY_OPENER = /^(?:(?:あー|ああ|あぁ|へえ|へぇ|へー|ほう|ほー|おお|おー|うーん)[ー~〜]*(?:[、。!\uFF01]|$)|そう[、。!！]|そうですね|そうですよね|そうだね|そうやな|そうや|そうです|そうだ|その通り|はい|ええ|うん|いいえ|いや、|確かに|なるほど|まさに|もちろん|同意します|いい質問|良い質問|面白い質問|ありがとう|yes|yeah|right|exactly)/iu;
/** Openings that carry the speaker's own thought on: the floor stays. */
const CONTINUATION = /^(?:そして|でも|しかし|だから|ですから|それから|それで|それに|また|つまり|例えば|さらに|なぜなら|一方|ただ|だけど|けど|けれど|あと|それでも|ところが|要するに|結局|加えて|特に|実際|なので|したがって|その後|次に|最後に|and |but |so |because )/iu;
/** The host welcoming guests or the audience. */
const WELCOME = /(?:お迎えします|お迎えしています|お迎えしました|お話を伺|お話をうかが|お話を聞|ゲストに|ゲストとして|ようこそ|来てくれて|来てもらえて|来ていただ|ご出演|お招き|お越しいただ|ゲストは|ご紹介します|welcome)/iu;
const THANKS = /ありがとう|thank/iu;
const ECHO_REACTION = /^(?:えっ|え|へえ|へー|ほう|ほんと)?[、,]?\s*(?:そうなんですか|本当ですか|ほんとうですか|ほんとですか|そうなの)[?\uFF1F。!\uFF01]*$/u;
const ECHO_QUESTION = /^([^、。,?\uFF1F]{2,12}?)[、,]?\s*(?:ですか|というのは|って)[?\uFF1F。]*$/u;
/** A sentence that answers or argues the question just before it, by the one who asked it (a rhetorical question). */
const SELF_ANSWER = /^(?:多分|たぶん|おそらく|恐らく|なぜなら|というのも|答えは|いいえ)/u;
/**
 * A yes or a no that answers a question only when the question wonders aloud (「…でしょうか。いや、違う。」): after
 * one put to someone (「来られますか?もちろん無理にとは言いません。」) it softens the asking instead.
 */
const WONDERED_ANSWER = /^(?:いや、|もちろん)/u;
const WONDERING = /(?:でしょうか|だろうか|のだろう|んだろう|のか|のかな)[?\uFF1F。]*$/u;
/** A yes that confirms what the other person just echoed, before going on. */
const AFFIRMATION = /^(?:はい|ええ|うん)[、。,!\uFF01]/u;
/**
 * A line closing on a concession or a reason (「まだ試作の段階ですけどね。」「同じものは二つとありませんから。」)
 * is the speaker's afterthought on what they just said, not a reaction.
 */
const AFTERTHOUGHT = /(?:けど|けれど|けども|から|ので)(?:ね|ねえ|な)?[。!\uFF01]?$/u;
/** Second person: the line speaks to someone rather than about them. */
const SECOND_PERSON = /(?:あんた|あなた|君|きみ|お前|you)/iu;
/** `これはXポッドキャストです`, `Xポッドキャストへようこそ`, `ホストのX`, `司会のX`, `Xです。` opening a show. */
const HOST_PATTERNS: readonly RegExp[] = [
  /これは(?:、)?(.{2,40}?)(?:の)?(?:ポッドキャスト|podcast|ショー|ラジオ|チャンネル)(?:です|でした|へようこそ)/iu,
  /(.{2,40}?)(?:の)?(?:ポッドキャスト|podcast|ショー|ラジオ)へようこそ/iu,
  // 「司会の山田です」, not the label 「司会: 伊藤さんは…?」 (a label addresses a guest, it does not name the host).
  // 「本日司会を務めます、IR室の井上でございます。」: でございます and と申します introduce as politely as です.
  /(?:ホスト|司会|聞き手|インタビュアー|MC|パーソナリティ|ナビゲーター|進行役?)(?:は|の|を(?:務め|つとめ)(?:る|ます|させていただきます)[、,]?)\s*(.{2,30}?)(?:でございます|と申します|です|が|さん|氏|[、。,]|$)/iu,
  // 「はいどうもー、よっちゃんです。」: a vlogger's opening may lead in with はい.
  /^(?:はい[、,]?\s*)?(?:こんにちは|こんばんは|どうも)[ー〜~]*[、,!\uFF01 ]*(.{2,30}?)(?:でございます|と申します|です)[。!\uFF01]/u,
  /\b(?:I'm|I am|this is) ([A-Z][a-z]+(?: [A-Z][a-z]+)+)/u,
  // 「えー私は長野県の伊那市で養蜂をやっております森田と申します」: a speaker naming themselves formally.
  /(?:私|わたし|わたくし|僕|ぼく)(?:は|、)[^。!?\uFF01\uFF1F]{0,40}?([\p{sc=Han}\p{sc=Katakana}ー]{2,8})(?:と申します|でございます)/u,
];
/** Words that make a dotted katakana phrase a show's name rather than a person's. */
const SHOW_WORD = /ポッドキャスト|ラジオ|ショー|チャンネル|番組|ニュース|ポッド/u;
/** Words every host pattern needs: the patterns (one has an unanchored lazy group) run only where one stands. */
const HOST_HINT = /ポッドキャスト|podcast|ショー|ラジオ|チャンネル|ホスト|司会|聞き手|インタビュアー|MC|パーソナリティ|ナビゲーター|進行|こんにちは|こんばんは|どうも|申します|ございます|I'm|I am|this is/iu;
/** A narrator bringing someone on to speak: 「Xが出てきて…話した」「Xはこう語った」. */
const QUOTE_INTRO = /([ァ-ヺー]{2,}(?:[・= ][ァ-ヺー]+)*|[A-Z][a-z]+(?: [A-Z][a-z]+)+|[一-龥々]{2,4}(?:氏|さん))(?:氏|さん)?(?:が|は)[^。「」]{0,40}?(?:話した|話しました|語った|語りました|言った|言いました|述べた|述べました|話し始めた|こう(?:話|語|言)|説明した|答えた|話をした|話をしました|(?:話し|語っ|言う|説明し|答え|話をし)て(?:はった|はりました|くれた|くれました|いた|いました|た)|話され(?:た|ました)|おっしゃ(?:った|いました))(?!ように|ような|よう|とおり|通り)/u;
/**
 * Verbs a reporter or a minute-taker credits a quotation with: 語った, 述べた, 話す, 説明した, 評価した,
 * 笑っていた, 発言した, 提案した (minutes end on the noun: 「…」と発言。).
 */
const SPEECH_VERB = '(?:語|述べ|話|説明|強調|明か|指摘|評価|答え|笑|振り返|訴え|言|意気込|力を込め|胸を張|発言|提案|要望|主張|表明|反論|コメント)';
/** A job title written after a family name as an honorific is (菅野部長, 田中課長), the longer first. */
const JOB_TITLE = '(?:副社長|本部長|支店長|委員長|理事長|准教授|部長|課長|係長|室長|社長|会長|局長|所長|店長|専務|常務|議長|教授|主任)';
/**
 * A person as a reporter names them: katakana (a stray space allowed), two Latin words, or kanji
 * with an honorific or a job title (group 2; the shortest name before it: 菅野本部長 is 菅野).
 */
const REPORTED_NAME = `([ァ-ヺー]{2,}(?:[・= ][ァ-ヺー]+)*|[A-Z][a-z]+(?: [A-Z][a-z]+)+|[一-龥々]{2,4}?(?=氏|さん|${JOB_TITLE}))(氏|さん|${JOB_TITLE})?`;
/** 「X氏は会見で「…」と語った。」: a quotation between the speaker and the verb (the news form). */
const QUOTE_SAID = new RegExp(`${REPORTED_NAME}(?:は|が|も)[^。「」]{0,30}?「[^」]{4,}」と(?!いう|いった|の)[^。「」]{0,12}?${SPEECH_VERB}`, 'u');
/** 「「…」とX氏は話す。」: the quotation first. */
const QUOTE_THEN_NAME = new RegExp(`「[^」]{4,}」と、?${REPORTED_NAME}(?:は|が|も)[^。「」]{0,12}?${SPEECH_VERB}`, 'u');
/** 「「…」と話す農家の田中さん。」: the quotation, the verb, then who said it, closing the sentence. */
const QUOTE_VERB_NAME = new RegExp(`「[^」]{4,}」と、?${SPEECH_VERB}[^。「」]{0,16}?(?<![\\p{Script=Han}々])${REPORTED_NAME}[。.]?\\s*$`, 'u');
/** 「同氏は「…」と説明した。」: the person last quoted, again. */
const QUOTE_SAME = new RegExp(`同(?:氏|さん)(?:は|が|も)[^。「」]{0,30}?「[^」]{4,}」と(?!いう|いった|の)[^。「」]{0,12}?${SPEECH_VERB}`, 'u');
/** A quotation credited to someone, named or not (「ある担当者は「…」と話す。」). */
const REPORTED_SPEECH = new RegExp(`」と(?!いう|いった|の)[^。「」]{0,12}?${SPEECH_VERB}[^。「」]{0,10}[。.]?\\s*$`, 'u');
const EDITORIAL = /^(?:本|この|今回の)(?:エピソード|記事|稿|動画|回|番組)(?:は|では)/u;
const FIRST_PERSON = /(?:私|僕|俺|わし|うち)(?:が|は|の|も|に|を|たち)/u;
const HOST_CUE = /(?:お二人|お二方|お三方|おふたり|お二人とも|you both|both of you|会場(?:から|の皆|のみな)|ご質問(?:は|を|が))/iu;
/** Taking up what the previous speaker said: 「あなたが言ったように」「…と言及されましたが」. */
const TAKES_UP = /(?:あなたが言ったように|あなたがおっしゃったように|おっしゃる通り|言及されましたが|あなたが言及した|あなたの言う通り|as you said)/iu;
/** A person's full name in a welcome: katakana with a middle dot, capitalised Latin words, or a name with an honorific. */
const INTRODUCED_NAME = /[ァ-ヺ][ァ-ヺー]*(?:[・=][ァ-ヺ][ァ-ヺー]*)+|[A-Z][a-z]+(?: [A-Z][a-z]+)+|[一-龥々]{2,4}(?:さん|氏)/gu;
/**
 * A Latin word used as a person in a Japanese sentence: 「Nathanが言ったように」「Nathan、あなたも」.
 * Only in these shapes, and not inside a Latin phrase: by sound alone, "AI Research" names ラシュカ.
 */
const LATIN_NAME_MENTION = /(?<![A-Za-z0-9][\s.-]?)\b([A-Z][a-z]{2,})(?:さん|氏)?(?:が(?:言|指摘|述べ|説明|話|挙げ|触れ|書)|は(?:言|以前|先ほど)|に(?:同意|賛成)|も(?:言|指摘)|[、,])/gu;
const QUOTE_LINE = /^\s*[「『]/u;
/** 以上 closing a record, alone on its line (a heading among the turns is the parser's or `isMarkedHeading`'s). */
const CLOSING_LINE = /^\s*以上(?:\s*[(（][^()（）]{0,30}[)）])?\s*$/u;
/** A timestamp opening a line: [04:10], (1:02:03), 12:34. */
const STAMP = /^\s*[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+/u;
/** A short phrase with no sentence in it, as after a timestamp: お知らせ, or そうですね. */
const PHRASE = /^[^。、！？!?,.]{1,20}$/u;
/** A line that is only a bracketed note: （各班で実験。約12分。）, （ふり返りカード記入）. */
const ASIDE_LINE = /^\s*[(（][^()（）]{2,}[)）]\s*$/u;
/**
 * A rule drawn across the page (――――, ---, ＊＊＊): what follows is not the last speaker's turn going on.
 * Parsing drops most rules as boilerplate; a short one (――, two dashes) or one of symbols (◇◇◇) it keeps
 * as content.
 */
const SEPARATOR = /^\s*(?:[-ー―─━=＝_＿~〜]{2,}|[*＊・※]{3,}|(?:[*＊◇◆■□☆★]\s*){3,})\s*$/u;
/**
 * A cue for music, an advert or a pause (（エンディング曲）, 【CM】, ――ここでCM――): the programme
 * breaks off. Laughter and applause (（笑い）) do not: the speaker goes on after them.
 */
const BREAK_CUE = /^\s*(?:[(（【［\[〈<]|[-ー―─━]{2,})[^)）】］\]〉>]{0,20}(?:曲|BGM|CM|ジングル|音楽|休憩|中断|暗転|転換|エンディング|オープニング|ending|opening)[^(（)）】］\]〉>]{0,20}(?:[)）】］\]〉>]|[-ー―─━]{2,})\s*$/iu;
/**
 * A guest presented by full name at the end of the host's sentence: 「…の五代目、竹内俊介さんです。」
 * 「…管理栄養士の小野寺さやかさんです。」 (a family name alone could be anyone's, so a full name only).
 */
const PRESENTED = /(?:^|[、,の\s])([\p{Script=Han}々]{3,6}|[\p{Script=Han}々]{1,4}(?![のがはをにともでへやかな])[ぁ-ゖ]{2,3}|[ァ-ヺ][ァ-ヺー]*(?:[・=][ァ-ヺ][ァ-ヺー]*)+)(?:さん|氏|先生)(?:です|でございます)[。!！]?$/u;
/** A quoted line that asks something: put to the quoted person, not said by them. */
const QUOTED_QUESTION = /[?\uFF1F]\s*[^「」]{0,30}[」』]\s*$/u;
const SELF_REFERENCE = /(?:私|僕|俺|わし|うち|自分)(?:たち|ら)?の([^、。,.!?\uFF01\uFF1F\s]{1,16}?)(?:は|が|を|に|で|と|も|の|について|では|、|。|$)/gu;
const SELF_INTRO = /(?:私|僕|俺|わし)は(.{2,30}?)です/u;
/** Where a sentence ends: after 。 ! ? in either width. */
const SENTENCE_BREAK = /(?<=[。!?\uFF01\uFF1F])/u;
/** A sentence that is only a name and です: the speaker saying who they are (「中村です。」「山田と申します。」「山田でございます。」). */
const SELF_NAMED = /^(?:どうも|はい|おはようございます|こんにちは|こんばんは|はじめまして)?[ー〜~]*[、,]?\s*([^\s、。,のはがを]{1,12}?)(?:と申します|でございます|です)[ー〜~]*[。!！]?$/u;
/**
 * A greeting, then who the speaker is (「どうも、ユウトです。」「おはようございます、アカリです。」): someone
 * joining the talk says their name. The greeting is needed: 「以上です。」「大丈夫です。」 are no names.
 */
const GREETED_NAME = /^(?:どうも|おはようございます|こんにちは|こんばんは|はじめまして)[ー〜~]*[、,!！]\s*([^\s、。,のはがを]{1,12}?)(?:と申します|でございます|です)[ー〜~]*[。!！]?$/u;
/**
 * A speaker's name closing a sentence of their own line, after who they are with: 「○○証券の藤原です。」
 * 「プロダクト本部のデイビッド・チェンです。」「Thank you. ○○のEmily Wangです。」 (group 1).
 */
const OWN_NAME = /(?:^|[のは、,]\s*)([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*|[^\s、。,のはがを「」]{2,24}?)(?:と申します|でございます|です)[。!！]?$/u;

/** A cast member as attribution sees them: matching keys and what the introduction said about them. */
interface Person {
  readonly member: CastMember;
  readonly keys: readonly string[];
  /** Normalised text the introduction says about this person alone. */
  profile: string;
  /** The host of an interview whose text never names them: their lines are told apart, but shown as unknown. */
  readonly unnamed?: boolean;
  /** A guest who joined the opening by saying who they are (「どうも、ユウトです。」), not presented by a host. */
  readonly joined?: boolean;
}

interface LineCues {
  readonly label: Person | null;
  /**
   * The line opens with a label that is no cast member's (板書：, 全員：, a name labelled once): its
   * words are not the last speaker's turn going on, and nobody the cast knows says them.
   */
  readonly unowned: boolean;
  /**
   * `unowned`, but the label is a one-off kanji word (結論：, 理由：) that may be a point in the running
   * speaker's own words: it goes on with a turn that is running, and only opens no one's where none is.
   */
  readonly topic: boolean;
  /**
   * The line is a heading or a closing mark, not speech (【検察官主尋問】, ◆費用について, [04:10] お知らせ, 以上):
   * between labelled turns it ends the last one.
   */
  readonly heading: boolean;
  /** The line is only a bracketed note (（各班で実験。約12分）, （証人、涙ぐむ）): nobody's words, though the turn goes on. */
  readonly aside: boolean;
  /** A `Q:` / `A:` label: the interviewer's question or the interviewee's answer. */
  readonly qa: 'q' | 'a' | null;
  /** The line's content without its label. */
  readonly body: string;
  readonly question: boolean;
  readonly reply: boolean;
  readonly continuation: boolean;
  /** The line closes asking the other person for something (「最後に、…一言お願いします。」), whatever its opening. */
  readonly requests: boolean;
  readonly interjection: boolean;
  readonly welcome: boolean;
  readonly thanks: boolean;
  /** People the line names in the third person or addresses: not its speaker. */
  readonly mentioned: ReadonlySet<Person>;
  /** The person a question at the end of the line is addressed to. */
  readonly addressee: Person | null;
  /** People whose introduction matches the line's self-description. */
  readonly selfDescribed: readonly Person[];
  /** Someone a narrator says is about to speak, or is speaking in this line's quotation. */
  readonly quoteIntro: Person | null;
  /** The line quotes 「同氏」, the person last quoted. */
  readonly quoteSame: boolean;
  /** The line is mostly a quotation it credits to someone (「…」と話す), named or not: not the narrator's words. */
  readonly reportsSpeech: boolean;
  readonly quoteLine: boolean;
  /** The one person the line's last sentence names, if exactly one. */
  readonly lastNamed: Person | null;
  /** An editor's summary (「本エピソードは…である。」), not anyone's speech. */
  readonly editorial: boolean;
  readonly firstPerson: boolean;
  /** Words only the host uses: addressing the guests together (「お二人」). */
  readonly hostCue: boolean;
  /** The cast member a sentence of the line introduces as the speaker: 「よろしくお願いします。中村です。」 */
  readonly selfNamed: Person | null;
  /**
   * The line's closing sentence names someone (「…。そしてスズキが言及したように、…です。」): a turn
   * often ends by handing the floor to the person it names, so what follows may be theirs.
   */
  readonly handsOver: boolean;
  /** The line presents a guest by full name (「…の五代目、竹内俊介さんです。」): the host's words. */
  readonly presents: boolean;
}

interface Decision {
  speaker: Person | null;
  evidence: SpeakerEvidence | null;
  confidence: number;
}

/**
 * Attribute every paragraph of `transcript` (setting `speaker`, `speakerConfidence`,
 * `speakerEvidence`) and return the transcript with its cast.
 *
 * @example const attributed = attributeSpeakers(parseTranscript('talk.txt', text));
 */
export function attributeSpeakers(original: Transcript): Transcript {
  // Labels the layout writes apart from the words (a label alone on its line, a family name and a
  // full-width space) are read as if written before them; the paragraphs themselves keep their text.
  // A list item's label (- 石倉：) is one only where the text labels that name without the mark too.
  const unbulleted = unbulletedLabels(original.lines.filter((line) => line.kind !== 'heading').map((line) => line.text));
  const rewrite = layoutLabels(original, unbulleted);
  const lines = [...original.lines];
  original.paragraphs.forEach((paragraph, i) => {
    const label = rewrite[i];
    const line = lines[paragraph.line - 1];
    if (label != null && line !== undefined) lines[paragraph.line - 1] = { ...line, text: label(line.text) };
  });
  const transcript: Transcript = { ...original, lines, paragraphs: original.paragraphs.map((paragraph, i) => (rewrite[i] == null ? paragraph : { ...paragraph, text: rewrite[i](paragraph.text) })) };
  const paragraphs = original.paragraphs;
  const layout: Layout = { markers: speakerMarkers(transcript), interviewee: dashInterviewee(transcript), headed: headedSpeakers(transcript), unbulleted };
  const people = discoverCast(transcript, layout);
  const recurring = recurringLabels(transcript.paragraphs, unbulleted);
  // A heading among the turns: the parser's (a dated heading is indexed as a paragraph too), one after a heading
  // mark (【検察官主尋問】, ■費用について), or a timestamped phrase ([04:10] お知らせ) where the turns carry no
  // timestamps: among 「[00:00:20] 田中: …」 turns, 「[00:00:25] そうですね」 is speech.
  const folded = transcript.paragraphs.map((paragraph) => paragraph.text.normalize('NFKC').trim());
  const stampedTurns = folded.some((text) => STAMP.test(text) && readLabel(text, unbulleted) !== null);
  const headed = (paragraph: Paragraph, i: number): boolean =>
    transcript.lines[paragraph.line - 1]?.kind === 'heading' || isMarkedHeading(paragraph.text) || (!stampedTurns && STAMP.test(folded[i] ?? '') && PHRASE.test((folded[i] ?? '').replace(STAMP, '')));
  const cues = transcript.paragraphs.map((paragraph, i) => readCues(paragraph.text, people, headed(paragraph, i), recurring, unbulleted));
  // 「実況：村瀬 亮（むらせ りょう）　解説：…」 at the top credits the parts: nobody says it, nor the lines after it.
  const credits = transcript.paragraphs.map((paragraph, i) => isCreditsLine(paragraph, cues[i], people));
  const decisions = decide(cues, people, transcript, layout, credits);
  paragraphs.forEach((paragraph, i) => {
    const decision = credits[i] === true ? undefined : decisions[i];
    const confident = decision !== undefined && decision.speaker !== null && decision.speaker.unnamed !== true && decision.confidence >= MIN_SPEAKER_CONFIDENCE;
    paragraph.speaker = confident ? decision.speaker?.member.name ?? null : null;
    paragraph.speakerConfidence = confident ? Number(decision.confidence.toFixed(3)) : 0;
    paragraph.speakerEvidence = confident ? decision.evidence : null;
  });
  const speaking = new Set(paragraphs.map((paragraph) => paragraph.speaker));
  const cast = people.map((person) => person.member).filter((member) => speaking.has(member.name));
  return { ...original, cast };
}

/** A line that starts a turn with a family name and a full-width space (「白石　そうですね。」), as a magazine's 対談 writes it. */
const SPACE_LABEL = /^([\p{Script=Han}々]{1,4}|[ァ-ヺ][ァ-ヺー]{1,7})\u3000+(?=[^\s\u3000])/u;
/** Lines starting so that make such names labels: each name this often, and at least two names. */
const MIN_SPACE_LABELS = 2;
/** Lines a speaking part alone must open so (「アナウンサー　…」) to be a label without a second name. */
const MIN_SPACE_PARTS = 3;

/**
 * For each paragraph, how to write the label its layout gives it before its words (null where none):
 * - under a label alone on its line (「坂本：」, 「司会（井上教諭）：」, which the reader may also set aside as a
 *   repeated line), the line after it and, when that is indented, every indented line up to the next line
 *   that is not, are that label's;
 * - 「白石　…」「三浦　…」: two or more names that each open several lines before a full-width space, each one
 *   a name the text also writes in full with its reading (白石ユウ（しらいし・ゆう）) or with an honorific, label those lines.
 */
function layoutLabels(transcript: Transcript, unbulleted: ReadonlySet<string>): Array<((text: string) => string) | null> {
  const rewrite: Array<((text: string) => string) | null> = transcript.paragraphs.map(() => null);
  const at = new Map(transcript.paragraphs.map((paragraph, i) => [paragraph.line, i]));
  // A label alone on its line counts as one where it recurs (alone or before words) or says by its shape
  // that it is a person's (a bracket, a title, a part: 生徒２：), and where two such labels do: a word
  // alone before a colon (メリット：, ポイント：) heads the lines below it.
  const reads = transcript.lines.map((line) => (line.kind === 'heading' ? null : readLabel(line.text.normalize('NFKC').trim(), unbulleted)));
  const seen = new Map<string, number>();
  for (const read of reads) if (read !== null && read.shape !== 'none') seen.set(read.name, (seen.get(read.name) ?? 0) + 1);
  const standsAlone = (read: LabelRead): boolean =>
    read.shape === 'none' || (seen.get(read.name) ?? 0) >= MIN_LABEL_COUNT || read.role !== null || read.titled !== null || isPart(read.name);
  const texts = transcript.paragraphs.map((paragraph) => paragraph.text);
  const body = transcript.lines.map((line) => line.text).join('\n');
  const counts = new Map<string, number>();
  for (const text of texts) {
    const name = SPACE_LABEL.exec(text)?.[1];
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts].filter(([name, count]) => {
    if (count < MIN_SPACE_LABELS || !NAME_SHAPED.test(name) || isFieldLabel(name)) return false;
    const escaped = escapeRegExp(name);
    return new RegExp(`${escaped}[\\p{Script=Han}々ァ-ヺー]{1,4}[(（][ぁ-ゖァ-ヺー]{1,8}[・･ \\u3000][ぁ-ゖァ-ヺー]{1,8}[)）]|${escaped}(?:さん|氏|先生)`, 'u').test(body);
  }).map(([name]) => name);
  // A part that speaks (アナウンサー, 司会) opening several lines so is a label even with no second name: a news script.
  const parts = [...counts].filter(([name, count]) => count >= MIN_SPACE_PARTS && isPart(name)).map(([name]) => name);
  const labelled = names.length >= 2 ? [...names, ...parts] : parts;
  const alone = reads.filter((read, k): read is LabelRead => read !== null && read.shape !== 'none' && read.length >= (transcript.lines[k]?.text.normalize('NFKC').trim().length ?? 0) && standsAlone(read));
  // A news script's one caption (〈館長　佐々木 修さん〉) and its アナウンサー opening lines are two voices.
  const dialogue = new Set([...alone.map((read) => read.name), ...labelled]).size >= 2;
  let standing: string | null = null;
  let indented: boolean | null = null;
  transcript.lines.forEach((line, k) => {
    const raw = line.text;
    const folded = raw.normalize('NFKC').trim();
    if (folded === '') return;
    const read = reads[k] ?? null;
    if (read !== null && read.length >= folded.length) {
      standing = dialogue && standsAlone(read) ? folded : null;
      indented = null;
      return;
    }
    const inset = /^[ \t\u3000]/u.test(raw);
    if (standing === null || line.kind === 'heading' || (indented !== null && !(indented && inset))) {
      standing = null;
      return;
    }
    indented ??= inset;
    const i = at.get(line.line);
    const label: string = standing;
    if (i !== undefined && read === null) rewrite[i] = (text) => `${label} ${text.trim()}`;
    if (!inset) standing = null;
  });
  if (labelled.length === 0) return rewrite;
  return texts.map((text, i) => {
    const name = SPACE_LABEL.exec(text)?.[1];
    return name !== undefined && labelled.includes(name) ? (written) => written.replace(SPACE_LABEL, `${name}：`) : (rewrite[i] ?? null);
  });
}

/** A line at the top whose label is followed by the name of the one who plays that part (see `CREDIT`), not by words. */
function isCreditsLine(paragraph: Paragraph, cue: LineCues | undefined, people: readonly Person[]): boolean {
  if (cue?.label == null || paragraph.line > CREDITS_LINES) return false;
  // The name, its bracket, then nothing, a note or the next part's credit: 「村瀬 亮（むらせ りょう）　解説：…」.
  const named = CREDIT_ONLY.exec(cue.body)?.[1];
  // 「司会：広報部 中村」 credits 中村.
  return named !== undefined && NAME_SHAPED.test(named) && [named, named.split(' ').at(-1) ?? named].some((name) => cue.label?.keys.includes(aliasKey(name)) === true);
}

/** What the text's layout says about who speaks, read once per transcript for the cast and the turns alike. */
interface Layout {
  /** Speaker markers standing alone on a line (（野口さん）, （ナレーション）). */
  readonly markers: readonly SpeakerMarker[];
  /** The one a dash interview presents, if the text is one and singles someone out. */
  readonly interviewee: CastMember | null;
  /** In a dash interview, the person each heading names (■ロドリゴ・ファリアス監督（…）), by the heading's line. */
  readonly headed: ReadonlyMap<number, CastMember>;
  /** The names the text labels without a list item's mark: only these (or a name with a title) are labels after one. */
  readonly unbulleted: ReadonlySet<string>;
}

// ── Cast ───────────────────────────────────────────────────────────────────

function discoverCast(transcript: Transcript, layout: Layout): Person[] {
  const members: CastMember[] = transcript.speakers.map(listedSpeaker);
  const intro = transcript.paragraphs.slice(0, INTRO_PARAGRAPHS).map((paragraph) => paragraph.text);
  const found = findHost(intro);
  const host = found?.name ?? null;
  // 「司会：…司会を務めます、IR室の井上でございます。」: the role label is the host who names themselves under it.
  const hostLabel = found === null ? null : readLabel(found.text.normalize('NFKC'));
  // So is a transcription tool's part (話者1：…聞き手は…の森です。).
  const hostRole = hostLabel !== null && (ROLE_LABEL.test(hostLabel.name) || LETTERED_ROLE.test(hostLabel.name)) ? hostLabel.name : null;
  if (host !== null) members.push({ name: host, aliases: [...aliasesOf(host), ...(hostRole === null ? [] : [hostRole])], role: 'host' });
  for (const text of intro) {
    for (const sentence of text.normalize('NFKC').split(SENTENCE_BREAK)) {
      const presented = PRESENTED.exec(sentence.trim())?.[1];
      if (presented !== undefined && presented !== host && !/[者長員師士家官]$/u.test(presented)) {
        members.push({ name: presented, aliases: aliasesOf(presented), role: 'guest' });
      }
      if (!WELCOME.test(sentence)) continue;
      for (const match of sentence.matchAll(INTRODUCED_NAME)) {
        const name = match[0].replace(/(?:さん|氏)$/u, '');
        // 「ヘルスケア・ポッドキャストへようこそ」 names the show, not a guest.
        if (name !== host && !SHOW_WORD.test(name)) members.push({ name, aliases: aliasesOf(name), role: 'guest' });
      }
    }
  }
  // Others who join the opening by saying who they are (「どうも、ユウトです。」) speak too.
  const joined: string[] = [];
  for (const text of intro) {
    const first = text.normalize('NFKC').trim().split(SENTENCE_BREAK)[0]?.trim() ?? '';
    const name = GREETED_NAME.exec(first)?.[1];
    if (name !== undefined && NAME_SHAPED.test(name) && !members.some((member) => nameMatch(name, member.name) > 0)) {
      members.push({ name, aliases: aliasesOf(name), role: 'guest' });
      joined.push(name);
    }
  }
  members.push(...findLabels(transcript.paragraphs, members, layout.unbulleted).filter((label) => label.name !== hostRole));
  linkWrittenSpellings(members, transcript, layout.unbulleted);
  const body = transcript.paragraphs.map((paragraph) => paragraph.text).join('\n').normalize('NFKC');
  for (const paragraph of transcript.paragraphs) {
    const said = quotedSpeakerIn(paragraph.text.normalize('NFKC'));
    if (said === null || said === 'same') continue;
    const quoted = joinedName(said.name, body);
    // A lone katakana word before 話した is as often a thing (マルチモーダル, モデル) as a person:
    // it is taken only with an honorific (ウィットフィールド氏), as a full name, or when the cast already knows it.
    const known = members.some((member) => nameMatch(quoted, member.name) > 0);
    const namelike = !/^[ァ-ヺー]+$/u.test(quoted) || said.titled || known;
    // Before a job title the kanji may be a department as well as a name (営業部長 reads 営業 + 部長):
    // it is a person when the text also lists them or writes them with an honorific.
    const person = !said.byTitle || known || new RegExp(`(?<![\\p{Script=Han}々])${quoted}(?:さん|氏|様|先生)`, 'u').test(body);
    if (namelike && person) members.push({ name: quoted, aliases: aliasesOf(quoted), role: 'quoted' }, ...fullSpellings(quoted, body));
  }
  const author = authorName(transcript);
  if (author !== null) members.push({ name: author, aliases: aliasesOf(author), role: 'author' });
  if (layout.interviewee !== null) members.push(layout.interviewee);
  members.push(...layout.headed.values());
  // 「（野口さん）」 alone on a line: the person who speaks next.
  for (const name of new Set(layout.markers.flatMap((marker) => (marker.name === null ? [] : [marker.name])))) members.push({ name, aliases: aliasesOf(name), role: 'guest' });
  // A profile's heading (白石ユウ（しらいし・ゆう）) gives a full name as well as the paragraphs do.
  const headed = [body, ...transcript.lines.filter((line) => line.kind === 'heading').map((line) => line.text.normalize('NFKC'))].join('\n');
  members.push(...members.flatMap((member) => fullerName(member, headed)));
  // A family name the text gives two full names for (田中一郎さん, 田中次郎さん) could be either: it stays a speaker of its own.
  // So could one two members' full names share (石倉 浩二, 石倉 美咲): neither full name answers to it.
  const shared = sharedFamilyNames(members);
  const open = members.filter((member) => fullNamesOf(member.name, body).size >= 2 || shared.has(aliasKey(member.name)));
  const unshared = (member: CastMember): string[] => member.aliases.filter((alias) => aliasKey(alias) === aliasKey(member.name) || !shared.has(aliasKey(alias)));
  const merged = [...mergeCast(members.filter((member) => !open.includes(member))), ...mergeCast(open)].map((member) => ({ ...member, aliases: [...unshared(member), ...kanjiNameParts(member.name, body)] }));
  const people: Person[] = merged.map((member) => ({
    member,
    keys: member.aliases.map(aliasKey).filter((key) => key.length >= 2),
    profile: '',
    joined: member.role === 'guest' && joined.some((name) => member.aliases.includes(name)),
  }));
  describeFromIntroduction(people, intro);
  return people;
}

/**
 * A legend pairing names (「※ミオ＝日向 澪、ぽんた＝本田 大地」): nickname and full name, each
 * side a name, the pairs parted by 、.
 */
const LEGEND_PAIR = /^[※*・\s]*([^\s=、,()]{1,12})\s*=\s*([^=、,()]{1,16}?)\s*$/u;
/** A name with its other spelling in brackets: Helene Marchand（エレーヌ・マルシャン）, or the other way round. */
const LATIN_FULL = String.raw`[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)+`;
const KATAKANA_FULL = String.raw`[ァ-ヺ][ァ-ヺー]*(?:[・=][ァ-ヺ][ァ-ヺー]*)+`;
const BILINGUAL = new RegExp(String.raw`(${LATIN_FULL})\s*\(\s*(${KATAKANA_FULL})\s*\)|(${KATAKANA_FULL})\s*\(\s*(${LATIN_FULL})\s*\)`, 'gu');
/** A kanji name parted into family and given name, with its reading parted the same way: 早瀬 千尋（はやせ ちひろ）. */
const PARTED_READING = /(?<![\p{Script=Han}々])([\p{Script=Han}々]{1,4})[ ・]?([\p{Script=Han}々]{1,4})\(([ぁ-ゖー]{1,8})[ ・]([ぁ-ゖー]{1,8})\)/gu;
/**
 * A credits line naming who plays a part (実況：村瀬 亮（むらせ りょう）　解説：宮坂 徹（元長崎MF）): the
 * part (group 1) and a name alone after it (group 2), up to a bracket, a space or the line's end.
 */
const CREDIT = /(?:^|[\s/／|｜、,])([^\s:()、,/／]{1,8})[:]\s*([^\s:()、。,.!?/／]{1,8}(?: [^\s:()、。,.!?/／]{1,4})?)(?=\s*\(|\s|$)/gu;

/**
 * A legend pair inside a longer line (出演：…（ボケ：大西健太＝ニシやん／ツッコミ：佐伯翔＝サエ）, ※T＝授業者、S＝生徒):
 * a word, ＝, and a word (a name may hold one space: 日向 澪), between separators. In a chat message the pair
 * may follow an exclamation and end in a copula, drawn out or not (「表示名変えた！みさきち＝田中です」「…＝ユーコでーす〜」): the
 * copula is no part of the name, but a long-vowel mark inside one is (ユーコ).
 */
const LEGEND_INLINE = /(?<=^|[\s※*・、,/／:(!?。])([^\s=、,()/／※:!?]{1,12})\s*=\s*([^\s=、,()/／。:!?]{1,8}?(?: [^\s=、,()/／。:!?]{1,8}?)?)(?:(?:です|でーす|だよ|でした|と申します)[ー〜~]*|[〜~]+)?(?=$|[\s、,()/／。※!?])/gu;

/**
 * Parts that read the news: a script's header may credit one (キャスター：藤田 美咲) and label the lines with another
 * (アナウンサー　…). Where the text labels one such part only, the credit is its.
 */
const NEWS_READER = /^(?:アナウンサー|アナ|キャスター|メインキャスター|ニュースキャスター)$/u;

/** Spellings written out as one person's: the text's own legend, a bracketed other spelling, or credits naming a part. */
function writtenSameNames(transcript: Transcript, labels: ReadonlySet<string>, unbulleted: ReadonlySet<string>): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  const name = (text: string): boolean => NAME_SHAPED.test(text) || KANA_NAME_SHAPED.test(text);
  const readers = [...labels].filter((label) => NEWS_READER.test(label));
  for (const line of transcript.lines) {
    const text = line.text.normalize('NFKC').trim();
    const legend = [...text.split(/[、,]/u).map((piece) => LEGEND_PAIR.exec(piece)).filter((match) => match !== null), ...text.matchAll(LEGEND_INLINE)];
    for (const match of legend) {
      const [, left = '', right = ''] = match;
      if (name(left) && name(right) && (labels.has(left) || labels.has(right)) && !pairs.some(([a, b]) => a === left && b === right)) pairs.push([left, right]);
    }
    for (const match of text.matchAll(BILINGUAL)) pairs.push([match[1] ?? match[3] ?? '', match[2] ?? match[4] ?? '']);
    // Credits stand at the top; a part is linked to one name only.
    if (line.line > CREDITS_LINES) continue;
    for (const match of text.matchAll(CREDIT)) {
      const [, written = '', credited = ''] = match;
      const part = !labels.has(written) && NEWS_READER.test(written) && readers.length === 1 ? (readers[0] ?? written) : written;
      // 「司会：広報部 中村」: who they are with, then the name.
      const [unit = '', named] = credited.split(' ');
      const person = named !== undefined && notFamilyName(unit) ? named : credited;
      if (labels.has(part) && !NAME_PARTS_ONLY.test(person) && NAME_SHAPED.test(person) && aliasKey(person) !== aliasKey(part)) pairs.push([part, person]);
    }
  }
  pairs.push(...partIntroductions(transcript));
  pairs.push(...headerCast(transcript, new Set([...labels, ...pairs.flatMap(([left, right]) => (labels.has(left) ? [right] : labels.has(right) ? [left] : []))]), labels, unbulleted));
  // A part credited to two people (解説：A … 解説：B) names neither.
  const credited = new Map<string, Set<string>>();
  for (const [part, person] of pairs) if (labels.has(part)) credited.set(part, (credited.get(part) ?? new Set()).add(aliasKey(person)));
  return pairs.filter(([left]) => (credited.get(left)?.size ?? 0) <= 1);
}
/**
 * A turn's opening words naming its speaker: a name, a copula of any register or dialect (です, でございます, だ,
 * や, じゃ, たい, どす, っす) and the sentence-final particles any dialect closes it with (よ, ね, な, で, べ, がね,
 * けど): 「どうも、森です。」, 「はいはい、村上だがね。」, 「おう、野口じゃ。」, 「坂田だべ。」. Group 1 is the name.
 */
const NAMES_SELF = /^(?:(?:はい|はいはい|どうも|ええ|えー|あ|おう|こんにちは|こんばんは|はじめまして)[ー〜~]*[、,!！]\s*)?([\p{Script=Han}々]{1,4}|[ァ-ヺ][ァ-ヺー]{1,7})(?:と申します|でございます|です|っす|だ|や|じゃ|たい|どす|ぜよ)(?:がね|がや|がな|けど|[よねなぞぜわさでべし])*[ー〜~]*[。!！]?$/u;

/**
 * A transcription tool's parts (話者1, 話者2) tied to who speaks in them, at the top of the talk: the part whose
 * first turn comes right after another part presents someone (「お隣が店主の村上誠さんです。」) is that
 * person, and so is a part whose first turn names its speaker (「はいはい、村上だがね。」) when the text gives
 * that name to someone elsewhere too (presented in full, or with an honorific).
 */
function partIntroductions(transcript: Transcript): Array<readonly [string, string]> {
  const texts = transcript.paragraphs.map((paragraph) => paragraph.text.normalize('NFKC').trim());
  // Every part the text labels, the host's too, though the host's may already be a name (話者1 for 森).
  const parts = [...new Set(texts.flatMap((text) => readLabel(text)?.name ?? []))].filter((name) => LETTERED_ROLE.test(name));
  if (parts.length < 2) return [];
  const body = texts.join('\n');
  const turns: Array<{ part: string; text: string }> = [];
  for (const text of texts.slice(0, INTRO_PARAGRAPHS)) {
    const read = readLabel(text);
    if (read !== null && parts.includes(read.name)) turns.push({ part: read.name, text: text.slice(read.length).trim() });
    else if (read === null && turns.length > 0) {
      const last = turns[turns.length - 1];
      if (last !== undefined) last.text += `\n${text}`;
    }
  }
  const presentedIn = (text: string): string[] => text.split(/\n|(?<=[。!?])/u).flatMap((sentence) => PRESENTED.exec(sentence.trim())?.[1] ?? []);
  const everyone = presentedIn(body);
  const pairs: Array<readonly [string, string]> = [];
  const seen = new Set<string>();
  turns.forEach(({ part, text }, i) => {
    if (seen.has(part)) return;
    seen.add(part);
    const previous = turns[i - 1];
    const presented = previous === undefined || previous.part === part ? [] : presentedIn(previous.text);
    const first = text.split(SENTENCE_BREAK)[0]?.trim() ?? '';
    const named = NAMES_SELF.exec(first)?.[1];
    const known = named === undefined ? undefined : [...presented, ...everyone].find((name) => name.startsWith(named));
    const honoured = named !== undefined && new RegExp(`(?<![\\p{Script=Han}々])${escapeRegExp(named)}(?:さん|氏|先生|様)`, 'u').test(body);
    const person = known ?? (honoured ? named : presented.length === 1 ? presented[0] : undefined);
    if (person !== undefined && person !== '' && !parts.includes(person)) pairs.push([part, person]);
  });
  return pairs;
}

/**
 * A title written after a family name to call someone by it (石倉校長, 羽田教頭, 神田委員長, 森先生): the header's
 * full name with that family name is who the label means.
 */
const FAMILY_TITLE = new RegExp(`^(?:${TITLE_WORDS}|(?:副|前|元)?[\\p{Script=Han}々]{0,4}委員)$`, 'u');
/** Lines from the top where a header may list who takes part, whatever the first label's line. */
const HEADER_LINES = 30;
/** A title, a job or a rank written after a name in a header (森 隆之 医師, 北条 健吾 九段): never a name of its own. */
const TITLE_AFTER = new RegExp(`^(?:医師|看護師|教諭|先生|氏|様|さん|弁護士|教授|准教授|講師|アナウンサー|${RANK_WORD})$`, 'u');
/**
 * A word that ends as a job does: who someone is, not their family name (主査 石井, 記者 林). An organisation
 * (広報部 小野寺) is `ORGANISATION`'s: two kanji at least, since 阿部, 田所 and 仁科 are family names.
 */
const JOB_END = /[査任役員者師士官長]$/u;
/** Whether a word before a name is who someone is or is with (広報部, 主査), not their family name (阿部). */
function notFamilyName(word: string): boolean {
  return ORGANISATION.test(word) || JOB_END.test(word);
}

/**
 * The header's list of who takes part, above the first labelled line: each entry a part or job and a
 * name (被告人　堀内 健吾, 代表取締役CEO 佐伯 隆之, 授業者：石川 智子), or a full name alone (登壇：高橋 蓮、…).
 * A part that is a label (or the legend's other name for one: T＝授業者) or ends one (代表取締役CEO for CEO)
 * is that person; a full name whose family or given name alone is a label (森 隆之 for 森：, 桂 小梅 for 小梅：)
 * is that label's speaker.
 */
function headerCast(transcript: Transcript, parts: ReadonlySet<string>, labels: ReadonlySet<string>, unbulleted: ReadonlySet<string>): Array<readonly [string, string]> {
  const first = transcript.lines.findIndex((line) => {
    const read = readLabel(line.text.normalize('NFKC'), unbulleted);
    return read !== null && labels.has(read.name) && !CREDIT_ONLY.test(line.text.normalize('NFKC').slice(read.length));
  });
  const pairs: Array<readonly [string, string]> = [];
  const entries = headerEntries(transcript.lines.slice(0, first < 0 ? HEADER_LINES : Math.min(first, HEADER_LINES)), labels);
  // Two entries with one family name (石倉 浩二, 石倉 美咲): the family name alone is either's, so neither's.
  const families = new Map<string, Set<string>>();
  for (const { parted, before, person } of entries) if (parted) families.set(before, (families.get(before) ?? new Set()).add(person));
  for (const { line, roles, credited, parted, before, person } of entries) {
    const whole = person.split(/[\s・=]+/u);
    if (!NAME_SHAPED.test(person) || (!credited && whole.length < 2)) continue;
    // A name the header's speakers already list is a member: only a label with a title may still be theirs.
    const listed = parts.has(person);
    const part = listed ? undefined : [...parts].find((label) => roles.some((role) => role === label || (/^[A-Z]{2,}$/u.test(label) && role.endsWith(label))));
    if (part !== undefined) {
      pairs.push([part, person]);
      continue;
    }
    const shared = parted && (families.get(before)?.size ?? 0) > 1;
    const names = whole.map(aliasKey).filter((name) => !shared || name !== aliasKey(before));
    // 「石倉 浩二（校長）」 above 「石倉校長：」: the family name with the title the entry gives (or, with none given
    // and the family name the entry's alone, a title). Whatever the bracket holds is the title (（PTA会長）); only a
    // reading in it (いしくら こうじ) says nothing of the title.
    const held = parted ? new RegExp(`${escapeRegExp(person)}\\s*\\(([^()]+)\\)`, 'u').exec(line.text.normalize('NFKC'))?.[1]?.trim() : undefined;
    const bracket = held === undefined || /^[ぁ-ゖァ-ヺー\s・]+$/u.test(held) ? undefined : held;
    const titled = (label: string): boolean => {
      const title = parted && label.startsWith(before) ? label.slice(before.length) : '';
      return FAMILY_TITLE.test(title) && (bracket === undefined ? !shared : heldTitle(bracket, title));
    };
    const owners = names.length > 1 || shared ? [...labels].filter((label) => (!listed && names.includes(aliasKey(label))) || titled(label)) : [];
    // One label, or the family name alone and with a title (石倉：, 石倉校長：): two names' labels would make it anyone's.
    if (owners.length === 1 || (parted && owners.every((label) => label === before || titled(label)))) pairs.push(...owners.map((label) => [label, person] as const));
  }
  return pairs;
}

interface HeaderEntry {
  readonly line: SourceLine;
  /** The words before the name: the part before a colon (記録：) and who the person is or is with (被告人, 代表取締役CEO). */
  readonly roles: readonly string[];
  /** The entry follows a part's colon (記録：ゆず), so a name alone is one; without a colon the name must be whole. */
  readonly credited: boolean;
  /** The name is a kanji family name and a given name apart (石倉 浩二): `before` is the family name. */
  readonly parted: boolean;
  readonly before: string;
  readonly person: string;
}

/** The entries of a header's lines, each with the name it ends with (see `headerCast`). */
function headerEntries(lines: readonly SourceLine[], labels: ReadonlySet<string>): HeaderEntry[] {
  const words = (text: string): string[] => text.split(/\s+/u).filter((word) => word !== '');
  const entries: HeaderEntry[] = [];
  for (const line of lines) {
    const text = line.text.normalize('NFKC').replace(/\([^()]*\)/gu, ' ');
    // A title (# …Marguerite Dubois 博士講演) is no list of who takes part.
    if (/^\s*#/u.test(text)) continue;
    // Entries part at a slash or a comma, or at a space before the next part's colon (…石川 智子　学級：…).
    for (const piece of text.split(/[/／|｜、,]|\s+(?=[^\s:]{1,8}:)/u)) {
      // 「記録：ゆず」: the part before the colon, the name after it; without a colon the name must be whole (被告人　堀内 健吾).
      const colon = piece.lastIndexOf(':');
      const part = words(colon < 0 ? '' : piece.slice(0, colon));
      for (const tokens of personRuns(words(piece.slice(colon + 1)), labels)) {
        while (tokens.length > 1 && TITLE_AFTER.test(tokens.at(-1) ?? '')) tokens.pop();
        const [last = '', before = ''] = [tokens.at(-1), tokens.at(-2)];
        const parted = tokens.length >= 2 && partedName(before, last);
        entries.push({ line, roles: [...part, ...tokens.slice(0, tokens.length - (parted ? 2 : 1))], credited: colon >= 0, parted, before, person: parted ? `${before} ${last}` : last });
      }
    }
  }
  return entries;
}

/** A kanji family name and a given name written apart (石倉 浩二, 水無瀬 あかり), as a header lists them. */
function partedName(family: string, given: string): boolean {
  return /^[\p{Script=Han}々]{1,4}$/u.test(family) && /^[\p{Script=Han}々ぁ-ゖ]{1,4}$/u.test(given) && !notFamilyName(family) && !TITLE_AFTER.test(given);
}

/**
 * An entry's words cut where one person's name ends, since one entry may list two people (先手 桐谷 蒼 七段　後手 沖田 陽一 …):
 * after a family name the text labels and the given name written after it (桐谷 蒼 for 桐谷：), and after a title or
 * rank closing a full name (桐谷 蒼 七段). A lone word left after the last name is said of that person (a title:
 * 沖田 陽一 名人), no entry of its own.
 */
function personRuns(tokens: readonly string[], labels: ReadonlySet<string>): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const token of tokens) {
    const previous = run.at(-1) ?? '';
    const labelled = labels.has(previous) && !isPart(previous) && !labels.has(token) && partedName(previous, token);
    const titled = TITLE_AFTER.test(token) && partedName(run.at(-2) ?? '', previous);
    run.push(token);
    if (labelled || titled) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 1 || runs.length === 0) runs.push(run);
  return runs;
}

/**
 * Whether an attendee entry's bracket (校長, PTA会長, 校長・司会) gives the title a label writes on the family name:
 * one of its words is the title or ends with it, a 副会長 not being a 会長.
 */
function heldTitle(bracket: string, title: string): boolean {
  return bracket.split(/[\s・、,/]+/u).some((word) => word === title || (word.endsWith(title) && !/[副前元]$/u.test(word.slice(0, -title.length))));
}
/**
 * What follows a part's label on a credits line: only a name (group 1), maybe bracketed, then nothing, a
 * note or the next part's credit: 「村瀬 亮（むらせ りょう）　解説：…」.
 */
const CREDIT_ONLY = /^\s*([^\s:()、。,.!?/※]{1,8}(?: [^\s:()、。,.!?/※]{1,4})?)\s*(?:\([^()]*\))?\s*(?:$|※|[^\s:()、。]{1,8}:)/u;
/** Capitals that stand for a part (CEO, T for a lesson's teacher), not for a name. */
const INITIALS = /^[A-Z]{1,4}$/u;
/** A name shape that is only an honorific form with no name in it. */
const NAME_PARTS_ONLY = /^(?:さん|氏|先生|博士|教授)$/u;

/**
 * Join the members the text itself says are one person (see `writtenSameNames`): they become one
 * member under the fullest name (a nickname's full name, the katakana of a Latin name, the person
 * behind a part such as 解説), answering to every spelling. A kanji name's parted reading becomes
 * another name for whoever has that name (早瀬 → はやせ).
 */
function linkWrittenSpellings(members: CastMember[], transcript: Transcript, unbulleted: ReadonlySet<string>): void {
  const labels = new Set(members.map((member) => member.name));
  const matching = (spelling: string): CastMember[] => {
    const key = aliasKey(spelling);
    // A kanji full name without a space (佐伯翔) is whole too: its family name alone (佐伯：) is the same person.
    const whole = nameParts(spelling).length > 1 || /^[\p{Script=Han}々]{3,6}$/u.test(spelling);
    return members.filter((member) => aliasKey(member.name) === key || member.aliases.some((alias) => aliasKey(alias) === key) || (whole && nameMatch(member.name, spelling) > 0));
  };
  for (const [left, right] of writtenSameNames(transcript, labels, unbulleted)) {
    const joined = [...new Set([...matching(left), ...matching(right)])];
    if (joined.length === 0) continue;
    // Two full names that differ are two people, whatever the pair says.
    const full = [...new Set(joined.filter((member) => nameParts(member.name).length > 1 || /^[\p{Script=Han}々]{3,}$/u.test(member.name)).map((member) => aliasKey(member.name)))];
    if (full.length > 1 && !full.every((key) => key === aliasKey(left) || key === aliasKey(right))) continue;
    const spellings = [left, right].filter((spelling) => !/^[ぁ-ゖー\s]+$/u.test(spelling));
    const candidates = [...joined.map((member) => member.name), ...spellings.filter((spelling) => !isLatinSpelling(spelling))];
    // The fullest spelling in the script the text reads in: kanji or katakana before Latin, and before a
    // nickname in hiragana (本田大地, not ぽんた).
    // A part (司会, CEO, T) names the person only until their name is known, and so does a family name with a title (石倉校長 for 石倉 浩二).
    const titledFamily = (candidate: string): boolean =>
      candidates.some((other) => {
        const [family = '', given] = other.split(/\s+/u);
        return given !== undefined && candidate.startsWith(family) && FAMILY_TITLE.test(candidate.slice(family.length));
      });
    const weight = (candidate: string): number => [...aliasKey(candidate)].length + (/^[ぁ-ゖー\s]+$/u.test(candidate) ? 0 : isLatinSpelling(candidate) ? 50 : 100) - (isPart(candidate) || INITIALS.test(candidate) || titledFamily(candidate) ? 90 : 0);
    const best = Math.max(...candidates.map(weight));
    const canonical = candidates.find((candidate) => weight(candidate) === best) ?? joined[0]?.name ?? left;
    const aliases = [...new Set([canonical, ...joined.flatMap((member) => member.aliases), ...[left, right].flatMap((spelling) => [...aliasesOf(spelling), spelling.replace(/\s+/gu, '')])])];
    const role = joined.some((member) => member.role === 'host') ? 'host' : (joined[0]?.role ?? 'guest');
    for (const member of joined) members.splice(members.indexOf(member), 1);
    members.push({ name: canonical, aliases, role });
  }
  const body = transcript.lines.map((line) => line.text).join('\n').normalize('NFKC');
  for (const match of body.matchAll(PARTED_READING)) {
    const [, family = '', given = '', familyReading = '', givenReading = ''] = match;
    members.forEach((member, i) => {
      const keys = new Set([member.name, ...member.aliases].map(aliasKey));
      if (!keys.has(aliasKey(`${family}${given}`))) return;
      const readings = [`${familyReading} ${givenReading}`, `${familyReading}${givenReading}`, ...(keys.has(aliasKey(family)) ? [familyReading] : [])];
      members[i] = { ...member, aliases: [...new Set([...member.aliases, ...readings])] };
    });
  }
}

/** The kanji family names (by `aliasKey`) that two members' full names, family and given name apart, share: 石倉 for 石倉 浩二 and 石倉 美咲. */
function sharedFamilyNames(members: readonly CastMember[]): Set<string> {
  const given = new Map<string, Set<string>>();
  for (const { name } of members) {
    const [family = '', first, ...rest] = name.normalize('NFKC').trim().split(' ');
    if (first !== undefined && rest.length === 0 && partedName(family, first)) given.set(aliasKey(family), (given.get(aliasKey(family)) ?? new Set()).add(first));
  }
  return new Set([...given].filter(([, names]) => names.size > 1).map(([family]) => family));
}

/** The byline's name without the description a byline may bracket after it (佐藤健太郎（科学ジャーナリスト）). */
function authorName(transcript: Transcript): string | null {
  return transcript.author?.replace(/\s*[(（][^()（）]*[)）]\s*$/u, '').trim() || null;
}

/**
 * The family or given name of a kanji full name written without a space, as the text itself uses
 * it with an honorific (石井健 → 石井 when 「石井さん」 occurs): where the name splits is not
 * written, so only a split the text confirms is taken.
 */
function kanjiNameParts(name: string, text: string): string[] {
  const points = [...name];
  if (!/^[\p{Script=Han}々]{3,6}$/u.test(name)) return [];
  const parts: string[] = [];
  for (let cut = 2; cut <= points.length - 1; cut += 1) {
    const family = points.slice(0, cut).join('');
    // Not a family name the text gives someone else too (田中一郎 and 田中次郎): 「田中さん」 may be either.
    if ([...fullNamesOf(family, text)].some((other) => other !== name)) continue;
    for (const part of [family, points.slice(cut).join('')]) {
      if ([...part].length >= 2 && new RegExp(`(?<![\\p{Script=Han}々])${part}(?:さん|氏|先生|教授|博士|様)`, 'u').test(text.replaceAll(name, ''))) parts.push(part);
    }
  }
  return [...new Set(parts)];
}

/** Honorifics and titles written after a name in kanji: 竹内氏, 中村社長. */
const TITLE_AFTER_NAME = /^(?:殿|様|君|氏|先生|教授|博士|社長|会長|部長|課長|係長|局長|市長|町長|村長|知事|議員|大臣|代表|所長|店長|院長|校長|選手|監督|記者|委員)/u;
/** What may follow a family name without being a given name: honorifics, titles, particles (中村さん, 中村社長, 中村のです). */
const NOT_GIVEN_NAME = new RegExp(`${TITLE_AFTER_NAME.source}|^(?:さん|さま|くん|ちゃん)|^[のがはをにともでへやかなだ]`, 'u');

/** The kanji full names the text writes a kanji family name in, with an honorific (田中 → 田中一郎さん, 田中次郎さん). */
function fullNamesOf(family: string, body: string): Set<string> {
  if (!/^[\p{Script=Han}々]{1,3}$/u.test(family)) return new Set();
  const pattern = new RegExp(`(?<![\\p{Script=Han}々])${family}([\\p{Script=Han}々]{1,3})(?=さん|氏|先生)`, 'gu');
  return new Set([...body.matchAll(pattern)].map((match) => match[1] ?? '').filter((given) => given !== '' && !NOT_GIVEN_NAME.test(given)).map((given) => `${family}${given}`));
}

/**
 * The full name the text gives a family name that speaks alone (label `中村:`, 「石川です」): the
 * family name followed by a given name and an honorific or です (中村真理子さん, 中村真理子です),
 * when the text gives exactly one such name.
 *
 * @example fullerName({ name: '中村', … }, '…中村真理子です。') // [{ name: '中村真理子', … }]
 */
function fullerName(member: CastMember, body: string): CastMember[] {
  if (!/^[\p{Script=Han}々]{1,3}$/u.test(member.name)) return [];
  // 白石ユウ（しらいし・ゆう）: a profile's full name with its reading, the given name in katakana too.
  const pattern = new RegExp(`${member.name}([\\p{Script=Han}々]{1,3}|[ぁ-ゖ]{2,3}|[ァ-ヺー]{1,4}(?=[(（][ぁ-ゖー]{1,8}[・･ ][ぁ-ゖー]{1,8}[)）]))(?=さん|氏|先生|です|と申します|でございます|[(（])`, 'gu');
  const given = new Set([...body.matchAll(pattern)].map((match) => match[1] ?? '').filter((part) => part !== '' && !NOT_GIVEN_NAME.test(part)));
  const [part] = given;
  if (given.size !== 1 || part === undefined) return [];
  const name = `${member.name}${part}`;
  // The split is known here, so the given name is an alias wherever the text calls them by it (真理子さん).
  const called = new RegExp(`(?<![\\p{Script=Han}々])${part}(?:さん|先生|様)`, 'u').test(body);
  return [{ name, aliases: [...aliasesOf(name), member.name, ...(called ? [part] : [])], role: member.role }];
}

/**
 * The name that ends a self-description: the phrase itself when it is a name, else the name that
 * closes it after kana (市の観光課の石川 → 石川, ガジェット大好きケンタ → ケンタ).
 */
function nameAtEnd(phrase: string | undefined): string | null {
  if (phrase === undefined) return null;
  if (NAME_SHAPED.test(phrase)) return phrase;
  // After の a family name of one kanji stands whole (編集部の森, 情報誌「なごやん」の林).
  const run = /(?<=[ぁ-ゖ])(?:[ァ-ヺ][ァ-ヺー]+(?:[・=][ァ-ヺ][ァ-ヺー]+)*|[\p{Script=Han}々]{2,4}|[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*)$|(?<=の)(?![私僕俺方者人])\p{Script=Han}$/u.exec(phrase)?.[0];
  return run !== undefined && NAME_SHAPED.test(run) ? run : null;
}

/** The host's name from their self-introduction, with the line that gives it. */
function findHost(intro: readonly string[]): { readonly name: string; readonly text: string } | null {
  for (const text of intro) {
    const folded = text.normalize('NFKC');
    for (const pattern of HOST_PATTERNS) {
      for (const sentence of folded.split(SENTENCE_BREAK)) {
        const name = nameAtEnd(pattern.exec(sentence.trim())?.[1]?.trim());
        if (name !== null) return { name, text };
      }
    }
  }
  return null;
}

/**
 * A name from a header's list of speakers, as a cast member: a Latin spelling in brackets after it
 * is another name for them (サラ・コリンズ（Sarah Collins）), anything else bracketed is a description.
 */
function listedSpeaker(listed: string): CastMember {
  const bracketed = /^(.+?)\s*[(（]([^()（）]+)[)）]$/u.exec(listed.normalize('NFKC').trim());
  const written = bracketed?.[1]?.trim() ?? listed;
  // 「ミドリ会計サービス 営業 北野 翔太」: who they are with and what they do, then the name (the last two words).
  const words = written.split(/\s+/u);
  const tail = words.slice(-2).join(' ');
  const name = words.length > 2 && !isLatinSpelling(written) && NAME_SHAPED.test(tail) ? tail : written;
  const spelled = bracketed?.[2]?.trim();
  const latin = spelled !== undefined && /^[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)+$/u.test(spelled) ? aliasesOf(spelled) : [];
  return { name, aliases: [...aliasesOf(name), ...latin], role: 'guest' };
}

/** Label names that recur (or that the title names), each once. Q/A labels stay roles, not people. */
function findLabels(paragraphs: readonly Paragraph[], known: readonly CastMember[], unbulleted: ReadonlySet<string>): CastMember[] {
  const counts = new Map<string, number>();
  const hosts = new Set<string>();
  /** The role each label carries (佐藤（司会）, 高橋（ゲスト）): another name users call them by. */
  const roles = new Map<string, Set<string>>();
  /** Labels written with a bracket (a role or an affiliation): a heading never carries one. */
  const bracketed = new Set<string>();
  /** Fuller names a label's own lines give its speaker (「プロダクト本部のデイビッド・チェンです。」 under `チェン:`). */
  const fuller = new Map<string, Set<string>>();
  /** How each label is written (the last shape seen wins: a name is written one way throughout). */
  const shapes = new Map<string, LabelRead['shape']>();
  /** Other ways a label is written: with a title on the name (森医師, 森Dr. for 森), the name in its bracket (記者A（テック通信・斉藤）). */
  const written = new Map<string, Set<string>>();
  /** Labels whose line gives the label's own name (「…顧問の佐久間です。」). */
  const selfNamed = new Set<string>();
  const names = new Map<string, Set<string>>();
  for (const paragraph of paragraphs) {
    const text = paragraph.text.normalize('NFKC');
    const read = readLabel(text, unbulleted);
    if (read === null || read.shape === 'none') continue;
    const { name, role } = read;
    if (read.titled !== null) written.set(name, (written.get(name) ?? new Set()).add(read.titled));
    const inBracket = role === null ? null : bracketName(role);
    if (inBracket !== null) names.set(name, (names.get(name) ?? new Set()).add(inBracket));
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (shapes.get(name) !== 'chat') shapes.set(name, read.shape);
    if ((role !== null && HOST_ROLE.test(role)) || HOST_ROLE.test(name)) hosts.add(name);
    if (role !== null && role !== '') bracketed.add(name);
    if (role !== null && role !== '' && inBracket === null && (ROLE_LABEL.test(role) || HOST_ROLE.test(role) || !AFFILIATION.test(role))) roles.set(name, (roles.get(name) ?? new Set()).add(role));
    for (const sentence of text.slice(read.length).split(SENTENCE_BREAK)) {
      const own = OWN_NAME.exec(sentence.trim())?.[1]?.trim();
      if (own === undefined || nameMatch(name, own) === 0) continue;
      // 「佐久間：えー、顧問の佐久間です。」 vouches for a label said once as well as a fuller name does.
      if (own === name) selfNamed.add(name);
      else fuller.set(name, (fuller.get(name) ?? new Set()).add(own));
    }
  }
  const labels: CastMember[] = [];
  const body = paragraphs.map((paragraph) => paragraph.text).join('\n').normalize('NFKC');
  const roleNames = [...roles.values()].flatMap((set) => [...set]);
  // Among labels that recur, a name labelled once is a speaker too when the label or the line vouches
  // for it: a bracket after it, or the line giving the speaker's name (「…のデイビッド・チェンです。」).
  const dialogue = [...counts.entries()].filter(([name, count]) => count >= MIN_LABEL_COUNT && !QA_LABEL.test(name)).length >= 2;
  /** How often each lettered part's word labels a line (学生A and 学生B both count for 学生). */
  const parts = new Map<string, number>();
  for (const [name, count] of counts) {
    const part = LETTERED_ROLE.exec(name)?.[1];
    if (part !== undefined) parts.set(part, (parts.get(part) ?? 0) + count);
  }
  const recurring = (name: string): boolean => (counts.get(name) ?? 0) >= MIN_LABEL_COUNT && !QA_LABEL.test(name) && shapes.get(name) !== 'kana';
  for (const [name, count] of counts) {
    const named = known.some((member) => member.aliases.some((alias) => nameMatch(name, alias) > 0));
    const part = LETTERED_ROLE.exec(name)?.[1];
    // Among labels that recur, a part in the proceedings (被告人：, 証人：) or a part with a letter (生徒A：)
    // labels its speaker however seldom it speaks, and so does the full name of a recurring label written
    // out once (桂小梅： before 小梅：), or a name with a title on it (林委員：), as sure a label as a bracket.
    const fullerOfLabel = [...counts.keys()].some((other) => other !== name && recurring(other) && nameMatch(other, name) > 0);
    const vouched = (dialogue && (bracketed.has(name) || written.has(name) || fuller.has(name) || selfNamed.has(name) || ROLE_LABEL.test(name) || part !== undefined || fullerOfLabel)) || (part !== undefined && (parts.get(part) ?? 0) > count);
    // A saved chat names its senders itself: each one speaks, however often.
    if (shapes.get(name) === 'chat') {
      labels.push({ name, aliases: [...aliasesOf(name), ...[...(roles.get(name) ?? [])].flatMap((role) => roleAliases(name, role))], role: 'guest' });
      continue;
    }
    // A name in hiragana (こてつ：, 森下ひなた：) is a label where it recurs among labels of the usual shape.
    if (shapes.get(name) === 'kana' && !named && (count < MIN_LABEL_COUNT || ![...counts.keys()].some((other) => other !== name && recurring(other)))) continue;
    // A name before quoted words once (映画「君の名は。」) introduces a title unless a cast list names it.
    if (shapes.get(name) === 'script' && count < MIN_LABEL_COUNT && !named) continue;
    if (QA_LABEL.test(name) || (count < MIN_LABEL_COUNT && !named && !vouched)) continue;
    // A role is an alias only when one label carries it: two 「ゲスト」 would make it ambiguous.
    const own = [...(roles.get(name) ?? [])].filter((role) => roleNames.filter((other) => other === role).length === 1);
    const spelled = [...(fuller.get(name) ?? [])].flatMap(aliasesOf);
    // 「西岡市長」 for ○市長（西岡実君）: the family name before the part they speak in, as the text writes it.
    for (const role of own) spelled.push(...familyWithRole(name, role, body));
    // 「マルシャン博士：」: the person is マルシャン; the title stays another name for them.
    const titled = [...(withoutHonorific(name) === name ? [] : [name]), ...(written.get(name) ?? [])];
    // A bracketed name is one label's only: two labels that bracket 田中 leave it to neither.
    const inBrackets = [...(names.get(name) ?? [])].filter((other) => [...names.values()].filter((set) => set.has(other)).length === 1);
    labels.push({ name, aliases: [...aliasesOf(name), ...titled, ...own.flatMap((role) => roleAliases(name, role)), ...spelled, ...inBrackets.flatMap(aliasesOf), ...handleTail(name, body)], role: hosts.has(name) ? 'host' : 'guest' });
  }
  // One recurring word before a colon (注意:, ポイント:, メモ:) in an article is a heading, not a
  // speaker: a dialogue has at least two voices, unless the material names the one labelled.
  if (labels.length === 1 && !known.some((member) => labels.some((label) => nameMatch(label.name, member.name) > 0))) return [];
  return labels;
}

/** A title anyone may be called by (先生, 社長), so no one's handle. */
const TITLE_WORD = /^(?:先生|社長|店長|部長|課長|係長|会長|院長|校長|園長|所長|室長|局長|署長|先輩|師匠|博士|教授|殿|様|氏|君)$/u;
/**
 * The kanji end of a handle in hiragana and kanji (ぽてと大佐 → 大佐), when the text calls them by it alone.
 */
function handleTail(name: string, body: string): string[] {
  const tail = /^[ぁ-ゖー]{2,5}([\p{Script=Han}々]{2,3})$/u.exec(name)?.[1];
  // たなか先生's 先生 is anyone's title, not their handle.
  return tail !== undefined && !TITLE_WORD.test(tail) && body.replaceAll(name, '').includes(tail) ? [tail] : [];
}

/** A post at the end of a role that is written after a family name to call someone by it (みなと市長 → 山田市長). */
const POST_TITLE = /(?:市長|町長|村長|区長|知事|議長|委員長|理事長|社長|会長|部長|課長|局長|所長|店長|院長|校長|園長|署長|室長|係長|監督|教授|議員|大臣)$/u;

/**
 * A role as another name for the one who carries it: written whole (a caption's 「山川町　防災担当」 is one role,
 * so 山川町 alone names nobody), and, when it ends in a post, the family name with the post (〈みなと市長　山田一郎さん〉
 * → 山田市長). Where a kanji name without a space splits is not written, so each likely split is offered: a user types one.
 */
function roleAliases(name: string, role: string): string[] {
  const whole = role.replace(/\s+/gu, '');
  const post = POST_TITLE.exec(role.split(/\s+/u).at(-1) ?? '')?.[0];
  if (post === undefined) return [whole];
  const [family, given] = name.split(/\s+/u);
  const points = [...name];
  // Family and given name are two kanji or more each, but for a name of three (林一郎, 山田一).
  const cuts = points.slice(1).map((_, i) => i + 1).filter((cut) => points.length === 3 || (cut >= 2 && points.length - cut >= 2));
  const families = given !== undefined && family !== undefined ? [family] : /^[\p{Script=Han}々]{3,6}$/u.test(name) ? cuts.map((cut) => points.slice(0, cut).join('')) : [];
  return [whole, ...families.map((part) => `${part}${post}`)];
}

/**
 * A kanji full name's family name written before the speaker's part (西岡実 as 市長 → 西岡市長, 西岡): the
 * text's own split of the name, so both become names for them.
 */
function familyWithRole(name: string, role: string, body: string): string[] {
  if (!/^[\p{Script=Han}々]{3,6}$/u.test(name) || !/^[\p{Script=Han}々]{1,8}$/u.test(role)) return [];
  const points = [...name];
  for (let cut = points.length - 1; cut >= 1; cut -= 1) {
    const family = points.slice(0, cut).join('');
    if (new RegExp(`(?<![\\p{Script=Han}々])${family}${role}`, 'u').test(body)) return [`${family}${role}`, ...(cut >= 2 ? [family] : [])];
  }
  return [];
}

/**
 * What the introduction says about each person: the stretch of each introduction line from a
 * person's name to the next person's name. 「セバスチャンはYouTubeにコースを、ネイサンはポッドキャストを」
 * gives YouTube to one and the podcast to the other.
 */
function describeFromIntroduction(people: readonly Person[], intro: readonly string[]): void {
  for (const text of intro) {
    const folded = aliasKeyText(text);
    const hits: Array<{ at: number; person: Person }> = [];
    for (const person of people) {
      for (const key of person.keys) {
        for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + key.length)) hits.push({ at, person });
      }
    }
    hits.sort((a, b) => a.at - b.at);
    hits.forEach((hit, i) => {
      const next = hits.slice(i + 1).find((other) => other.person !== hit.person);
      hit.person.profile += ` ${folded.slice(hit.at, next?.at ?? folded.length)}`;
    });
  }
}

/** Text folded like alias keys, so names are found in it by `indexOf`. */
function aliasKeyText(text: string): string {
  return aliasKey(text);
}

// ── Cues ───────────────────────────────────────────────────────────────────

/** Names that open two lines or more as a label: a name someone is called by, not a one-off word before a colon. */
function recurringLabels(paragraphs: readonly Paragraph[], unbulleted: ReadonlySet<string>): Set<string> {
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) {
    const name = readLabel(paragraph.text.normalize('NFKC').trim(), unbulleted)?.name;
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 2).map(([name]) => name));
}

function readCues(text: string, people: readonly Person[], headed: boolean, recurring: ReadonlySet<string>, unbulleted: ReadonlySet<string>): LineCues {
  const raw = text.normalize('NFKC').trim();
  const shaped = readLabel(raw, unbulleted);
  // A script's shape is a label only where the name recurs so or names someone in the cast: 特集「丸の内の今」 is a title.
  const read = shaped?.shape === 'script' && !recurring.has(shaped.name) && personNamed(people, shaped.name) === null ? null : shaped;
  const labelled = read?.name ?? null;
  const body = read === null ? raw : raw.slice(read.length).trim();
  const label = labelled === null ? null : personNamed(people, labelled);
  // The host naming their own show is not a mention of them.
  const unshown = HOST_HINT.test(body) ? HOST_PATTERNS.reduce((text, pattern) => text.replace(pattern, ''), body) : body;
  const named = nameText(unshown);
  const sentences = body.split(SENTENCE_BREAK).filter((part) => part.trim() !== '');
  const lastSentence = sentences.at(-1) ?? body;
  const firstSentence = body.split(SENTENCE_BREAK)[0] ?? body;
  const selfIntro = SELF_INTRO.exec(body)?.[1];
  const mentioned = mentionsIn(unshown, people, selfIntro);
  const selfNamed = sentences.map((sentence) => SELF_NAMED.exec(sentence.trim())?.[1]).map((name) => (name === undefined ? null : personNamed(people, name))).find((person) => person !== null) ?? null;
  // Saying one's own name is not a mention of oneself.
  if (selfNamed !== null) mentioned.delete(selfNamed);
  // Only a closing sentence hands over: a one-sentence line that opens with a name takes it up.
  const lastMentioned = sentences.length > 1 ? mentionsIn(lastSentence, people, selfIntro) : new Set<Person>();
  // A question the line goes on to answer or argue itself (「…偶然でしょうか。多分そうではない。」) is put to nobody.
  const closing = lastSentence.trim();
  const answersItself =
    sentences.length > 1 && !QUESTION_END.test(lastSentence) && (SELF_ANSWER.test(closing) || (WONDERED_ANSWER.test(closing) && WONDERING.test(sentences.at(-2)?.trim() ?? '')));
  const asks = (!answersItself && sentences.slice(-2).some((sentence) => QUESTION_END.test(sentence))) || REQUEST.test(body);
  // The name may open the line and the question close it: 「マリア、まず…教えてください。…違うんですか?」
  const nominee = findNominee(lastSentence, people);
  const addressee = findAddressee(lastSentence, people) ?? (asks && firstSentence !== lastSentence ? findAddressee(firstSentence, people, false) : null) ?? nominee;
  if (addressee !== null) mentioned.add(addressee);
  const said = quotedSpeakerIn(body);
  return {
    label,
    unowned: read !== null && label === null && !QA_LABEL.test(read.name) && read.shape !== 'chat',
    // Not words nobody speaks (板書：, 全員：), nor a label that recurs or is written as a person (指導主事 村上：):
    // 田中：結論から言います。 結論：値上げはしません。 goes on with 田中.
    topic: read !== null && read.shape === 'label' && !recurring.has(read.name) && /^[\p{Script=Han}々]{2,4}$/u.test(read.name) && !TITLED_NAME.test(read.name) && !namesSomeone(people, read.name),
    heading: read === null && (headed || CLOSING_LINE.test(raw)),
    aside: read === null && ASIDE_LINE.test(raw),
    qa: labelled !== null && QA_LABEL.test(labelled) ? (/^(?:q|question|質問|問)$/iu.test(labelled) ? 'q' : 'a') : null,
    body,
    // A question may trail an afterthought: 「…と思ったんや? ChatGPTにつながったんや。」
    question: asks || nominee !== null,
    // 「あなたが言ったように」 takes up the last speaker's words, unless the line names whom it answers.
    reply: REPLY_OPENER.test(body) || TAKES_UP.test(firstSentence) || (TAKES_UP.test(body) && mentioned.size === 0),
    continuation: CONTINUATION.test(body),
    requests: REQUEST.test(lastSentence),
    // A short line calling someone by name (「Xさん、よろしくお願いします。」) hands them the floor; it is no back-channel.
    interjection:
      ([...body].length <= INTERJECTION_MAX || ([...body].length <= REACTION_MAX && REACTION_END.test(body) && sentences.length === 1)) &&
      addressee === null &&
      !CONTINUATION.test(body) &&
      !AFTERTHOUGHT.test(body) &&
      !/[?\uFF1F]/u.test(body),
    welcome: WELCOME.test(body),
    // 「よろしくお願いします。呼んでいただいてありがとうございます。」: a short line of thanks answers a welcome.
    thanks: THANKS.test(firstSentence) || ([...body].length <= SHORT_THANKS_MAX && THANKS.test(body)),
    mentioned,
    addressee,
    selfDescribed: selfDescribed(body, people),
    selfNamed,
    quoteIntro: said === null || said === 'same' ? null : (personNamed(people, said.name) ?? personNamed(people, said.name.replace(/\s+/gu, ''))),
    quoteSame: said === 'same',
    reportsSpeech: REPORTED_SPEECH.test(body) && quotedShare(body) >= 0.5,
    quoteLine: QUOTE_LINE.test(body),
    lastNamed: soleNamed(lastSentence, people),
    editorial: EDITORIAL.test(body) || /である。\s*$/u.test(firstSentence),
    firstPerson: FIRST_PERSON.test(body),
    // Guests call each other by given name; a full name in the third person is the host presenting someone.
    hostCue: HOST_CUE.test(body) || people.some((person) => person.member.role === 'guest' && nameParts(person.member.name).length > 1 && containsKey(named, aliasKey(person.member.name))),
    handsOver: [...lastMentioned].some((person) => person !== selfNamed) && !asks,
    presents: sentences.some((sentence) => {
      const presented = PRESENTED.exec(sentence.trim())?.[1];
      return presented !== undefined && personNamed(people, presented) !== null;
    }),
  };
}

/** People a text names, in any script, other than the speaker introducing themselves (`selfIntro`). */
function mentionsIn(text: string, people: readonly Person[], selfIntro: string | undefined): Set<Person> {
  const named = nameText(text);
  const mentioned = new Set<Person>();
  for (const person of people) {
    if (selfIntro !== undefined && person.keys.includes(aliasKey(selfIntro))) continue;
    if (person.keys.some((key) => containsKey(named, key))) mentioned.add(person);
  }
  // Katakana names are often written in Latin in the same text (「Nathanが言ったように」).
  for (const match of text.matchAll(LATIN_NAME_MENTION)) {
    const word = match[1] ?? '';
    const person = personNamed(people, word);
    if (person !== null && !(selfIntro !== undefined && selfIntro.includes(word))) mentioned.add(person);
  }
  return mentioned;
}

/** A text in the forms names are looked for in, computed once per text rather than once per name. */
interface NameText {
  /** Folded like alias keys, for Japanese script. */
  readonly folded: string;
  /** NFKC, lower case, runs of spaces and middle dots as one space, for Latin. */
  readonly spaced: string;
  /** `spaced` without its spaces: a quick test before the word-boundary one. */
  readonly compact: string;
}

function nameText(raw: string): NameText {
  const spaced = raw.normalize('NFKC').toLowerCase().replace(/[\s・･·]+/gu, ' ');
  return { folded: aliasKeyText(raw), spaced, compact: spaced.replaceAll(' ', '') };
}

/**
 * Whether a text names a key: anywhere for Japanese script (no spaces to stop at), as a whole word
 * for Latin (`lex` is in "perplexity"), a space allowed between any two letters ("sam altman").
 */
function containsKey(text: NameText, key: string): boolean {
  if (KANJI_KEY.test(key)) return kanjiNameIn(text.folded, key);
  if (!/^[a-z0-9]+$/u.test(key)) return text.folded.includes(key);
  if (!text.compact.includes(key)) return false;
  return new RegExp(`(?<![a-z])${key.replace(/(?<=.)/gu, ' ?').trimEnd()}(?![a-z])`, 'u').test(text.spaced);
}

const KANJI_KEY = /^[\p{Script=Han}々]+$/u;

/**
 * Whether a kanji name stands in a text as a word of its own: not inside a longer kanji word,
 * which is another name or a thing (竹内与兵衛, 竹内味噌醸造 do not name 竹内), titles aside (竹内氏, 竹内社長).
 */
function kanjiNameIn(text: string, key: string): boolean {
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    const before = text.slice(0, at).at(-1) ?? '';
    const after = text.slice(at + key.length);
    if (!KANJI_KEY.test(before) && (!/^[\p{Script=Han}々]/u.test(after) || TITLE_AFTER_NAME.test(after))) return true;
  }
  return false;
}

function soleNamed(sentence: string, people: readonly Person[]): Person | null {
  const text = nameText(sentence);
  const named = people.filter((person) => person.keys.some((key) => containsKey(text, key)));
  return named.length === 1 && named[0] !== undefined ? named[0] : null;
}

function personNamed(people: readonly Person[], name: string): Person | null {
  const key = aliasKey(name);
  const exact = people.find((person) => person.keys.includes(key));
  if (exact !== undefined) return exact;
  // A family name two people's full names share (石倉 for 石倉 浩二 and 石倉 美咲) names neither.
  if (people.filter((person) => person.member.name.startsWith(`${name} `)).length > 1) return null;
  return people.find((person) => answersTo(person, name)) ?? null;
}

/** Whether a name is part of a cast member's (石倉 of 石倉 浩二), though it may name more than one of them. */
function namesSomeone(people: readonly Person[], name: string): boolean {
  return people.some((person) => answersTo(person, name));
}

/** Whether a person answers to a name by one of their spellings (a part of it will do). */
function answersTo(person: Person, name: string): boolean {
  return person.member.aliases.some((alias) => nameMatch(name, alias) > 0);
}

/** 「セバスチャン、誰が…?」「ネイサンはどう思いますか?」: the person a question turns to. */
function findAddressee(sentence: string, people: readonly Person[], mustAsk = true): Person | null {
  if (mustAsk && !QUESTION_END.test(sentence)) return null;
  const trimmed = sentence.trim();
  const latin = /^(?:では|じゃあ|さて)?[、,]?\s*([A-Z][a-z]+)(?:さん)?[、,]/u.exec(trimmed)?.[1];
  const named = latin === undefined ? null : personNamed(people, latin);
  if (named !== null) return named;
  const shapes = people.flatMap((person) =>
    person.member.aliases.map((alias) => {
      const escaped = escapeRegExp(alias);
      // Friends call each other くん and ちゃん as a host calls a guest さん: 「ユウトくん、…ある?」
      return {
        person,
        // 「では早速ですが、竹内さん、まずは…?」: a name with an honorific and a comma after any comma is spoken to.
        vocative: new RegExp(`^(?:では|じゃあ|さて|で)?[、,]?\\s*${escaped}(?:さん|氏|先生|くん|君|ちゃん)?(?:[、,]|は(?:どう|何|どこ|いかが))|[、,]\\s*${escaped}(?:さん|先生|くん|君|ちゃん)[、,]`, 'u'),
        // 「木村さんはルンバ使ってます?」「小野寺さんからも何か?」: a question opening with someone's name and honorific asks them about themselves.
        askedAbout: new RegExp(`^(?:では|じゃあ|さて|ちなみに)?[、,]?\\s*${escaped}(?:さん|先生|くん|君|ちゃん)(?:は|も|って|の|から)`, 'u'),
      };
    }),
  );
  // Spoken to outranks spoken about: 「石井さんの話を受けて、山田さん、どう思いますか?」 asks 山田.
  return shapes.find((shape) => shape.vocative.test(trimmed))?.person ?? (mustAsk ? shapes.find((shape) => shape.askedAbout.test(trimmed))?.person : undefined) ?? null;
}

/**
 * The person a sentence hands the floor to without asking a question: 「竹内さんから。」「小野寺さん、
 * お願いします。」, or a remark opening by addressing them (「竹内さん、…と伺いました。」). Thanks are a close, not a cue.
 */
function findNominee(sentence: string, people: readonly Person[]): Person | null {
  const trimmed = sentence.trim();
  if (THANKS.test(trimmed)) return null;
  for (const person of people) {
    for (const alias of person.member.aliases) {
      const escaped = escapeRegExp(alias);
      const nominated = new RegExp(`^(?:では|じゃあ|まず|それでは|続いて|次に)?[、,]?\\s*${escaped}(?:さん|氏|先生|くん|君|ちゃん)?(?:から(?:どうぞ|お願いします)?|[、,]\\s*(?:お願いします|お願いできますか|どうぞ))[。!\uFF01]?$`, 'u');
      const opensBySpeakingTo = new RegExp(`^${escaped}(?:さん|先生|くん|君|ちゃん)[、,]`, 'u');
      if (nominated.test(trimmed) || opensBySpeakingTo.test(trimmed)) return person;
    }
  }
  return null;
}

/** People whose introduction mentions what the line calls its own (「私の本」「私たちの研究所」). */
function selfDescribed(body: string, people: readonly Person[]): Person[] {
  const found = new Set<Person>();
  for (const match of body.matchAll(SELF_REFERENCE)) {
    const noun = aliasKeyText(match[1] ?? '');
    if ([...noun].length < 2) continue;
    const owners = people.filter((person) => person.profile.includes(noun));
    if (owners.length === 1 && owners[0] !== undefined) found.add(owners[0]);
  }
  return [...found];
}

// ── Turns ──────────────────────────────────────────────────────────────────

/**
 * Read the lines in order, deciding for each whether the floor changes hands and to whom; turns
 * the order leaves open are settled afterwards from their content.
 */
function decide(cues: readonly LineCues[], people: readonly Person[], transcript: Transcript, layout: Layout, credits: readonly boolean[] = []): Decision[] {
  const decisions: Decision[] = cues.map(() => ({ speaker: null, evidence: null, confidence: 0 }));
  const speakers = people.filter((person) => person.member.role === 'guest' || person.member.role === 'host');
  const labelled = cues.some((cue) => cue.label !== null || cue.qa !== null);
  // A byline's author greeting the reader (「こんにちは、山田です。」) reads like a host; with nobody else
  // speaking, it is still one voice.
  const byline = authorName(transcript);
  const author = byline === null ? null : personNamed(people, byline);
  const alone = speakers.length === 0 || (speakers.length === 1 && (speakers[0]?.member.role !== 'host' || speakers[0] === author));
  // One guest presented, spoken to (or saying who they are) and answering a run of questions: an
  // interview whose host the text never names. The host is told apart from the guest but stays unknown.
  const interviewed = !labelled && speakers.length === 1 && speakers[0] !== undefined && speakers[0] !== author && interviewsGuest(cues, speakers[0]) ? speakers[0] : null;
  if (interviewed !== null) speakers.push({ member: { name: '', aliases: [], role: 'host' }, keys: [], profile: '', unnamed: true });
  // A documentary's speaker markers (（野口さん）, （ナレーション）) on lines of their own say who speaks next.
  const { markers } = layout;
  if (!labelled && markers.some((marker) => marker.name !== null) && markers.length >= MIN_MARKERS) return markerTurns(cues, transcript, markers, people, decisions);
  // An article whose questions open with 「――」 and whose answers carry no label: the questions are the
  // interviewer's, the answers the interviewee's, never the byline's.
  if (!labelled && isDashInterview(cues)) {
    const named = layout.interviewee?.name;
    const headed = new Map([...layout.headed].flatMap(([line, member]) => {
      const person = personNamed(people, member.name);
      return person === null ? [] : [[line, person] as const];
    }));
    return dashInterview(cues, transcript, named === undefined ? null : personNamed(people, named), author, decisions, headed);
  }
  if (!labelled && alone && interviewed === null) return monologue(cues, author, decisions);
  // A host who introduces themselves and nobody else (「どうも、Xです。今日は…の話するで。」), in a text
  // where questions are not answered by someone else, is talking alone.
  const solo = speakers.length === 1 && speakers[0] !== undefined ? speakers[0] : null;
  if (!labelled && solo !== null && !cues.slice(0, INTRO_PARAGRAPHS).some((cue) => cue.welcome) && answeredQuestions(cues) < MIN_ANSWERED_QUESTIONS) {
    return monologue(cues, solo, decisions);
  }
  const host = hostOf(speakers, cues);
  const guests = speakers.filter((person) => person !== host);
  /**
   * No labels, and two or more guests who joined by saying who they are rather than being presented:
   * a talk among regulars, where anyone asks. The order says who answers a question put to someone
   * by name, not who asks, nor who speaks after the answer (see `settleTurn`).
   */
  const crowded = !labelled && guests.filter((guest) => guest.joined === true).length >= 2;
  /** No labels, a host the text names and two or more guests presented: a panel, where the host's turns are short. */
  const panel = !labelled && !crowded && host !== null && host.unnamed !== true && guests.length >= 2;
  const dialogue = labelledTurns(cues);
  const breaks = breaksBefore(transcript);
  /** The two people of a two-person talk, else null: then the one who did not speak last answers. */
  const pair = speakers.length === 2 ? speakers : null;

  let turn: number[] = [];
  let current: Decision = { speaker: null, evidence: null, confidence: 0 };
  let currentRole: 'host' | 'guest' | null = null;
  let pendingAddressee: Person | null = null;

  const turns: Array<{ lines: number[]; role: 'host' | 'guest' | null }> = [];
  /** The open turn is a narrator's aside in a labelled transcript: its content names no speaker. */
  let narration = false;
  const close = (): void => {
    if (turn.length === 0) return;
    if (!narration) {
      settleTurn(turn, current, currentRole, cues, decisions, host, guests, crowded, panel);
      turns.push({ lines: [...turn], role: currentRole });
    }
    narration = false;
    turn = [];
  };
  /** Whether a guest has spoken yet: before that, the host's talk about the guests is an introduction. */
  let started = false;
  /** The guest whose turn the host's current turn followed, when known. */
  let guestBeforeHost: Person | null = null;
  const open = (decision: Decision, role: 'host' | 'guest' | null): void => {
    if (role === 'host') guestBeforeHost = currentRole === 'guest' ? current.speaker : null;
    close();
    if (role === 'guest') started = true;
    current = decision;
    currentRole = role;
  };

  /** The turn a one-line back-channel (「なるほど。」「うん。」) interrupted: its speaker goes on after it. */
  let interrupted: { readonly decision: Decision; readonly role: 'host' | 'guest' | null } | null = null;

  cues.forEach((cue, i) => {
    const previous = i > 0 ? cues[i - 1] : undefined;
    const resume = interrupted;
    interrupted = null;
    // 「――…」 among labelled turns is the interviewer, who has no label; 「※…」 is the editor's note.
    if (labelled && ((cue.unowned && !(cue.topic && current.speaker !== null)) || cue.heading || credits[i] === true || (cue.label === null && cue.qa === null && RECORD_VOICE.test(cue.body)))) {
      open({ speaker: null, evidence: null, confidence: 0 }, null);
      narration = true;
    } else if (dialogue[i] === true && cue.label === null && cue.qa === null) {
      // Where labels mark whose turn it is, a line without one goes on with the last label: the
      // other person would have a label of their own. Not past a break in the programme (a rule, a
      // cue for music), nor on a line that speaks of the labelled person as someone else.
      if (breaks[i] === true) {
        open({ speaker: null, evidence: null, confidence: 0 }, null);
        narration = true;
      } else if (current.speaker !== null && cue.mentioned.has(current.speaker) && cue.addressee === null && !cue.question) {
        open({ speaker: null, evidence: null, confidence: 0 }, null);
        narration = true;
      }
    } else if (cue.label !== null) {
      const corrected = correctedLabel(cue, cues.slice(i + 1, i + 1 + CORRECTION_WINDOW), cue.label, host, guests);
      open(corrected ?? { speaker: cue.label, evidence: 'label', confidence: CONFIDENCE.label }, corrected !== null || cue.label === host ? 'host' : 'guest');
    } else if (cue.qa !== null) {
      // Q: is whoever interviews (the host when named), A: the one interviewee when there is one.
      const who = cue.qa === 'q' ? host : guests.length === 1 ? (guests[0] ?? null) : null;
      open({ speaker: who, evidence: who === null ? null : 'label', confidence: who === null ? 0 : CONFIDENCE.label * 0.9 }, cue.qa === 'q' ? 'host' : 'guest');
    } else if (cue.selfNamed !== null && (cue.selfNamed === host || guests.includes(cue.selfNamed))) {
      // 「よろしくお願いします。中村です。」: the speaker says who they are.
      open({ speaker: cue.selfNamed, evidence: 'self-introduction', confidence: CONFIDENCE['self-introduction'] }, cue.selfNamed === host ? 'host' : 'guest');
    } else if (i < INTRO_PARAGRAPHS && host !== null && ((current.speaker === null && !cue.editorial && introducesGuests(cue, guests)) || cue.presents)) {
      // The host's opening: the lines of it read so far (not an editor's summary) are the host's too.
      const opening = current.speaker === null ? turn.filter((k) => cues[k]?.editorial === false) : [];
      turn = turn.filter((k) => !opening.includes(k));
      open({ speaker: host, evidence: 'introduces-guests', confidence: CONFIDENCE['introduces-guests'] }, 'host');
      turn.push(...opening);
    } else if (i === 0) {
      open({ speaker: null, evidence: null, confidence: 0 }, null);
    } else if (resume !== null && !crowded && resume.decision.speaker !== null && !cue.question && (!cue.reply || AFFIRMATION.test(cue.body)) && !cue.interjection && cue.addressee === null) {
      // A back-channel does not take the floor: the one it interrupted goes on, confirming it
      // first when it was an echo (「三年も。」「はい。夏の暑さで…」).
      open({ ...resume.decision, confidence: resume.decision.confidence * 0.9 }, resume.role);
    } else if (cue.continuation && !cue.requests && !(previous?.question ?? false)) {
      // Same turn.
    } else if (crowded && previous?.question === true && previous.addressee !== null && !cue.question) {
      // 「ユウトくん、…ある?」 among regulars: whoever asked, the one asked answers.
      open({ speaker: previous.addressee, evidence: 'addressed', confidence: CONFIDENCE.addressed }, previous.addressee === host ? 'host' : 'guest');
    } else if (previous?.question === true && host !== null && previous.addressee === host && !cue.question) {
      // 「木村さんはルンバ使ってます?」: a guest asking the host; the host answers.
      open({ speaker: host, evidence: 'addressed', confidence: CONFIDENCE.addressed }, 'host');
    } else if (cue.question && host !== null && cue.addressee === host && guests.length === 1 && guests[0] !== undefined) {
      open({ speaker: guests[0], evidence: 'alternation', confidence: CONFIDENCE.alternation }, 'guest');
    } else if (previous?.question === true && (currentRole === 'host' || (host === null && pair !== null && current.speaker !== null)) && !cue.question) {
      const addressee = pendingAddressee ?? previous.addressee;
      const other = pair === null || current.speaker === null ? null : (pair.find((person) => person !== current.speaker) ?? null);
      if (addressee !== null && addressee !== host) open({ speaker: addressee, evidence: 'addressed', confidence: CONFIDENCE.addressed }, 'guest');
      else if (guests.length === 1 && guests[0] !== undefined) open({ speaker: guests[0], evidence: 'answers-host', confidence: CONFIDENCE['answers-host'] }, 'guest');
      else if (host === null && other !== null) open({ speaker: other, evidence: 'answers-host', confidence: CONFIDENCE['answers-host'] }, 'guest');
      else if (guestBeforeHost !== null && turn.length === 1 && turn[0] === i - 1 && previous.mentioned.size === 0 && echoes(previous.body, cues[i - 2]?.body ?? '')) {
        // 「えっ、そうなんですか。」「生き物、ですか。」 right after a guest spoke: that guest goes on.
        open({ speaker: guestBeforeHost, evidence: 'answers-host', confidence: CONFIDENCE.alternation }, 'guest');
      } else open({ speaker: null, evidence: null, confidence: 0 }, 'guest');
    } else if (cue.question && currentRole !== 'host' && host !== null && cue.addressee !== host && (cue.addressee !== null || !cue.continuation || cue.requests) && (!crowded || cue.requests || cue.hostCue)) {
      // Among regulars a question may be anyone's, even one put to someone by name: the host's only
      // when it asks in the host's way.
      open({ speaker: host, evidence: 'asks-guest', confidence: CONFIDENCE['asks-guest'] }, 'host');
    } else if (started && previous !== undefined && currentRole === 'host' && !cue.continuation && previous.addressee === null && previous.lastNamed !== null && guests.includes(previous.lastNamed) && !introducesGuests(previous, guests)) {
      // 「ですからネイサンは、近いうちに…本が出ます。」: the guest the host just talked about takes it up.
      const named = previous.lastNamed;
      open({ speaker: named, evidence: 'addressed', confidence: CONFIDENCE.addressed * 0.85 }, 'guest');
    } else if (cue.hostCue && host !== null && currentRole !== 'host') {
      open({ speaker: host, evidence: 'asks-guest', confidence: CONFIDENCE['asks-guest'] * 0.9 }, 'host');
    } else if (cue.reply || cue.interjection || cue.thanks) {
      const before = { decision: current, role: currentRole };
      open(...handOver(currentRole, current.speaker, host, guests, cue));
      if (cue.interjection) interrupted = before;
    } else if (current.speaker !== null && cue.mentioned.has(current.speaker) && cue.addressee === null && !cue.question) {
      // A person does not talk about themselves by name: someone else has the floor. Where speakers
      // are labelled, the other one would have a label: an unlabelled line about the speaker is a
      // narrator's (「インタビューの後、中村さんは…と笑っていた。」).
      if (labelled) {
        open({ speaker: null, evidence: null, confidence: 0 }, null);
        narration = true;
      } else open(...handOver(currentRole, current.speaker, host, guests, cue));
    }
    if (cue.addressee !== null) pendingAddressee = cue.addressee;
    else if (!cue.question) pendingAddressee = null;
    turn.push(i);
  });
  close();
  // Above the first label is the header (the date, who takes part, notes): content that names the cast
  // there does not make the one it leaves out its speaker.
  const firstLabel = cues.findIndex((cue) => cue.label !== null || cue.qa !== null);
  for (let i = 0; labelled && i < firstLabel; i += 1) {
    const decision = decisions[i];
    if (decision !== undefined && (decision.evidence === 'third-person' || decision.evidence === 'self-description')) decisions[i] = { speaker: null, evidence: null, confidence: 0 };
  }
  // A stage note between labelled lines (（証人、涙ぐむ）) is the record's, not the speaker's.
  cues.forEach((cue, i) => {
    if (labelled && cue.aside) decisions[i] = { speaker: null, evidence: null, confidence: 0 };
  });
  settleByVoice(turns, cues, decisions, host, guests);
  if (host?.unnamed === true) {
    for (const decision of decisions) if (decision.evidence === 'answers-host' || decision.evidence === 'alternation') decision.confidence *= UNNAMED_HOST_FACTOR;
  }
  applyQuotes(cues, decisions);
  return decisions;
}

/**
 * For each paragraph, whether labels mark whose turn it is there: two or more people each speak
 * under a label more than once (or Q: and A: both recur), and the labels either side of it (or the
 * last label and the end) are no more than `LABEL_GAP_MAX` paragraphs apart. A transcript labelled only here and there (a label at the top,
 * then a long unlabelled exchange) is read by the order of the lines instead.
 */
function labelledTurns(cues: readonly LineCues[]): boolean[] {
  const labelled = cues.map((cue) => cue.label !== null || cue.qa !== null);
  const counts = new Map<Person | 'q' | 'a', number>();
  for (const cue of cues) {
    const who = cue.label ?? cue.qa;
    if (who !== null) counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  if ([...counts.values()].filter((count) => count >= MIN_LABEL_COUNT).length < 2) return cues.map(() => false);
  const next: number[] = [];
  let after = cues.length;
  for (let i = cues.length - 1; i >= 0; i -= 1) {
    if (labelled[i] === true) after = i;
    next[i] = after;
  }
  let before = -1;
  return cues.map((_, i) => {
    if (labelled[i] === true) before = i;
    // After the last label, the rest of the text is the stretch: labels that stop for good stop marking turns.
    return before >= 0 && (next[i] ?? cues.length) - before <= LABEL_GAP_MAX;
  });
}

/**
 * For each paragraph, whether the programme breaks off before it or at it: a heading (a title framed
 * by rules, ==== チャットログ ====, is one), a rule, or a cue for music or an advert, on a line of its own
 * between it and the paragraph before, or a cue as the paragraph itself.
 */
function breaksBefore(transcript: Transcript): boolean[] {
  const isBreak = (text: string): boolean => {
    const folded = text.normalize('NFKC').trim();
    return SEPARATOR.test(folded) || BREAK_CUE.test(folded);
  };
  const breaks = hasLineBefore(transcript, (line) => line.kind === 'heading' || (line.kind !== 'blank' && line.kind !== 'content' && isBreak(line.text)));
  return transcript.paragraphs.map((paragraph, i) => breaks[i] === true || isBreak(paragraph.text));
}

/** For each paragraph, whether a line between it and the paragraph before (a heading, boilerplate) passes `test`. */
function hasLineBefore(transcript: Transcript, test: (line: SourceLine) => boolean): boolean[] {
  let after = 0;
  return transcript.paragraphs.map((paragraph) => {
    const between = transcript.lines.slice(after, paragraph.line - 1);
    after = paragraph.lineEnd ?? paragraph.line;
    return between.some(test);
  });
}

/** Character bigrams of a text (folded), the unit of a speaker's voice. */
function bigrams(text: string): string[] {
  const chars = [...text.normalize('NFKC').toLowerCase().replace(/[\s、。,.!?\uFF01\uFF1F「」『』()\uFF08\uFF09・:;-]+/gu, '|')];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const pair = `${chars[i] ?? ''}${chars[i + 1] ?? ''}`;
    if (!pair.includes('|')) out.push(pair);
  }
  return out;
}

/**
 * Turns the order and content left open, settled by voice: each person's words and turns of
 * phrase, learnt from the lines already attributed to them (a naive Bayes model over character
 * bigrams). A turn is given to the person whose voice it is much closer to than anyone else's,
 * and only among the people its role allows and its content does not rule out; otherwise it stays
 * unknown.
 */
function settleByVoice(
  turns: ReadonlyArray<{ readonly lines: readonly number[]; readonly role: 'host' | 'guest' | null }>,
  cues: readonly LineCues[],
  decisions: Decision[],
  host: Person | null,
  guests: readonly Person[],
): void {
  const people = [...guests, ...(host === null ? [] : [host])];
  if (people.length < 2) return;
  const counts = new Map<Person, Map<string, number>>();
  const totals = new Map<Person, number>();
  const vocabulary = new Set<string>();
  decisions.forEach((decision, i) => {
    const person = decision.speaker;
    const cue = cues[i];
    if (person === null || cue === undefined || !people.includes(person) || decision.evidence === 'quoted-by-narrator') return;
    const table = counts.get(person) ?? new Map<string, number>();
    counts.set(person, table);
    for (const pair of bigrams(cue.body)) {
      table.set(pair, (table.get(pair) ?? 0) + 1);
      totals.set(person, (totals.get(person) ?? 0) + 1);
      vocabulary.add(pair);
    }
  });
  if (people.some((person) => (totals.get(person) ?? 0) < MIN_VOICE_BIGRAMS)) return;
  const logProbability = (person: Person, pair: string): number =>
    Math.log(((counts.get(person)?.get(pair) ?? 0) + 1) / ((totals.get(person) ?? 0) + vocabulary.size + 1));
  for (const turn of turns) {
    const open = turn.lines.filter((i) => decisions[i]?.speaker === null && cues[i]?.editorial === false && cues[i]?.quoteLine === false);
    if (open.length === 0 || open.length !== turn.lines.length) continue;
    const mentioned = new Set(open.flatMap((i) => [...(cues[i]?.mentioned ?? [])]));
    const pool = (turn.role === 'host' ? (host === null ? [] : [host]) : turn.role === 'guest' ? [...guests] : people).filter((person) => !mentioned.has(person));
    const pairs = open.flatMap((i) => bigrams(cues[i]?.body ?? ''));
    if (pool.length === 0 || pairs.length < MIN_TURN_BIGRAMS) continue;
    const scored = pool
      .map((person) => ({ person, score: pairs.reduce((sum, pair) => sum + logProbability(person, pair), 0) / pairs.length }))
      .sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (best === undefined) continue;
    const margin = second === undefined ? Number.POSITIVE_INFINITY : best.score - second.score;
    if (margin < VOICE_MARGIN) continue;
    open.forEach((i, k) => {
      decisions[i] = { speaker: best.person, evidence: 'voice', confidence: CONFIDENCE.voice * CONTENT_DECAY ** k };
    });
  }
}

/** A line of the host's opening: it names the guests (all of them, or some of many) in the first person or welcomes them. */
function introducesGuests(cue: LineCues, guests: readonly Person[]): boolean {
  const named = guests.filter((guest) => cue.mentioned.has(guest)).length;
  return cue.welcome || (named > 0 && cue.firstPerson && (named === guests.length || guests.length > 2));
}

/**
 * Whether an unlabelled text with one guest is an interview of that guest: someone speaks to the
 * guest by name (「Xさん、…」) or the guest says who they are (「Xです。」), and at least
 * `MIN_INTERVIEW_QUESTIONS` short question lines are each followed by a line that asks nothing. A
 * narrator's rhetorical questions do not make one: a narrator neither calls the person they write
 * about by name nor gives way to them.
 */
function interviewsGuest(cues: readonly LineCues[], guest: Person): boolean {
  if (guest.member.role !== 'guest') return false;
  const spokenTo = cues.some((cue) => cue.selfNamed === guest || (cue.addressee === guest && guest.member.aliases.some((alias) => new RegExp(`^${escapeRegExp(alias)}(?:さん|先生|氏)?[、,]`, 'u').test(cue.body))));
  if (!spokenTo) return false;
  const asked = cues.filter((cue, i) => {
    const next = cues[i + 1];
    return cue.question && cue.body.split(SENTENCE_BREAK).filter((part) => part.trim() !== '').length <= QUESTION_LINE_SENTENCES && next !== undefined && !next.question;
  });
  return asked.length >= MIN_INTERVIEW_QUESTIONS;
}

/**
 * A line that is only a speaker marker in brackets, as documentaries and scripts write them:
 * 「（野口さん）」 (group 1; a person needs an honorific, so （拍手） and （終） are none) or
 * 「（ナレーション）」.
 */
const SPEAKER_MARKER = /^[(【［\[]\s*([^()【】［］\[\]]{1,16}?)\s*[)】］\]]$/u;
const NARRATION_MARKER = /^(?:ナレーション|ナレーター|ナレ|語り|N|NA)$/iu;
const MARKED_PERSON = /^(.+?)(?:さん|氏|先生|くん|ちゃん)$/u;
/** Marker lines a text needs before they are read as saying who speaks. */
const MIN_MARKERS = 2;

interface SpeakerMarker {
  readonly line: number;
  /** The person marked, without the honorific; null for the narration. */
  readonly name: string | null;
}

/** The speaker markers standing alone on a line of the text (not its paragraphs). */
function speakerMarkers(transcript: Transcript): SpeakerMarker[] {
  const markers: SpeakerMarker[] = [];
  for (const line of transcript.lines) {
    if (line.kind === 'content' || line.kind === 'blank') continue;
    const inner = SPEAKER_MARKER.exec(line.text.normalize('NFKC').trim())?.[1]?.trim();
    if (inner === undefined) continue;
    if (NARRATION_MARKER.test(inner)) {
      markers.push({ line: line.line, name: null });
      continue;
    }
    const name = MARKED_PERSON.exec(inner)?.[1];
    if (name !== undefined && NAME_SHAPED.test(name)) markers.push({ line: line.line, name });
  }
  return markers;
}

/**
 * A text with speaker markers read in order: the paragraphs after a person's marker are theirs up to
 * the next marker or heading; after （ナレーション） the narrator's, unknown, but quotations the
 * narrator credits (「…」と野口さんは笑う) are the quoted person's.
 */
function markerTurns(cues: readonly LineCues[], transcript: Transcript, markers: readonly SpeakerMarker[], people: readonly Person[], decisions: Decision[]): Decision[] {
  const headed = headingsBefore(transcript);
  let speaker: Person | null = null;
  let run = 0;
  let at = 0;
  transcript.paragraphs.forEach((paragraph, i) => {
    let marked: SpeakerMarker | undefined;
    while (at < markers.length && (markers[at]?.line ?? 0) < paragraph.line) marked = markers[at++];
    if (marked !== undefined) {
      speaker = marked.name === null ? null : personNamed(people, marked.name);
      run = 0;
    } else if (headed[i] === true) speaker = null;
    if (speaker !== null) decisions[i] = { speaker, evidence: 'label', confidence: CONFIDENCE.label * TURN_DECAY ** run++ };
  });
  const narrated = cues.map((cue, i) => (decisions[i]?.speaker === null ? cue : { ...cue, quoteIntro: null, quoteSame: false, quoteLine: false }));
  applyQuotes(narrated, decisions);
  return decisions;
}

/** A question of a printed interview: 「――まず、…教えてください。」 (two dashes, or one). */
const DASH_QUESTION = /^[―—─]{1,2}(?=[^―—─\s])/u;
/**
 * An unlabelled line among labelled turns that none of the labelled speaks: an interviewer's 「――」 question, an
 * editor's 「※」 note, a news script's narration read over the footage (「（ナレーション）市は…」).
 */
const RECORD_VOICE = /^(?:[―—─]{1,2}(?=[^―—─\s])|※|[(（](?:ナレーション|ナレーター|ナレ|語り|NA)[)）])/iu;
/** Dash lines, each followed by an unlabelled line that is no dash line, that make a text a dash interview. */
const MIN_DASH_QUESTIONS = 2;
/**
 * A full name with its reading, family and given name parted (大川一郎（おおかわ・いちろう）, and a given name in
 * katakana as older women's often are: 比嘉トミ（ひが・とみ）): a person's name.
 */
const READING_NAME = /([\p{Script=Han}々]{1,4}(?:[\p{Script=Han}々]{1,2}|[ァ-ヺー]{1,4}))[(（]([ぁ-ゖァ-ヺー]{1,8})[・･\s]([ぁ-ゖァ-ヺー]{1,8})[)）]/gu;
/** Someone a dash question speaks to or about: 「――まず、大川さんが…」. */
const DASH_ADDRESSED = /([\p{Script=Han}々]{1,4}|[ァ-ヺ][ァ-ヺー]+)(?:さん|氏|先生)/gu;

/** Whether the lines are a printed interview: questions opening with 「――」 answered by unlabelled lines. */
function isDashInterview(cues: readonly LineCues[]): boolean {
  const dash = (cue: LineCues | undefined): boolean => cue !== undefined && DASH_QUESTION.test(cue.body);
  return cues.filter((cue, i) => dash(cue) && cues[i + 1] !== undefined && !dash(cues[i + 1])).length >= MIN_DASH_QUESTIONS;
}

/**
 * The one interviewed in a dash interview: the person the text gives a full name with its reading
 * (a lead's or a profile's 「大川一郎（おおかわ・いちろう）さん」), the one the questions address
 * when there are several, or else the one name the questions address. The reading is another name
 * for them. Null when the text does not single anyone out.
 */
function dashInterviewee(transcript: Transcript): CastMember | null {
  const texts = transcript.paragraphs.map((paragraph) => paragraph.text.normalize('NFKC'));
  const dashed = texts.filter((text) => DASH_QUESTION.test(text));
  if (dashed.length < MIN_DASH_QUESTIONS) return null;
  const addressed = new Set(dashed.flatMap((text) => [...text.matchAll(DASH_ADDRESSED)].map((match) => match[1] ?? '')));
  const read = new Map<string, string[]>();
  for (const line of transcript.lines) {
    for (const match of line.text.normalize('NFKC').matchAll(READING_NAME)) {
      const [, name = '', family = '', given = ''] = match;
      read.set(name, [`${family}・${given}`, `${family}${given}`, family, given]);
    }
  }
  const named = [...read.keys()];
  const chosen = named.length === 1 ? named : named.filter((name) => [...addressed].some((part) => name.startsWith(part) || name.endsWith(part)));
  const [name] = chosen;
  if (chosen.length === 1 && name !== undefined) return { name, aliases: [...aliasesOf(name), ...(read.get(name) ?? [])], role: 'guest' };
  const [only] = addressed;
  return named.length === 0 && addressed.size === 1 && only !== undefined ? { name: only, aliases: aliasesOf(only), role: 'guest' } : null;
}

/**
 * A name and a title after it, alone in a heading: 「■ロドリゴ・ファリアス監督（ヴェルデ北陸）」, 「■佐伯 拓海選手（MF）」;
 * group 3 is the bracket's words. Without a title the heading is shaped like a chapter's (■第一章 出会い), so it
 * names someone only by a reading in the bracket (■佐伯 拓海（さえき・たくみ）) or a name the text writes elsewhere.
 */
const HEADED_SPEAKER = new RegExp(
  String.raw`^[■□◆◇●○◎▼▽★☆【\s]*(${KATAKANA_FULL}|[\p{Script=Han}々]{1,4} [\p{Script=Han}々ぁ-ゖ]{1,4}?)\s*(監督|選手|コーチ|主将|投手|騎手|棋士|氏|さん|先生|教授|社長|会長|代表|議員|市長|知事)?\s*(?:\(([^()]{1,30})\))?[】\s]*$`,
  'u',
);
/** A bracket that is only a reading (さえき・たくみ, サエキ タクミ). */
const READING_ONLY = /^[ぁ-ゖァ-ヺー]+(?:[・ ][ぁ-ゖァ-ヺー]+)?$/u;
/** A chapter's or an episode's number in a heading (第一章, 其の二, 3話, 二部): no one's name. */
const ORDINAL_HEADING = /^(?:第|其の)|[\d一二三四五六七八九十百]+[回話章節部編巻号幕場]/u;

/**
 * The people a dash interview's headings name, by the heading's line: the words under each are theirs. A title
 * written after the name joins the family name as another name for them (ファリアス監督, 佐伯選手).
 */
function headedSpeakers(transcript: Transcript): Map<number, CastMember> {
  const headed = new Map<number, CastMember>();
  const dashed = transcript.paragraphs.filter((paragraph) => DASH_QUESTION.test(paragraph.text.normalize('NFKC')));
  if (dashed.length < MIN_DASH_QUESTIONS) return headed;
  const body = transcript.lines.filter((line) => line.kind !== 'heading').map((line) => line.text.normalize('NFKC')).join('\n');
  for (const line of transcript.lines) {
    if (line.kind !== 'heading') continue;
    const match = HEADED_SPEAKER.exec(line.text.normalize('NFKC').trim());
    const [, name = '', title, bracket = ''] = match ?? [];
    if (match === null || name === '' || ORDINAL_HEADING.test(name)) continue;
    const parts = name.split(/[・= ]/u);
    // A katakana name ends with the family name, a kanji one starts with it.
    const family = /^[ァ-ヺ]/u.test(name) ? parts.at(-1) : parts[0];
    const namedElsewhere = body.includes(name) || body.includes(parts.join('')) || (family !== undefined && new RegExp(`${escapeRegExp(family)}(?:さん|氏|先生|監督|選手)`, 'u').test(body));
    if (title === undefined && !READING_ONLY.test(bracket.trim()) && !namedElsewhere) continue;
    const titled = title === undefined || HONORIFIC.test(title) ? [] : [`${name}${title}`, ...(family === undefined ? [] : [`${family}${title}`])];
    headed.set(line.line, { name, aliases: [...aliasesOf(name), ...titled], role: 'guest' });
  }
  return headed;
}

/**
 * A dash interview read in order: the lead before the first question is the byline's (the writer
 * narrating), each 「――」 question the interviewer's (left unknown), the lines after it the
 * interviewee's (unknown when the text names nobody) up to the next question, a heading or a break
 * (an info box after a rule is nobody's speech).
 */
function dashInterview(cues: readonly LineCues[], transcript: Transcript, interviewee: Person | null, author: Person | null, decisions: Decision[], headed: ReadonlyMap<number, Person> = new Map()): Decision[] {
  // A heading is a break too.
  const breaks = breaksBefore(transcript);
  let state: 'lead' | 'answer' | 'aside' = 'lead';
  let run = 0;
  // Under a heading that names someone, the words up to the next heading are theirs, questions aside.
  let section: Person | null = null;
  let after = 0;
  cues.forEach((cue, i) => {
    const paragraph = transcript.paragraphs[i];
    const headings = transcript.lines.slice(after, (paragraph?.line ?? 1) - 1).filter((line) => line.kind === 'heading');
    after = paragraph?.lineEnd ?? paragraph?.line ?? after;
    if (headings.length > 0) section = headings.map((line) => headed.get(line.line) ?? null).at(-1) ?? null;
    if (DASH_QUESTION.test(cue.body)) {
      state = 'answer';
      run = 0;
      return;
    }
    if (state !== 'lead' && breaks[i] === true) state = 'aside';
    if (section !== null && headings.length > 0) {
      state = 'answer';
      run = 0;
    }
    if (state === 'lead' && author !== null && !cue.reportsSpeech) decisions[i] = { speaker: author, evidence: 'monologue', confidence: CONFIDENCE.monologue };
    const answering = section ?? interviewee;
    if (state === 'answer' && answering !== null) {
      decisions[i] = { speaker: answering, evidence: 'answers-host', confidence: CONFIDENCE['answers-host'] * TURN_DECAY ** run };
      run += 1;
    }
  });
  applyQuotes(cues, decisions);
  return decisions;
}

/** For each paragraph, whether a heading stands between it and the paragraph before. */
function headingsBefore(transcript: Transcript): boolean[] {
  return hasLineBefore(transcript, (line) => line.kind === 'heading');
}

/** Text with no second voice: the narrator (the byline's author, or a host alone) says it, quotations aside. */
function monologue(cues: readonly LineCues[], narrator: Person | null, decisions: Decision[]): Decision[] {
  if (narrator !== null) {
    cues.forEach((cue, i) => {
      // 「ある担当者は「…」と話す。」: the narrator reports someone else's words.
      if (!cue.reportsSpeech) decisions[i] = { speaker: narrator, evidence: 'monologue', confidence: CONFIDENCE.monologue };
    });
  }
  applyQuotes(cues, decisions);
  return decisions;
}

/**
 * A question that only reacts to or echoes the line before (「えっ、そうなんですか。」「生き物、ですか。」
 * 「天然醸造、というのは?」): it asks the one who said it to go on.
 */
function echoes(question: string, before: string): boolean {
  if (ECHO_REACTION.test(question)) return true;
  const echoed = ECHO_QUESTION.exec(question)?.[1];
  return echoed !== undefined && before.normalize('NFKC').includes(echoed);
}

/** Questions answered on the next line (「はい、…」「そうですね…」): a second voice. */
function answeredQuestions(cues: readonly LineCues[]): number {
  return cues.filter((cue, i) => i > 0 && cues[i - 1]?.question === true && cue.reply && !cue.question).length;
}

/**
 * The host: named by a self-introduction, else — between labelled speakers — the one whose turns
 * most often end in a question. Null when nobody asks more than the others.
 */
function hostOf(speakers: readonly Person[], cues: readonly LineCues[]): Person | null {
  const named = speakers.find((person) => person.member.role === 'host');
  if (named !== undefined) return named;
  const questions = new Map<Person, number>();
  const turns = new Map<Person, number>();
  cues.forEach((cue, i) => {
    // A mislabelled welcome says nothing about its label's role (see `correctedLabel`).
    if (cue.label === null || isMislabelledWelcome(cue, cues.slice(i + 1, i + 1 + CORRECTION_WINDOW))) return;
    turns.set(cue.label, (turns.get(cue.label) ?? 0) + 1);
    // Asking and speaking to the other person: what the interviewer's turns do.
    if (/[?\uFF1F]/u.test(cue.body) || SECOND_PERSON.test(cue.body)) questions.set(cue.label, (questions.get(cue.label) ?? 0) + 1);
  });
  const ranked = speakers
    .map((person) => ({ person, share: (questions.get(person) ?? 0) / Math.max(1, turns.get(person) ?? 0), turns: turns.get(person) ?? 0 }))
    .filter((entry) => entry.turns > 0)
    .sort((a, b) => b.share - a.share);
  const [first, second] = ranked;
  if (first === undefined || first.share === 0 || (second !== undefined && second.share * 1.5 >= first.share)) return null;
  return first.person;
}

/**
 * A label on a line that is plainly the other side's: a welcome with the labelled person spoken
 * to, answered on the next line with thanks. The host is then the one speaking.
 */
function correctedLabel(cue: LineCues, following: readonly LineCues[], label: Person, host: Person | null, guests: readonly Person[]): Decision | null {
  if (!isMislabelledWelcome(cue, following)) return null;
  const others = [...(host === null ? [] : [host]), ...guests].filter((person) => person !== label);
  const other = label !== host && host !== null ? host : others.length === 1 ? others[0] : undefined;
  return other === undefined ? null : { speaker: other, evidence: 'label-corrected', confidence: CONFIDENCE['label-corrected'] };
}

/** A labelled welcome spoken to someone (「来てもらえて嬉しい…あなたの」) that the following lines answer with thanks. */
function isMislabelledWelcome(cue: LineCues, following: readonly LineCues[]): boolean {
  if (cue.label === null || !cue.welcome || !SECOND_PERSON.test(cue.body)) return false;
  const end = following.findIndex((next) => next.label !== null);
  return following.slice(0, end < 0 ? following.length : end).some((next) => next.thanks && !next.welcome);
}

/** Who takes the floor on a reply or interjection: the other party when there are only two. */
function handOver(
  role: 'host' | 'guest' | null,
  speaker: Person | null,
  host: Person | null,
  guests: readonly Person[],
  cue: LineCues,
): [Decision, 'host' | 'guest' | null] {
  const unknown: Decision = { speaker: null, evidence: null, confidence: 0 };
  if (role === 'host') {
    const only = guests.length === 1 ? guests[0] : undefined;
    return [only === undefined ? unknown : { speaker: only, evidence: 'alternation', confidence: CONFIDENCE.alternation }, 'guest'];
  }
  const parties = [...(host === null ? [] : [host]), ...guests].filter((person) => person !== speaker && !cue.mentioned.has(person));
  if (speaker !== null && parties.length === 1 && parties[0] !== undefined) {
    const next = parties[0];
    return [{ speaker: next, evidence: 'alternation', confidence: CONFIDENCE.alternation }, next === host ? 'host' : 'guest'];
  }
  return [unknown, null];
}

/**
 * Give a turn's lines their speaker. A turn the order left open is settled by its content when
 * that leaves exactly one candidate; a turn whose own content contradicts its speaker (it names
 * them in the third person) is left unknown.
 */
function settleTurn(
  turn: readonly number[],
  opened: Decision,
  role: 'host' | 'guest' | null,
  cues: readonly LineCues[],
  decisions: Decision[],
  host: Person | null,
  guests: readonly Person[],
  crowded = false,
  panel = false,
): void {
  let decision = opened;
  const mentioned = new Set<Person>();
  const described = new Set<Person>();
  /** The lines whose content settles the turn, if content settles it. */
  const telling: number[] = [];
  for (const i of turn) {
    const cue = cues[i];
    if (cue === undefined || cue.label !== null || cue.editorial) continue;
    for (const person of cue.mentioned) mentioned.add(person);
    for (const person of cue.selfDescribed) described.add(person);
    if (cue.mentioned.size > 0 || cue.selfDescribed.length > 0) telling.push(i);
  }
  if (decision.speaker !== null && decision.evidence !== 'label' && mentioned.has(decision.speaker)) {
    decision = { speaker: null, evidence: null, confidence: 0 };
  }
  if (decision.speaker === null) {
    const pool = role === 'host' ? (host === null ? [] : [host]) : role === 'guest' ? [...guests] : [...guests, ...(host === null ? [] : [host])];
    const candidates = pool.filter((person) => !mentioned.has(person));
    const self = [...described].filter((person) => candidates.includes(person));
    if (self.length === 1 && self[0] !== undefined) decision = { speaker: self[0], evidence: 'self-description', confidence: CONFIDENCE['self-description'] };
    // Leaving one of the cast only names them where the cast is all who speak: a talk whose host nobody
    // names has someone else in it (the guests' two spellings, 森田ゆうき and Yuki Morita, are no host).
    else if (candidates.length === 1 && candidates[0] !== undefined && mentioned.size > 0 && pool.length > 1 && (host !== null || role !== null)) {
      decision = { speaker: candidates[0], evidence: 'third-person', confidence: CONFIDENCE['third-person'] };
    }
  }
  const byContent = decision.evidence === 'third-person' || decision.evidence === 'self-description';
  turn.forEach((i, k) => {
    if (cues[i]?.editorial === true && decision.evidence !== 'label') return;
    if (byContent) {
      // Content vouches for the lines near what it says, not for a long turn whose end nobody marked,
      // nor past a line that hands the floor to the person it names, unless the talk carries on.
      const reaching = telling.filter((at) => at >= i || cues[at]?.handsOver !== true || carriesOn(cues, at, i));
      const distance = Math.min(...reaching.map((at) => Math.abs(at - i)));
      decisions[i] = distance > CONTENT_REACH ? { speaker: null, evidence: null, confidence: 0 } : { ...decision, confidence: decision.confidence * CONTENT_DECAY ** distance };
      return;
    }
    // Among three or more, a turn the order gave (an answer, a question) is its first line and the
    // lines that carry it on (「あと、…」), not whatever follows until the next cue.
    const ordered = decision.evidence !== null && ORDER_EVIDENCE.has(decision.evidence);
    // In a panel a host's turn the order gave is short too: its opening, the lines carrying it on, its
    // questions and the line leading into each; a long stretch after the opening is the guests' talk.
    const hostAside = panel && role === 'host' && cues[i]?.question !== true && cues[i + 1]?.question !== true;
    if ((crowded || hostAside) && ordered && k > 0 && !carriesOn(cues, turn[0] ?? i, i)) {
      decisions[i] = { speaker: null, evidence: null, confidence: 0 };
      return;
    }
    decisions[i] = { ...decision, confidence: decision.speaker === null ? 0 : decision.confidence * TURN_DECAY ** k };
  });
}

/** Evidence that comes from the order of the lines alone, not from a label or what a line says. */
const ORDER_EVIDENCE: ReadonlySet<SpeakerEvidence> = new Set(['addressed', 'answers-host', 'asks-guest', 'alternation']);

/** Whether every line after `from` up to `to` opens by carrying the last one's thought on. */
function carriesOn(cues: readonly LineCues[], from: number, to: number): boolean {
  for (let i = from + 1; i <= to; i += 1) if (cues[i]?.continuation !== true) return false;
  return true;
}

/**
 * Quotations a narrator attributes: the quote lines after 「Xが出てきて…話した。」 are X's, including
 * the lines of a quotation that runs on over several lines. A quoted question put to X (「…説明して
 * もらえますか?」) is the interviewer's, not X's: it stays unknown but keeps the run going.
 */
function applyQuotes(cues: readonly LineCues[], decisions: Decision[]): void {
  let speaker: Person | null = null;
  let open = false;
  /** Who 「同氏」 is: the person a quotation was last credited to. */
  let lastQuoted: Person | null = null;
  cues.forEach((cue, i) => {
    const intro = cue.quoteIntro ?? (cue.quoteSame ? lastQuoted : null);
    if (intro !== null) lastQuoted = intro;
    // A line that only opens with a quoted phrase (「その夢は死につつある」は大きな発言ですよ) comments
    // on the quotation; it is the quoted person's only when it is mostly quotation.
    const quoted = (cue.quoteLine && (quotedShare(cue.body) >= 0.5 || /[」』]\s*$/u.test(cue.body) || opensQuote(cue.body, false))) || open;
    if (quoted && speaker !== null) {
      open = opensQuote(cue.body, open);
      if (!QUOTED_QUESTION.test(cue.body)) decisions[i] = { speaker, evidence: 'quoted-by-narrator', confidence: CONFIDENCE['quoted-by-narrator'] };
      return;
    }
    open = false;
    speaker = intro !== null && /[。:\uFF1A]\s*$/u.test(cue.body) && !cue.reportsSpeech ? intro : null;
    // A line that introduces the speaker and then is mostly their quotation is theirs too.
    if (intro !== null && quotedShare(cue.body) >= 0.5) {
      decisions[i] = { speaker: intro, evidence: 'quoted-by-narrator', confidence: CONFIDENCE['quoted-by-narrator'] };
      speaker = /[」』]\s*$/u.test(cue.body) ? intro : null;
    }
  });
}

/**
 * Who a line says is speaking its quotation: the narrator's introduction (「Xが出てきて…話した。」),
 * the news forms (「X氏は「…」と語った。」「「…」とX氏は話す。」), or `'same'` for 「同氏は「…」と述べた。」.
 * `titled` when an honorific marks the name as a person's, `byTitle` when only a job title follows it.
 */
function quotedSpeakerIn(text: string): { readonly name: string; readonly titled: boolean; readonly byTitle: boolean } | 'same' | null {
  const introduced = QUOTE_INTRO.exec(text);
  if (introduced?.[1] !== undefined) {
    return { name: introduced[1], titled: /(?:氏|さん)$/u.test(introduced[1]) || /^(?:氏|さん)/u.test(text.slice(introduced.index + introduced[1].length)), byTitle: false };
  }
  const news = QUOTE_SAID.exec(text) ?? QUOTE_THEN_NAME.exec(text) ?? QUOTE_VERB_NAME.exec(text);
  // Without the narrator's framing, a lone katakana word before 「…」と is as likely a thing (リソースは「…」と言える).
  if (news?.[1] !== undefined && (news[2] !== undefined || !/^[ァ-ヺー]+$/u.test(news[1]))) {
    const honorific = news[2] === '氏' || news[2] === 'さん';
    return { name: news[1], titled: honorific, byTitle: news[2] !== undefined && !honorific };
  }
  return QUOTE_SAME.test(text) ? 'same' : null;
}

/** A name written with a stray space (ウィッ トフィールド), as the text writes it elsewhere without one. */
function joinedName(name: string, body: string): string {
  const joined = name.replace(/(?<=[ァ-ヺー]) (?=[ァ-ヺー])/gu, '');
  return joined !== name && body.includes(joined) ? joined : name;
}

/**
 * The fuller spellings the text gives a family name: a katakana full name ending in it
 * (クレア・ウィットフィールド for ウィットフィールド) and the Latin spelling in brackets right after
 * that (`(Claire Whitfield)`).
 */
function fullSpellings(name: string, body: string): CastMember[] {
  if (!/^[ァ-ヺー]{2,}$/u.test(name)) return [];
  const found = new RegExp(`[ァ-ヺ][ァ-ヺー]*[・=]${name}(?![ァ-ヺー])(?:\\s*[(（]([A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)+)[)）])?`, 'u').exec(body);
  if (found === null) return [];
  const full = found[0].replace(/\s*[(（].*$/u, '');
  return [{ name: full, aliases: [...aliasesOf(full), ...(found[1] === undefined ? [] : aliasesOf(found[1]))], role: 'quoted' }];
}

/** Whether a quotation is still open at the end of a line (an opening bracket not yet closed). */
function opensQuote(text: string, open: boolean): boolean {
  let depth = open ? 1 : 0;
  for (const char of text) {
    if (char === '「' || char === '『') depth += 1;
    else if ((char === '」' || char === '』') && depth > 0) depth -= 1;
  }
  return depth > 0;
}

function quotedShare(text: string): number {
  const quoted = [...text.matchAll(/[「『]([^」』]*)[」』]/gu)].reduce((sum, match) => sum + (match[1]?.length ?? 0), 0);
  return text.length === 0 ? 0 : quoted / text.length;
}


/**
 * Speaker labels: how a line opens with who says it. A name and a colon (`イリヤ: `, `佐藤（司会）：`,
 * `【田中】`, after an optional timestamp), a council record's ○ mark (○議長（小池一郎君）), a saved chat's
 * sender (12:03:15 From 田中 to Everyone:) or a chat export's ([2024-05-14 21:03] 佐藤:, 21:03⇥佐藤⇥…), a transcription
 * tool's label and time (話者2  00:15), a script's name before the quoted words (ハル「…」), a news caption
 * (〈市民〉), and the words before a colon that are no speaker (an info box's 定休日：). Which labels make a
 * cast, and whose turn a line is, is `attribute-speakers.ts`'s business.
 */
import { readPostStamp } from './post-stamp.js';

/** The longest name a label may carry (code points). */
const LABEL_NAME_MAX = 24;

/**
 * A list item's mark (`- `, `・`): a field of the minutes follows it as often as a speaker (`- 議題：…`, `- 決定：…`),
 * so after it only a name with a title (`- 羽田教頭：`) or a name the text labels without one (see `readLabel`) is a label.
 */
const LIST_MARK_TEXT = String.raw`(?:[-*+•][ \u3000]+|・)`;
const LIST_MARK = new RegExp(String.raw`^\s*${LIST_MARK_TEXT}`, 'u');
/**
 * A label at the start of a line: `イリヤ: `, `Sam Altman:`, `【田中】`, `（記者）：`, after an optional timestamp
 * (`[00:01:23] 佐藤:`) and with an optional role or affiliation (`佐藤（司会）:`, `藤原（○○証券）:`,
 * group 3), as a list item too (`- 石倉：`: minutes list what each one said). `Q.` is not one (it needs a colon).
 */
const LABEL = new RegExp(
  String.raw`^\s*${LIST_MARK_TEXT}?(?:[○◯〇][ \u3000]?)?(?:\*\*)?(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*(?:\*\*)?)?` +
    String.raw`(?:【([^】]{1,24})】\s*|(?:[(\uFF08](?=[^()\uFF08\uFF09]{1,24}[)\uFF09]\s*(?:\*\*)?[:\uFF1A]))?([^\s:\uFF1A「」『』。、,.!?\uFF01\uFF1F()\uFF08\uFF09*]{1,24}(?:[ \u3000・][^\s:\uFF1A「」『』。、,.!?\uFF01\uFF1F()\uFF08\uFF09*]{1,24})?(?:(?<=[A-Za-z])\.)?)(?:(?<=[(\uFF08][^()\uFF08\uFF09]{1,24})[)\uFF09])?\s*(?:[(（]([^)）]{1,30})[)）]\s*)?(?:\*\*)?[:\uFF1A]\s*(?:\*\*\s*)?)`,
  'u',
);
/** No names: a line read alone has no other lines to vouch for a list item's label. */
const NO_NAMES: ReadonlySet<string> = new Set();
/**
 * A speaker's mark in a council record (会議録): 「○議長（小池一郎君）　…」「○３番（浜田洋子君）　…」 (the part
 * they speak in, group 1, and their name, group 2) or 「○浜田洋子君　…」 (group 3). No colon: the mark
 * ends at the space before the words. Either width, so it reads the raw line as well as the folded one.
 */
const COUNCIL_MARK = /^[ \t\u3000]*[○◯〇][ \u3000]?(?:([^\s()（）○]{1,12})[(（]([^()（）\s]{1,12}?)(?:君|くん|さん|氏|議員|委員)?[)）][ \t\u3000]*|([^\s()（）○]{1,12}?)(?:君|議員|委員)(?:[ \t\u3000]+|$))/u;
/**
 * A WebVTT cue's voice tag (`<v 講師>はい、…`, `<v.loud 学生>…`): the name in the tag speaks the cue. The tag
 * is markup, so the label is the tag and what spaces follow it.
 */
const VOICE_TAG = /^[ \t]*<v(?:\.[\w.-]+)*[ \t]+([^<>]{1,24})>[ \t\u3000]*/u;
/**
 * A line of a saved chat: 「12:03:15 From 田中 to Everyone: …」「From 田中 : …」 (Zoom; 送信元 … 宛先 in
 * Japanese). The sender (group 1, an affiliation in brackets group 2) is the speaker, whoever spoke before.
 */
const CHAT_LINE = /^\s*([\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*)?(?:From|送信元)[ \u3000]+(.{1,40}?)[ \u3000]*(?:[(（]([^()（）]{1,30})[)）])?(?:[ \u3000]+(?:to|宛先)[ \u3000]+([^:：]{1,40}?))?[ \u3000]*[:：][ \u3000]*/iu;
/**
 * A viewer's comment copied into a stream's transcript (`[chat] user123: 草`, 【コメント】…): a line with a
 * label of its own, but none of the people on the stream says it.
 */
const VIEWER_COMMENT = /^\s*[\[【(（<](?:chat|チャット|コメント|comment|視聴者|リスナー|YouTube|Twitch)[\]】)）>]\s*([^:：]{0,40})[:：]?\s*/iu;
/** A messaging app's saved talk, a tab between the time, the sender and the message: 「21:03\t佐藤\tおつかれ」. */
const TALK_EXPORT = /^\s*\d{1,2}:\d{2}\t([^\t]{1,24})\t/u;
/**
 * The app's own notice in a saved talk, the time and one column (「11:02\tShunがメッセージの送信を取り消しました」,
 * 「…がアルバム「…」を作成しました」, 「…が…を招待しました」): no one says it.
 */
const TALK_NOTICE = /^\s*\d{1,2}:\d{2}\t[^\t]{1,40}が[^\t]*(?:しました|されました)。?\s*$/u;
/** Pictographs and their presentation marks, which a display name may carry (あや🍓): no part of the name a user types. */
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0E}\u{FE0F}\u{200D}]/gu;
/**
 * A transcription tool's label: a name or a part, then the time the turn starts (「話者2  00:15」, 「Speaker 1  0:03」),
 * alone on the line above the words, or before them (group 3 is then their first character).
 */
const TIMED_LABEL = /^\s*(\S.{0,23}?)([ \t\u3000]+)[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?(?:\s*$|[ \t\u3000]+(?=(\S)))/u;
/**
 * A line of a script: a name, perhaps a stage direction in brackets, then the words in quotation marks, which
 * close the line or run on to the next (「ハル「お父ちゃん、…」」, 「源三（笑って）「…」」). The direction says how
 * the words are said, not who says them. Words after the closing mark make it prose: 「東京「丸の内」では…」.
 */
const SCRIPT_LINE = /^\s*([^\s:\uFF1A「」『』()\uFF08\uFF09、。,.!?\uFF01\uFF1F…]{1,12}?)\s*(?:[(\uFF08][^()\uFF08\uFF09]{1,30}[)\uFF09]\s*)?(?=「(?:.*」\s*$|[^」]*$))/u;
/**
 * A script's cue for sound or music, written where a name would be (「SE　波の音」, 「M　テーマ曲、IN」): words nobody
 * says, so no one's turn goes on over them. Only before words that are not Latin: 「M and A」 is English.
 */
const SOUND_CUE = /^\s*(?:SE|M|BGM|効果音)[ \t\u3000]+(?=[^\x00-\x7F])/u;
/**
 * A common noun that introduces a title in quotation marks (映画「君の名は。」, 特集「丸の内の今」, 新曲「…」): shaped
 * like a script's name, but no one's. Where a whole text is read, a script's name must also recur or be in the
 * cast (see `attribute-speakers.ts`); a line read alone (a quotation's start) has only this to go on.
 */
const TITLE_NOUN = /^(?:[\p{Script=Han}々]{0,3}(?:映画|特集|作品|番組|曲|小説|記事|連載|漫画|ドラマ|舞台|企画|雑誌|論文|絵本|展)|主題歌|挿入歌|歌|本|詩|アニメ|マンガ|シリーズ|アルバム|コーナー|テーマ|タイトル)$/u;
/** A heading's number before a quoted title (第一回「嵐の前」, 其の二「…」): no one's name. */
const ORDINAL = /^(?:第|其の)|[回話章節部編巻号幕場]$/u;
/**
 * A news script's caption (スーパー) naming who speaks, alone on the line above the words or before them:
 * 〈市民〉, 〈みなと市長　山田一郎さん〉.
 */
const CAPTION_LABEL = /^\s*[〈《<]([^〈〉《》<>]{1,40})[〉》>](?=\s|[「『]|$)\s*/u;
/** An honorific closing a caption: the word it ends is the person's name, the words before it their role. */
const CAPTION_HONORIFIC = /(?:さん|氏|君|様|選手|監督|先生|アナ)$/u;
/** A word for people by what they are, closing a caption with no name in it (市民, 山川町の住民, 来場者). */
const PEOPLE_WORD = /[者民員客生徒童人性]$/u;
/** A word before a given name that is who someone is, not their family name (防災担当, 部長, 3年). */
const NOT_FAMILY = /[\d長員者師士官部課係当所局担年組]$/u;

/** Whom a chat line is sent to when it is said to the room: without a timestamp, only this makes 「From X to Y:」 a chat line. */
const CHAT_ROOM = /^(?:everyone|全員|みなさん|皆さん)/iu;

/**
 * A role written where a name would be (`聞き手:`, `回答者:`): the label names a part in the talk, and
 * whoever plays it is that speaker. Not shaped like a name (聞き手 mixes kanji and kana), so listed.
 */
export const ROLE_LABEL = /^(?:司会|司会者|聞き手|質問者|記者|編集部|インタビュアー|ホスト|進行|進行役|モデレーター|MC|回答者|話し手|ゲスト|インタビュイー|裁判長|裁判官|検察官|検事|弁護人|被告人|被告|原告|証人|書記官|通訳人|授業者|教師|講師|生徒|児童)$/iu;
/**
 * Labels before words nobody speaks (板書：, 提供：この番組は…) or that a group says at once (全員：, 一同：):
 * the line is a label's, so it is not the last speaker's turn going on, but it is no person's.
 */
const NOT_A_PERSON = /^(?:板書|黒板|掲示|提供|協賛|スポンサー|テロップ|字幕|スライド|画面|注|注記|補足|ト書き|効果音|SE|全員|一同|[\p{Script=Han}]{1,3}一同|みんな|皆|会場|観客|聴衆|生徒全員|全体)$/iu;
/**
 * A job or a title written onto a name (森医師：, 佐野看護師：, 森Dr.：): the person is the name before it,
 * the titled form another name for them. アナ only after kanji (森アナ): katakana names end in it (ダイアナ).
 */
const TITLE_ON_NAME = /^(.+?)(?:医師|看護師|歯科医|薬剤師|教諭|弁護士|税理士|記者|(?<=[一-龥々])アナ(?:ウンサー)?|議員|委員|Dr\.?|ドクター|Prof\.?)$/u;
/**
 * A title or a part written where the name would be, the name in the bracket after it (都市計画課長（小川）,
 * 委員長（松井）, 会計（中西）, 司会（井上教諭）): a post (…長, …官, …役, an officer of a body: 会計, 書記) or a part
 * in the talk. The person is the one in the bracket.
 */
const TITLE_FIRST = /^(?:[\p{Script=Han}々]{1,10}(?:長|官|役|担当|理事|参与|監|主幹|主査)|[\p{Script=Han}々]{0,4}(?:会計|書記|庶務|幹事|監事|監査|顧問|事務局))$/u;

/**
 * A title written after a name to call someone by it (石倉校長, 藤堂副会長, 森先生), or a post named after the body
 * it heads (文化委員長, 広報部長, 副委員長).
 */
const BODY_POSTS = '(?:委員長|部長|課長|係長|局長|室長)';
const POSTS = '(?:先生|教頭|教諭|主任|理事長|議長|会長|社長|所長|店長|院長|校長|園長|署長|市長|町長|村長|区長|知事|監督|教授|議員)';
export const TITLE_WORDS = `(?:副|前|元)?(?:[\\p{Script=Han}々]{0,4}${BODY_POSTS}|${POSTS})`;
/**
 * Words before a post that say which post it is, not whose (全体会長, 各部長, 歴代会長, 本部長, 新会長): no name,
 * though as kanji they are shaped like one.
 */
const POST_SCOPE = '(?:全体|全|各|両|歴代|本|当|同|新|旧|現|次期|名誉)';
/**
 * A name with a title after it (羽田教頭, 藤堂副会長, ハーパー副会長, リー文化委員長): a person, called by their post,
 * however long the two make the label; never a topic such as 結論：.
 */
export const TITLED_NAME = new RegExp(
  `^(?:(?!${POST_SCOPE}(?:副|前|元)?(?:${BODY_POSTS}|${POSTS})$)[\\p{Script=Han}々]{1,4}|[ァ-ヺー]{2,}(?:[・=][ァ-ヺー]+)*|[A-Z][A-Za-z.'-]*)${TITLE_WORDS}$`,
  'u',
);

/** A part someone speaks in on air or at a podium, beyond `ROLE_LABEL`'s: who reads the news, calls the game. */
const SPEAKING_PART = /^(?:アナウンサー|アナ|キャスター|ナレーター|ナレーション|レポーター|リポーター|実況|解説|解説者|記者|アシスタント|パーソナリティ)$/u;

export const QA_LABEL = /^(?:q|a|question|answer|質問|回答|問|答)$/iu;

/**
 * A person's part with a letter or number that tells several apart (学生A, 参加者2, 男性B, 記者1, the audience's
 * 会場A, a transcription tool's 話者2 or Speaker 1): one speaker each. The word must name a person (…者, …生, …員,
 * …性, …客, 生徒) or the floor, not a point in a list (ポイント1);
 * a lesson record's numbered pupils (S1, S2) are one capital and a number (not Q1/A1, a list of questions).
 * Group 1 is the word, so 学生B vouches for 学生A as a speaker.
 */
export const LETTERED_ROLE = /^((?:[\p{Script=Han}々]{0,4}[者生員客性民徒童]|会場|客席|フロア|ゲスト|スピーカー|パネリスト|パネラー|メンバー|ユーザー|講師|司会|Speaker)(?=\s?[A-Z0-9]{1,2}$)|[B-PR-Z](?=\d{1,2}$))\s?[A-Z0-9]{1,2}$/u;
/**
 * A name as a name, not a phrase: katakana, Latin words, or a few kanji (a space may part family and
 * given name: 工藤 正樹), a nickname with ちゃん (よっちゃん), with an optional honorific.
 */
export const NAME_SHAPED = /^(?:[ァ-ヺー]{2,}(?:[・=][ァ-ヺー]+)*|[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*|[一-龥々]{1,4}(?:[ァ-ヺー]+)?|[一-龥々]{1,4} [一-龥々ぁ-ゖァ-ヺー]{1,4}|[一-龥々ぁ-ゖ]{1,3}さん|[ぁ-ゖァ-ヺー]{1,4}(?:ちゃん|くん|っち))(?:さん|氏|先生|博士|教授|准教授)?$/u;
/**
 * A name written in hiragana, or in kanji and hiragana (ぽんた, こてつ, 森下ひなた, a handle such as ぽてと大佐): shaped like too many
 * words to be a label on its own, so taken only where it recurs among other labels (see `findLabels` in attribute-speakers.ts).
 * A demonstrative before kanji (この間, その後, それ以外) is a phrase, not a handle.
 */
export const KANA_NAME_SHAPED = /^(?:(?![こそあど](?:の|れ|こ|ちら|っち|んな)[一-龥々])[ぁ-ゖー]{2,5}(?:[一-龥々]{1,3})?|[一-龥々]{1,3}[ぁ-ゖ]{2,4}|[一-龥々]{1,3} [ぁ-ゖ]{2,4})$/u;
/** Hiragana words written before a colon that are no names: a summary, a note, an example. */
const KANA_WORD = /^(?:まとめ|はじめに|おわりに|さいごに|ただし|なお|つまり|ちなみに|たとえば|れい|こたえ|しつもん|ひとこと|おしらせ|おすすめ|ねらい|あらすじ|もくじ|ほか|こたえあわせ|ふりかえり|きっかけ|ところで)$/u;
/**
 * A field of a notice or an info box before a colon (定休日：毎週木曜日, 開館時間：…, 住所：…, 入館料：…):
 * a kanji word shaped like a name that names a thing. The common field words, and compounds ending
 * in a word for a date, a time, a place, a fee or a contact.
 */
const FIELD_LABEL = /^(?:[一-龥々]{0,4}(?:日時|時間|時刻|期間|期日|日程|場所|住所|所在地|会場|料金|費用|価格|金額|電話|番号|連絡先|問い?合わ?せ|定員|対象|内容|主催|共催|後援|締切|締め切り|備考|注意|営業|定休|休業|駐車場|交通|最寄り?駅?|予約|申込み?|申し込み|受付|支払い?|URL|HP)|[一-龥々]{2,}[日料費])$/u;

/** Whether a label names a field of a notice or an info box (定休日, 開館時間, 入館料), not a person or a heading. */
export function isFieldLabel(label: string): boolean {
  return FIELD_LABEL.test(label.normalize('NFKC').trim());
}

export interface LabelRead {
  readonly name: string;
  /**
   * How the label is written: `label` (`名前：`, or a council record's ○ mark), `kana` (a name in
   * hiragana, `こてつ：`, taken only among other labels), `chat` (a saved chat's sender, or a person a news
   * caption names: always a speaker)
   * `script` (a name before quoted words, ハル「…」: a label only where the name recurs so or a cast list names
   * it, since 映画「君の名は。」 and 特集「丸の内の今」 are shaped the same)
   * or `none` (板書：, 提供：, 全員：: a label, but no one person's words).
   */
  readonly shape: 'label' | 'kana' | 'chat' | 'script' | 'none';
  /** The label as written when a title is written onto the name (森医師 for 森), else null. */
  readonly titled: string | null;
  /** The role in parentheses after the name (司会 in `佐藤（司会）:`), or null. */
  readonly role: string | null;
  /** UTF-16 length of the label, timestamp and colon included. */
  readonly length: number;
}

/**
 * The speaker label opening an (NFKC-folded) line, when its name is shaped like a name or is Q/A. After a list
 * item's mark the name must carry a title (`- 羽田教頭：`) or be one of `unbulleted`, the names the same text
 * labels without a mark (see `unbulletedLabels`): `- 議題：夏祭りの予算` is a field of the minutes.
 *
 * @example readLabel('- 石倉：賛成です。', new Set(['石倉']))?.name // '石倉'
 */
export function readLabel(text: string, unbulleted: ReadonlySet<string> = NO_NAMES): LabelRead | null {
  const voice = VOICE_TAG.exec(text);
  const voiced = voice?.[1]?.trim();
  if (voice !== null && voiced !== undefined && voiced !== '') {
    const shape = NOT_A_PERSON.test(voiced) ? 'none' : 'label';
    return { name: voiced, role: isPart(voiced) ? voiced : null, length: voice[0].length, shape, titled: null };
  }
  const mark = COUNCIL_MARK.exec(text);
  const marked = (mark?.[2] ?? mark?.[3])?.trim();
  if (mark !== null && marked !== undefined && NAME_SHAPED.test(marked) && !FIELD_LABEL.test(marked)) {
    return { name: marked, role: mark[2] === undefined ? null : (mark[1]?.trim() ?? null), length: mark[0].length, shape: 'label', titled: null };
  }
  const chat = CHAT_LINE.exec(text);
  const sender = chat?.[2]?.trim();
  if (chat !== null && sender !== undefined && (chat[1] !== undefined || CHAT_ROOM.test(chat[4] ?? '')) && (NAME_SHAPED.test(sender) || KANA_NAME_SHAPED.test(sender))) {
    return { name: sender, role: chat[3]?.trim() ?? null, length: chat[0].length, shape: 'chat', titled: null };
  }
  const comment = VIEWER_COMMENT.exec(text);
  if (comment !== null) return { name: comment[1]?.trim() ?? '', role: null, length: comment[0].length, shape: 'none', titled: null };
  // A stamp that carries the day is a post's, not a recording's clock: the sender after it is the speaker, however seldom they post.
  const stamp = readPostStamp(text);
  const sent = stamp === null ? null : readLabel(text.slice(stamp.length), unbulleted);
  if (stamp !== null && sent !== null && sent.shape !== 'none') return { ...sent, shape: 'chat', length: stamp.length + sent.length };
  const talk = TALK_EXPORT.exec(text);
  const talker = talk?.[1]?.replace(PICTOGRAPH, '').trim();
  if (talk !== null && talker !== undefined && (NAME_SHAPED.test(talker) || KANA_NAME_SHAPED.test(talker))) {
    return { name: talker, role: null, length: talk[0].length, shape: 'chat', titled: null };
  }
  const notice = TALK_NOTICE.exec(text);
  if (notice !== null) return { name: '', role: null, length: notice[0].length, shape: 'none', titled: null };
  const cue = SOUND_CUE.exec(text);
  if (cue !== null) return { name: cue[0].trim(), role: null, length: cue[0].length, shape: 'none', titled: null };
  return readNameLabel(text, unbulleted) ?? readTimedLabel(text) ?? readScriptLine(text) ?? readCaption(text);
}

/**
 * The names a text's lines open with as labels where no list item's mark comes before them: those that vouch
 * for the same name after a mark (`- 石倉：` where `石倉：` also opens a line).
 *
 * @example unbulletedLabels(['石倉：はい。', '- 石倉：賛成です。']) // Set { '石倉' }
 */
export function unbulletedLabels(texts: readonly string[]): Set<string> {
  const folded = texts.map((text) => text.normalize('NFKC').trim()).filter((text) => !LIST_MARK.test(text));
  return new Set(folded.flatMap((text) => readLabel(text)?.name ?? []).filter((name) => name !== ''));
}

/** A label written as a name (or a part) and a colon: `イリヤ: `, `佐藤（司会）：`, `【田中】`. */
function readNameLabel(text: string, unbulleted: ReadonlySet<string>): LabelRead | null {
  const match = LABEL.exec(text);
  const written = (match?.[1] ?? match?.[2])?.trim();
  if (match === null || written === undefined || [...written].length > LABEL_NAME_MAX) return null;
  // After a list item's mark, a name with a title or one the text labels without a mark (as written or as read: 森医師, 森).
  const vouched = (name: string): boolean => !LIST_MARK.test(text) || TITLED_NAME.test(written) || unbulleted.has(written) || unbulleted.has(name);
  const role = match[3]?.trim() ?? null;
  if (NOT_A_PERSON.test(written)) return vouched(written) ? { name: written, role, length: match[0].length, shape: 'none', titled: null } : null;
  // 「都市計画課長（小川）：」: the post before the bracket, the person in it; the post stays another name for them.
  const person = role === null || !(TITLE_FIRST.test(written) || ROLE_LABEL.test(written)) || bracketName(role) !== null ? null : bracketedPerson(role);
  if (person !== null) return vouched(person.name) ? { name: person.name, role: written, length: match[0].length, shape: 'label', titled: person.titled } : null;
  const stem = TITLE_ON_NAME.exec(written)?.[1]?.trim();
  const titled = stem !== undefined && (NAME_SHAPED.test(stem) || KANA_NAME_SHAPED.test(stem)) && !ROLE_LABEL.test(stem) ? stem : null;
  const name = titled ?? written;
  const strong = titled !== null || QA_LABEL.test(name) || ROLE_LABEL.test(name) || NAME_SHAPED.test(name) || TITLED_NAME.test(name) || LETTERED_ROLE.test(name);
  if (!strong && !(KANA_NAME_SHAPED.test(name) && !KANA_WORD.test(name))) return null;
  if (FIELD_LABEL.test(name) || !vouched(name)) return null;
  return { name, role, length: match[0].length, shape: strong ? 'label' : 'kana', titled: titled === null ? null : written };
}

/**
 * Whether a label names a part someone plays rather than who they are: a role (聞き手, 司会), a part on air
 * (アナウンサー, キャスター) or a lettered one (話者2, Speaker 1, 学生A).
 *
 * @example isPart('アナウンサー') // true
 */
export function isPart(label: string): boolean {
  return ROLE_LABEL.test(label) || LETTERED_ROLE.test(label) || SPEAKING_PART.test(label);
}

/** A name that is a label by its shape alone: a name, a part (聞き手), or a part with a letter (話者2, 会場A). */
function isLabelName(name: string): boolean {
  return (NAME_SHAPED.test(name) || isPart(name)) && !FIELD_LABEL.test(name);
}

/**
 * `話者2  00:15` alone on its line, or before the words. Before words, only a part (話者2) or a name set apart by
 * wide space: 「田中 10:00 集合」 is a line of a schedule.
 */
function readTimedLabel(text: string): LabelRead | null {
  const match = TIMED_LABEL.exec(text);
  const name = match?.[1]?.trim();
  if (match === null || name === undefined || !isLabelName(name) || NOT_A_PERSON.test(name)) return null;
  const part = isPart(name);
  if (match[3] !== undefined && !part && !/^(?:\t|\u3000|\s{2,})/u.test(match[2] ?? '')) return null;
  return { name, role: null, length: match[0].length, shape: 'label', titled: null };
}

/** `ハル「…」`, `源三（笑って）「…」`: the label ends before the opening quotation mark. */
function readScriptLine(text: string): LabelRead | null {
  const match = SCRIPT_LINE.exec(text);
  const name = match?.[1]?.trim();
  if (match === null || name === undefined || ORDINAL.test(name) || TITLE_NOUN.test(name) || !isLabelName(name)) return null;
  return { name, role: null, length: match[0].length, shape: NOT_A_PERSON.test(name) ? 'none' : 'script', titled: null };
}

/**
 * 〈みなと市長　山田一郎さん〉: the name before the honorific (a family and a given name may stand apart: 木下 亮さん),
 * the words before it the role; 〈市民〉: a word for people, with no name, is the part that speaks.
 */
function readCaption(text: string): LabelRead | null {
  const match = CAPTION_LABEL.exec(text);
  const inner = match?.[1]?.normalize('NFKC').trim();
  if (match === null || inner === undefined || inner === '') return null;
  const words = inner.split(/\s+/u);
  const last = words.at(-1) ?? '';
  if (CAPTION_HONORIFIC.test(last)) {
    const given = last.replace(CAPTION_HONORIFIC, '');
    const family = words.length > 1 ? (words.at(-2) ?? '') : '';
    const split = family !== '' && /^[\p{Script=Han}々]{1,3}$/u.test(family) && !NOT_FAMILY.test(family) && /^[\p{Script=Han}々ぁ-ゖァ-ヺー]{1,4}$/u.test(given);
    const name = split ? `${family} ${given}` : given;
    const role = words.slice(0, split ? -2 : -1).join(' ');
    if (!NAME_SHAPED.test(name)) return null;
    return { name, role: role === '' ? null : role, length: match[0].length, shape: 'chat', titled: null };
  }
  if (words.length > 1 || !(NAME_SHAPED.test(inner) || PEOPLE_WORD.test(inner)) || [...inner].length > 12 || /\d/u.test(inner) || FIELD_LABEL.test(inner)) return null;
  if (NOT_A_PERSON.test(inner)) return { name: inner, role: null, length: match[0].length, shape: 'none', titled: null };
  // A word for people says by itself that the caption names who speaks, by the part they speak in, which is
  // their role as well as their name; 〈解説〉 may head a part of the text.
  const people = PEOPLE_WORD.test(inner);
  return { name: inner, role: people ? inner : null, length: match[0].length, shape: people ? 'chat' : 'label', titled: null };
}

/**
 * A speaker's label that stands alone on its line above the words — a transcription tool's (`話者2  00:15`)
 * or a news caption (〈市民〉, `caption`) — with whether its shape alone says it is a person's (a part, a role,
 * a people word). Null for any other line, words after a label included.
 *
 * @example standingLabel('話者2  00:15') // { name: '話者2', part: true, caption: false }
 */
export function standingLabel(text: string): { readonly name: string; readonly part: boolean; readonly caption: boolean } | null {
  const folded = text.normalize('NFKC').trim();
  const timed = readTimedLabel(folded);
  const read = timed ?? readCaption(folded);
  if (read === null || read.shape === 'none' || read.length < folded.length) return null;
  const part = read.role !== null || isPart(read.name);
  return { name: read.name, part, caption: timed === null };
}

/** The name in a bracket after a post (小川, 井上教諭 → 井上 titled 井上教諭), when it is shaped like a name. */
function bracketedPerson(bracket: string): { readonly name: string; readonly titled: string | null } | null {
  const written = bracket.replace(/(?:君|さん|氏)$/u, '').trim();
  if (written === '' || ROLE_LABEL.test(written) || FIELD_LABEL.test(written) || NOT_A_PERSON.test(written)) return null;
  const stem = TITLE_ON_NAME.exec(written)?.[1]?.trim();
  if (stem !== undefined && /^[\p{Script=Han}々]{1,4}$/u.test(stem)) return { name: stem, titled: written };
  return /^[\p{Script=Han}々]{1,4}(?: ?[\p{Script=Han}々]{1,4})?$/u.test(written) && !TITLE_FIRST.test(written) ? { name: written, titled: null } : null;
}

/**
 * The person a label's bracket names after who they are with (記者A（テック通信・斉藤）, 司会（看護師 佐野）,
 * （フリーランス・Jordan Lee）): the last word after a middle dot or a space, when it is shaped like a name
 * and the bracket as a whole is not one name (（ミナセ・ルカ） is a name, not ルカ of ミナセ).
 */
export function bracketName(role: string): string | null {
  const folded = role.normalize('NFKC').trim();
  if (/^[ァ-ヺー]+(?:・[ァ-ヺー]+)+$/u.test(folded)) return null;
  const dot = folded.lastIndexOf('・');
  // A space parts a job from the name (看護師 佐野), not a family name from a given one (佐藤 一郎), nor Latin words.
  const space = /^[^ ]*(?:師|士|官|医|員|者|長|手|役) [^ ]+$/u.test(folded.slice(dot + 1)) ? folded.lastIndexOf(' ') : -1;
  const cut = Math.max(dot, space);
  const name = cut < 0 ? null : folded.slice(cut + 1).trim();
  return name !== null && name !== '' && NAME_SHAPED.test(name) && !FIELD_LABEL.test(name) ? name : null;
}

function labelName(text: string): string | null {
  return readLabel(text.normalize('NFKC'))?.name ?? null;
}

/**
 * Length (UTF-16) of the speaker label that opens a line (`イリヤ: `), 0 when there is none, so a
 * quotation can start at the speaker's first word.
 *
 * @example labelLength('イリヤ: そうやな。') // 5
 */
export function labelLength(text: string): number {
  const read = readLabel(text);
  if (read !== null) return read.length;
  const match = LABEL.exec(text);
  if (match === null || labelName(text) === null) return 0;
  return match[0].length;
}

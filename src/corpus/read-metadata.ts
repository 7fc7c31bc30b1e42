/**
 * Header lines that describe a transcript rather than belong to it: bylines, publication dates,
 * lists of speakers. Only whole lines of these shapes count, and only in a file's header.
 */
import { findDate } from './find-date.js';
import { ORGANISATION } from './speaker-aliases.js';

export interface LineMetadata {
  readonly author: string | null;
  readonly date: string | null;
  readonly speakers: readonly string[];
}

/** `By Jane Doe · 2021-04-01`, `Updated by Taro Yamada on April 1, 2021, 9:30 am JST`. */
const BYLINE = /^(?:(?:updated|posted|written|published|edited|reported|story)\s+)?by\s+(.+)$/iu;
/** `著者:山田太郎`, `文/佐藤花子`, `取材・文:鈴木`. */
const JAPANESE_BYLINE = /^(?:著者|筆者|書いた人|文|執筆|執筆者|投稿者|作成者|記者|ライター|取材・文|文・写真|構成|担当|担当教員|講師|講演者|発表者|author|writer|lecturer|speaker)\s*[:\uFF1A/]\s*(.+)$/iu;
/** `出演:A、B`, `Speakers: A, B`. */
const SPEAKER_LIST = /^(?:出演|出演者|登壇者|話者|ゲスト|スピーカー|アシスタント|参加者|参加|出席者|出席|speakers?|guests?|participants?|panelists?|attendees?)\s*[:\uFF1A]\s*(.+)$/iu;
const SPEAKER_SEPARATOR = /\s*(?:[、,/&×]|\band\b)\s*/u;
/** Words that may surround a date on a date line: `公開日:2024年3月20日`, `2024.12.15 更新`. */
const DATE_LABEL = /^(?:開催日時|開催日|実施日|講演日|放送日時|放送日|放送|放映日|放映|公開日時|更新日時|投稿日時|配信日時|収録日時|掲載日時|作成日時|日時|公開日|更新日|投稿日|配信日|収録日|掲載日|作成日|日付|公開|最終更新日?|更新|投稿|配信|収録|published(?:\s+on)?|(?:last\s+)?updated(?:\s+on)?|posted(?:\s+on)?|date)\s*[:\uFF1A]?\s*|^(?![^:\uFF1A]*(?:誕生|生年月|命日|記念|締|期限|発売|次回|予定|提出|応募|申込|今日))\p{sc=Han}{1,4}日時?\s*[:\uFF1A]\s*/iu;
/**
 * Words beside a date that say when in the day, not what: 午後, 深夜 (深夜1:00〜2:00), a school period
 * (5校時, 3限), a weekday written without brackets (水曜).
 */
const PART_OF_DAY = /(?:午前|午後|深夜|夜間|夕方|夜|朝|昼)|\d{1,2}\s*(?:校時|時限|限目?|時間目)|(?<=^|\s)[月火水木金土日]曜日?(?=\s|$)/gu;
/** 「（2024年10月8日）」: the date again, in the other calendar. */
const RESTATED_DATE = /\([^()]*\d{4}\s*年[^()]*\)/gu;
/** `2023年6月配信`, `2023年6月配信・文字起こし`: the date of a release, with what was released. */
const DATE_TRAILER = /^(?:公開|更新|投稿|配信|発行|収録|放送)(?:\s*[・/、,]\s*[^。!?]{1,40})?$/u;
/** `(金)`, `(金曜日)`, `(Fri)` after a date. */
const WEEKDAY = /\((?:[月火水木金土日](?:曜日?)?|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)/iu;
/** `16:00〜17:00`, `9:30-10:15`. */
const TIME_RANGE = /\d{1,2}:\d{2}\s*[〜~\-–]\s*\d{1,2}:\d{2}/u;
/** Where a dated recording took place: `2022年10月8日 港北公会堂 第2会議室にて`, `…、東京都内で収録`. */
const PLACE_TRAILER = /^[^。!?、]{1,30}(?:にて|にて収録|で収録|で開催|会場)$/u;
const TIME = /\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?\s*(?:[a-z]{2,4}(?:[+-]\d{1,2})?)?/iu;
/** `深夜1時〜`, `午後2時半から`, `19時〜21時`: a time of day in words. */
const JAPANESE_TIME = /(?:午前|午後|深夜|夜|朝|昼)?\d{1,2}時(?:\d{1,2}分|半)?(?:\s*[〜~\-–]\s*(?:(?:午前|午後|深夜|夜)?\d{1,2}時(?:\d{1,2}分|半)?)?|から|まで)?/u;
/** Separators between a name and the rest of a byline: `·`, `|`, ` - `, `,` (`By Jane Doe, Staff`). */
const BYLINE_SEPARATOR = /\s+[·•|–—-]\s+|\s*[·•|、,]\s*/u;
const MAX_NAME_LENGTH = 60;
const MAX_NAME_WORDS = 5;

/**
 * What a header line states about its transcript, or null when the line is not metadata.
 *
 * @example readMetadataLine('By Jane Doe · 2021-04-01') // { author: 'Jane Doe', date: '2021-04-01', speakers: [] }
 */
export function readMetadataLine(raw: string): LineMetadata | null {
  // A header written as a Markdown list (「- 日時：2024/09/21（土）」) says the same without its bullet.
  const line = raw.replace(/^\s*[-*+・]\s+/u, '');
  const unbracketed = (text: string): string => /^\((.+)\)$/u.exec(text)?.[1] ?? text;
  const whole = unbracketed(line.normalize('NFKC').replace(/\s+/gu, ' ').trim());
  // A full-width space or a run of spaces may separate fields (「日時：…　会場：オンライン」).
  // So may a full-width slash that is no part of a date (「配信日：3月12日（火）／収録：3月8日」).
  const spaced = unbracketed(line.replace(/(?:[\s\u3000]*(?:\u3000|\s{2,}|(?<![0-9０-９])／|／(?![0-9０-９]))[\s\u3000]*)+/gu, ' / ').normalize('NFKC').replace(/\s+/gu, ' ').trim());
  return readField(whole) ?? readFields(whole) ?? readFields(spaced) ?? readDatedField(whole);
}

/**
 * Whether a header line says only where the text was recorded or held (`場所：本館3階 第2会議室`): a
 * fact a reader may ask for, so it stays in the index, though it is read like metadata.
 *
 * @example isPlaceField('会場：市民ホール') // true
 */
export function isPlaceField(raw: string): boolean {
  const line = raw.replace(/^\s*[-*+・]\s+/u, '').normalize('NFKC').replace(/\s+/gu, ' ').trim();
  return PLACE_FIELD.test(line);
}
const PLACE_FIELD = /^(?:場所|会場|収録場所|開催場所|実施場所|収録会場|location|venue)\s*:\s*[^。!?:]{1,60}$/iu;

/**
 * Whether a header line gives only the day the text was last updated (`更新日：2024年3月15日`): a fact a
 * reader may ask for (「この記事の更新日は？」), so it stays in the index, and the text's date only when no
 * other line gives one, since the text was first published before.
 *
 * @example isUpdateField('更新日：2024年3月15日') // true
 */
export function isUpdateField(raw: string): boolean {
  const line = raw.replace(/^\s*[-*+・]\s+/u, '').normalize('NFKC').replace(/\s+/gu, ' ').trim();
  return UPDATE_LABEL.test(line) && readDateLine(line) !== null;
}
const UPDATE_LABEL = /^(?:更新日時?|最終更新日?|更新|(?:last\s+)?updated(?:\s+on)?)\s*[:\uFF1A]?\s*\d/iu;

/**
 * Under a title, `Mika｜ほっと夜更かしラジオ`: who wrote it, then where it appeared (a note- or blog-style
 * byline). Only below the title: a title line itself often reads `記事タイトル｜サイト名`.
 *
 * @example readSiteByline('Mika｜ほっと夜更かしラジオ') // { author: 'Mika', date: null, speakers: [] }
 */
export function readSiteByline(line: string): LineMetadata | null {
  const match = /^([^|。!?]{1,30}?)\s*\|\s*([^|。!?]{1,40})$/u.exec(line.normalize('NFKC').trim());
  const name = match?.[1]?.trim();
  if (match === undefined || match === null || name === undefined) return null;
  return { author: isName(name) ? withoutTitles(name) : null, date: findDate(match[0])?.date ?? null, speakers: [] };
}

/** A date, then a field after it: `2023/10/5 担当:野口准教授(環境学研究科)`. */
function readDatedField(text: string): LineMetadata | null {
  const found = findDate(text);
  if (found === null || found.index !== 0) return null;
  const rest = text.slice(found.length).trim();
  const field = rest === '' ? null : readField(rest);
  return field === null ? null : { ...field, date: found.date };
}

function readField(text: string): LineMetadata | null {
  return readByline(text) ?? readSpeakerList(text) ?? readDateLine(text) ?? readRecordingField(text);
}

/**
 * Fields on one line: `収録日:2024年6月12日 / 聞き手:編集部`, `文:山田 | 2024.3.1`. Every part must be
 * one, but a note after the fields (`※ボランティアによる書き起こし。`) is left aside.
 */
function readFields(text: string): LineMetadata | null {
  // 「書いた人：西村（@takumi_n / SREチーム）」: a separator inside brackets parts no fields.
  const split = outsideBrackets(text, FIELD_SEPARATOR);
  const parts = split.filter((part, i) => i === 0 || !NOTE.test(part));
  if (parts.length < 2 && parts.length === split.length) return null;
  const read = parts.map(readField);
  // 「2023年9月16日（土）　松江市民ホール　主催：…」: beside a date, a bare name is where it took place.
  const dated = read.some((field) => field?.date !== null && field?.date !== undefined);
  const fields = read.map((field, i) => field ?? (dated && VENUE.test(parts[i] ?? '') ? { author: null, date: null, speakers: [] } : null));
  if (fields.some((field) => field === null)) return null;
  const found = fields.filter((field) => field !== null);
  return {
    author: found.find((field) => field.author !== null)?.author ?? null,
    date: found.find((field) => field.date !== null)?.date ?? null,
    speakers: found.flatMap((field) => field.speakers),
  };
}

const FIELD_SEPARATOR = /\s+[/|]\s+/u;
/** A place named alone: a few words, no kana of a sentence. */
const VENUE = /^[^ぁ-ゖ。!?:]{2,20}$/u;
/** `※…`: an editor's note riding on a header line. */
const NOTE = /^※/u;

/**
 * `話者数: 2`, `収録時間: 45分`, `Duration: 00:45:12`: a field a transcription tool writes above the
 * text; `聞き手:編集部`, `撮影:田中`: the crew, named in a header, not speakers of the text. A colon in the
 * value (not a time's) starts another field: 「文字起こし：自動　収録日：2024年2月9日」 is two.
 */
const RECORDING_FIELD = /^(?:話者数|参加人数|収録時間|録音時間|再生時間|所要時間|長さ|収録場所|場所|会場|言語|ファイル名|文字数|形式|聞き手|インタビュアー|撮影|写真|編集|通訳|翻訳|記録|書き起こし|文字起こし|制作|製作|提供|協力|主催|共催|後援|duration|length|language|location|venue|file(?:name)?|format)\s*[:\uFF1A]\s*(?:[^。!?\uFF01\uFF1F:\uFF1A]|(?<=\d)[:\uFF1A](?=\d)){1,40}$/iu;

function readRecordingField(text: string): LineMetadata | null {
  // 「記録：みかん（自動字幕を手で整えました。…）」: a note in brackets after the value.
  const field = text.replace(/\s*\([^()]*\)$/u, '');
  return RECORDING_FIELD.test(field) ? { author: null, date: null, speakers: [] } : null;
}

function readByline(text: string): LineMetadata | null {
  const match = BYLINE.exec(text) ?? JAPANESE_BYLINE.exec(text);
  const rest = match?.[1]?.trim();
  // 「講師：集めた回答は、どこに保存するのか。」 is the lecturer speaking: a byline is no sentence.
  if (rest === undefined || rest === '' || /[。？！?!]$/u.test(rest)) return null;
  const on = /\s+on\s+/iu.exec(rest);
  const cut = on ?? BYLINE_SEPARATOR.exec(rest);
  // 「木村 直樹(フリーライター)」: the role in brackets describes the author; it is not the name.
  const name = (cut === null ? rest : rest.slice(0, cut.index)).replace(/\s*\([^()]{1,30}\)$/u, '').trim();
  const tail = cut === null ? '' : rest.slice(cut.index + cut[0].length);
  if (!isName(name)) return null;
  return { author: withoutTitles(name), date: findDate(tail)?.date ?? null, speakers: [] };
}

function readSpeakerList(text: string): LineMetadata | null {
  const list = SPEAKER_LIST.exec(text)?.[1];
  // 「参加者：うちは社員が五人なんですが、…どう進めればいいですか。」 is a participant speaking.
  if (list === undefined || /[。!?]|です|ます/u.test(list)) return null;
  const speakers = outsideBrackets(list, SPEAKER_SEPARATOR)
    .flatMap(castNames)
    .map((name) => withoutTitles(bareName(name)))
    .filter(isName);
  return speakers.length === 0 ? null : { author: null, date: null, speakers };
}

/** A line that is a date and nothing else but a label, a time of day and separators. */
function readDateLine(text: string): LineMetadata | null {
  // 「…19:00-20:15（Zoom ウェビナー）」: a short note in brackets after the date says how, not what.
  const unlabelled = text.replace(DATE_LABEL, '').replace(/\s*\([^()]{1,30}\)$/u, '');
  const found = findDate(unlabelled);
  if (found === null) return null;
  const residue = (unlabelled.slice(0, found.index) + ' ' + unlabelled.slice(found.index + found.length))
    .replace(WEEKDAY, ' ')
    .replace(RESTATED_DATE, ' ')
    .replace(TIME_RANGE, ' ')
    .replace(TIME, ' ')
    .replace(JAPANESE_TIME, ' ')
    .replace(PART_OF_DAY, ' ')
    .replace(/[\s,.·|()[\]〜~]+/gu, ' ')
    .trim();
  if (residue !== '' && !DATE_TRAILER.test(residue) && !PLACE_TRAILER.test(residue)) return null;
  return { author: null, date: found.date, speakers: [] };
}

/**
 * The people an entry of a speaker list names: a group with its members in brackets, each after a
 * role (`コンビ名(ボケ:田中ユウタ/ツッコミ:森サキ)`), names the members; anything else names itself.
 */
function castNames(entry: string): string[] {
  const members = /^[^()]*\(([^()]*:[^()]*)\)$/u.exec(entry.trim())?.[1];
  if (members !== undefined) return members.split(/\s*[/、,]\s*/u).map((member) => member.slice(member.indexOf(':') + 1).trim());
  // 「3名（ナツ、こうちゃん、リン）」: a head count, then who.
  const counted = /^(?:\d+\s*(?:名|人)|全員)\s*\(([^()]+)\)$/u.exec(entry.trim())?.[1];
  return counted === undefined ? [entry] : counted.split(/\s*[/、,]\s*/u);
}

/**
 * A listed name without what a list adds to it: a handle in brackets after it
 * (`Yuki Morita（@moriyuki_ml）`), an affiliation after a dash (`… — 株式会社ナギサラボ CTO`), a
 * nickname after `＝` (`大西健太＝ニシやん`). A role in brackets (`山口（営業部長）`) stays.
 */
function bareName(entry: string): string {
  return entry
    .replace(/\s*[—―–]\s*.*$|\s+-\s+.*$/u, '')
    // Not inside a name written in katakana: ジャン=ポール・ルノワール is one name.
    .replace(/(?<![ァ-ヺー])=[^()]*|=(?![ァ-ヺー])[^()]*/u, '')
    .replace(/\s*\(@[^()]{1,30}\)/u, '')
    .trim();
}

/** `text` split at `separator`, except inside brackets: 「リー(広報担当、外部)、村上(書記)」 is two names. */
function outsideBrackets(text: string, separator: RegExp): string[] {
  const anchored = new RegExp(`^(?:${separator.source})`, 'u');
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const match = anchored.exec(text.slice(i));
      if (match !== null && match[0] !== '') {
        parts.push(text.slice(start, i));
        start = i + match[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A job title written as its own word before or after a name: 代表取締役社長CEO, 執行役員, 准教授, 台所研究家. */
const JOB_TITLE = /^(?:[^\s]*(?:研究家|料理家|専門家|評論家|写真家|社長|会長|取締役|役員|本部長|部長|課長|室長|所長|局長|理事長|理事|委員長|教授|准教授|助教|講師|研究員|主任|主査|係長|フェロー|アナリスト|記者|編集長|担当|税理士|弁護士|司会|広報|CEO|CFO|COO|CTO|CIO|CMO|VP)|代表|博士|Dr\.?|Prof\.?)$/u;

/**
 * `代表取締役社長CEO 川口 浩二` → `川口 浩二`, `石井 美咲 准教授` → `石井 美咲`, `野口准教授` → `野口`: the
 * words of a name without the job titles around it; a title joined to a kanji family name goes too.
 */
function withoutTitles(name: string): string {
  const words = name.split(' ');
  // 「司会 ミライ研究所 広報 三村 健」: a company before the last title goes with it.
  const titles = words.slice(0, -1).map((word, i) => (JOB_TITLE.test(word) ? i : -1));
  const lastTitle = Math.max(...titles);
  if (lastTitle > 0) words.splice(0, lastTitle + 1);
  while (words.length > 1 && (JOB_TITLE.test(words[0] ?? '') || ORGANISATION.test(words[0] ?? ''))) words.shift();
  while (words.length > 1 && JOB_TITLE.test(words.at(-1) ?? '')) words.pop();
  if (words.length === 1) return JOINED_TITLE.exec(words[0] ?? '')?.[1] ?? words.join(' ');
  return words.join(' ');
}
/** A kanji family name with its title written on: 岡田准教授, 山本社長, 田中先生. */
const JOINED_TITLE = /^(\p{sc=Han}{2,4}?)(?:准教授|教授|助教|講師|博士|先生|社長|会長|部長|課長|室長|所長|局長|理事長|委員長|編集長|記者)$/u;

function isName(name: string): boolean {
  const length = [...name].length;
  // A name is a few capitalised words at most; anything else is a sentence that starts with `By`.
  return (
    length > 0 &&
    length <= MAX_NAME_LENGTH &&
    name.split(' ').length <= MAX_NAME_WORDS &&
    !/[。!?]|\.$/u.test(name) &&
    // 「記者：値上げの件ですが、…」 is a reporter speaking, not a byline.
    !/です|ます|ません|でした|ました|ください/u.test(name) &&
    // 「住民 約40名」 counts people; a name has no digits, nor another field's colon after it.
    !/[\d:]/u.test(name) &&
    !/^[a-z]/u.test(name)
  );
}

/**
 * Lines that the publishing platform, not the speaker or author, put into a transcript. Each rule
 * describes a line's whole shape: a formulaic line is short and says nothing else, so a narrator's
 * closing line that merely mentions チャンネル登録 among other words stays content.
 */

export interface BoilerplateRule {
  /** Short name, for tests and for anyone tracing why a line left the index. */
  readonly name: string;
  /** Matched against the whole line: NFKC, whitespace collapsed, trimmed. */
  readonly pattern: RegExp;
}

/** Formulaic lines are short; anything longer carries content and is never dropped as boilerplate. */
export const BOILERPLATE_MAX_LENGTH = 80;

const REQUEST_END = '(?:お願いします|お願いいたします|お願いね|よろしく(?:お願いします|ね|な)?|してね|してください|して下さい|待ってます|お待ちしてます|お待ちしています|(?:ら|と)(?:嬉しい|うれしい)(?:です|な|わ|で)?)';
const REQUEST_START = '(?:ぜひ|是非)?(?:チャンネル登録|高評価|グッドボタン|いいね|フォロー|コメント)';

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  // Article length shown by note-style platforms: `3,210 文字`, `1200字`, `約3200文字`, `850 words`.
  { name: 'character-count', pattern: /^(?:約|およそ|about\s+|~)?\d[\d,.]*\s*(?:文字|字|characters?|chars|words?|語)$/iu },
  // Alt text or placeholder of a header image: `見出し画像`.
  { name: 'image-placeholder', pattern: /^(?:見出し画像|ヘッダー画像|トップ画像|アイキャッチ画像|サムネイル|画像|写真|image|photo|thumbnail)$/iu },
  // note.com's support prompt: `この記事が気に入ったらサポートをしてみませんか?`.
  { name: 'support-prompt', pattern: /^この(?:記事|ノート|note|投稿|動画)が(?:気に入ったら|良かったら|よかったら|役に立ったら).{0,30}$/iu },
  // note.com's tip button: `いいなと思ったら応援しよう!`.
  { name: 'tip-prompt', pattern: /^いいなと思ったら(?:応援|サポート)しよう[!]*$/u },
  // Newsletter sign-up: `おすすめ記事と編集部のお知らせをお送りします。(毎週月曜日配信)`.
  { name: 'newsletter', pattern: /^(?:おすすめ記事|最新記事|新着記事|人気記事|編集部).{0,30}(?:お送りします|お届けします|配信します)/u },
  { name: 'newsletter-signup', pattern: /^(?:メールマガジン|メルマガ|ニュースレター)(?:の|を|に|へ)?(?:ご)?(?:登録|購読)(?:は|を|する)?(?:こちら|して(?:ください|ね)|お願いします)?[!。.]*$|^(?:subscribe to|sign up for) (?:our|the|my) newsletter\b.{0,20}$/iu },
  // One-word buttons and counters left over from the page: `コメント`, `シェア`, `3件のコメント`.
  { name: 'page-button', pattern: /^(?:コメント(?:する|を書く|を投稿する?)?|\d+件のコメント|コメント\s*(?:\d+件|\(\d+\))|(?:この)?(?:記事|ページ|投稿)を(?:シェア|共有)する|シェア(?:する)?|ツイート|ポスト|いいね|スキ|フォロー(?:する)?|ブックマーク|comments?|share|tweet|like|follow|subscribe)$/iu },
  // A bare request to subscribe or like: `チャンネル登録よろしくお願いします!`.
  { name: 'subscribe-request', pattern: new RegExp(`^${REQUEST_START}.{0,30}${REQUEST_END}[!。.]*$`, 'u') },
  { name: 'subscribe-request-en', pattern: /^(?:please\s+)?(?:like,?\s+(?:and\s+)?)?subscribe\b.{0,40}$/iu },
  // Reading-time badges: `約5分で読めます`, `読了時間:3分`.
  { name: 'reading-time', pattern: /^(?:約)?\d+分で読め(?:る|ます)$|^読了(?:時間|目安)[:\uFF1A]?\s*(?:約)?\d+分$/u },
  // A line made only of hashtags: `#AI #ChatGPT` (a markdown heading has a space after `#`).
  { name: 'hashtags', pattern: /^#[^\s#]+(?:\s+#[^\s#]+)*$/u },
  // `![見出し画像](https://…)`: a Markdown image on a line of its own.
  { name: 'markdown-image', pattern: /^!\[[^\]]*\]\([^)\s]*\)$/u },
  // `---`, `***`, `===`, `――――`: a separator, not a heading for what follows.
  { name: 'separator', pattern: /^[-=*_~―—–─━・･.。\s]{3,}$/u },
  // Advertising labels and page navigation.
  { name: 'advertising', pattern: /^(?:PR|広告|スポンサーリンク|advertisement|sponsored)$/iu },
  // An advertisement marked as one: `【広告】無料セミナー受付中`, `[PR] …`.
  { name: 'marked-advertising', pattern: /^(?:【|\[|〔)\s*(?:PR|AD|広告|スポンサー|提供|sponsored)\s*(?:】|\]|〕)/iu },
  // An editor's note that the article was changed: `※2025年2月15日 表現を一部修正しました。`, `【訂正】…`. One
  // sentence with no figure after its date: a note saying what changed (`塩の量を120gから130gに変更しました。
  // 手順7に…を追記しました。`) states facts of the text and stays.
  { name: 'correction-note', pattern: /^※\s*(?:\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2})?)?[^。\d]*(?:修正|訂正|追記|更新|削除)(?:しました|いたしました)[。.]?$|^(?:【|\[|〔)\s*(?:訂正|追記|修正|お詫び|お詫びと訂正|編集部注)\s*(?:】|\]|〕)/u },
  // A chat export's reactions under a message: `:+1: 3  :eyes: 1`.
  { name: 'reactions', pattern: /^(?::[\w+'-]+:\s*\d+\s*)+$/u },
  // Share buttons after their label: `この記事をシェアする：[X] [はてなブックマーク] [LINE]`, `Share: Facebook / X`.
  { name: 'share-buttons', pattern: /^(?:(?:この)?(?:記事|ページ|投稿|エントリー?|動画)を?(?:シェア|共有)(?:する|しよう)?|share(?: this(?: (?:post|article|page))?)?)\s*[:]\s*(?:\[[^\]]{1,30}\]\s*|[^\s\[\]/|]{1,20}\s*[/|]?\s*)+$/iu },
  // Counters of the page's buttons: `👍 いいね 128　💬 コメント 14`, `スキ 52`, `12 likes · 3 comments`.
  { name: 'button-counters', pattern: /^(?=.*\d)(?:[\p{Extended_Pictographic}\uFE0F\u200D♡♥]*\s*(?:[\d,]+\s*)?(?:いいね!?|スキ|コメント|シェア|ブックマーク|リツイート|リポスト|likes?|comments?|shares?)\s*(?:[\d,]+|\([\d,]+\))?\s*[·・|/]?\s*)+$/iu },
  // The post's tags or category: `タグ：#CloudRun #移行`, `カテゴリー：技術`.
  { name: 'tags', pattern: /^(?:タグ|ハッシュタグ|カテゴリー?|tags?|categories|category)\s*[:]\s*[^。!?]{1,60}$/iu },
  // The neighbouring posts: `前の記事：…`, `« 次の記事 …`.
  { name: 'adjacent-post', pattern: /^[«‹<]?\s*(?:前の記事|次の記事|前の投稿|次の投稿|previous post|next post)\s*[:»›>]\s*.{1,60}$/iu },
  // A list of links after a label: `関連記事:月面着陸船、2度目の挑戦へ/…`.
  { name: 'link-list', pattern: /^(?:関連記事|関連リンク|あわせて読みたい|合わせて読みたい|おすすめ記事|人気記事|related(?: posts| articles)?)\s*[:]\s*.+$/iu },
  { name: 'navigation', pattern: /^(?:前の記事|次の記事|関連記事|あわせて読みたい|合わせて読みたい|続きを読む|もっと見る|(?:この)?続きを(?:みる|見る|読む)には|この記事が参加している募集|read more|show more|related (?:posts|articles))$/iu },
  // Subtitle-file leftovers: a cue number, a cue timing (`00:00:01,000 --> 00:00:04,000`), a bare
  // timestamp (`[00:12:34]`), the `WEBVTT` header.
  { name: 'subtitle-cue', pattern: /^\d+$|^\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]?(?:\s*-->\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?.*)?$|^WEBVTT\b/u },
  // A stage direction on a line of its own: `[拍手]`, `(会場笑い)`, `〔音声不明瞭〕`. (A 【label】 is a speaker.)
  // No digits inside: `（2024年9月配信）` is a date line.
  { name: 'stage-direction', pattern: /^(?:\[[^\[\]\d]{1,30}\]|\([^()\d]{1,30}\)|<[^<>\d]{1,30}>)$/u },
  // A cue of the programme, not words of anyone: `♪ジングル（CM入り）`, `――ここでCM――`, `（BGM）`.
  { name: 'broadcast-cue', pattern: /^(?:[♪♫♬]\s*(?:ジングル|BGM|SE|CM|テーマ曲|オープニング曲|エンディング曲|アイキャッチ|効果音)(?:\s*[(（][^()（）]{0,30}[)）])?\s*[♪♫♬]?|(?:[-ー―─━=]{2,}|[(（［\[〈<])\s*(?:ここで|いったん|一旦)?\s*(?:CM|ジングル|BGM|SE|アイキャッチ)(?:入り|明け|へ|です)?\s*(?:[-ー―─━=]{2,}|[)）］\]〉>]))$/u },
  // A record's clock: `午前１０時開議`, `午前１１時４２分散会`, `午後１時再開`.
  { name: 'record-time', pattern: /^(?:午前|午後)?\s*\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?\s*(?:開議|開会|散会|閉会|休憩|再開|延会)$/u },
  // A record's notes in tortoise-shell brackets, numbers and all: `〔１番　佐藤花子君登壇〕〔拍手〕`.
  { name: 'record-note', pattern: /^(?:〔[^〔〕]{1,40}〕\s*)+$/u },
  // Reprint notices: `この文字起こしは学習用です。無断転載を禁じます。`, `無断転載・複製を禁止します`.
  { name: 'reprint-notice', pattern: /無断(?:で)?(?:転載|複製|転用|使用|引用)(?:[・、](?:転載|複製|転用|使用|引用))*(?:を|は)?(?:禁じ|禁止|固く禁|お断り|ご遠慮)[^。]{0,12}[。.]?$/u },
  // A contact line: `お問い合わせ：株式会社… IR室 ir@…`.
  { name: 'contact', pattern: /^(?:お問い合わせ|お問合せ|お問合わせ|問い合わせ先|お問い合わせ先|contact(?: us)?)\s*[:]\s*[^。]{1,70}$/iu },
  // Copyright footers: `© 2024 Example Inc. All rights reserved.`
  { name: 'copyright', pattern: /^(?:©|\(c\)|copyright\b)|all rights reserved\.?$/iu },
];

/**
 * A label over a list of links to other articles (`関連記事`, `### あわせて読みたい`, `Related posts`):
 * the label and the list under it are the page's, not the text's — their dates are other articles'.
 */
const LINK_LIST_LABEL = /^(?:関連記事|関連リンク|関連エントリー?|関連する(?:記事|投稿)|あわせて読みたい|合わせて読みたい|(?:おすすめ|オススメ)の?記事|こちらもおすすめ|人気(?:の)?(?:記事|投稿)(?:ランキング)?|よく読まれている記事|最新(?:の)?(?:記事|投稿)|最近の(?:記事|投稿)|新着記事|こちらの記事もおすすめ|こんな記事も読まれています|次に読みたい|related(?: posts| articles| entries| reading)?|recommended(?: posts| articles)?|recent posts|popular posts|you may also like|read next)[:]?$/iu;

/**
 * Whether a line (a markdown heading, a bold line or plain) is the label of a list of links.
 *
 * @example isLinkListLabel('### 関連記事') // true
 */
export function isLinkListLabel(line: string): boolean {
  const shape = line.normalize('NFKC').replace(/^\s*#{1,6}\s+/u, '').replace(/^(\*\*|__)(.+)\1$/u, '$2').replace(/^[【\[]|[】\]]$/gu, '').replace(/\s+/gu, ' ').trim();
  return LINK_LIST_LABEL.test(shape);
}

/**
 * Whether a whole line is platform boilerplate.
 *
 * @example isBoilerplate('3,210 文字') // true
 */
export function isBoilerplate(line: string): boolean {
  const shape = line.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (shape === '' || [...shape].length > BOILERPLATE_MAX_LENGTH) return false;
  return BOILERPLATE_RULES.some((rule) => rule.pattern.test(shape));
}

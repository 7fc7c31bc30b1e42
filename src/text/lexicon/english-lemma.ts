/**
 * A small English lemmatiser for query words. It over-generates on purpose: `lemmaCandidates` lists
 * every plausible base form, most likely first, and the lexicon keeps only the candidates it has a
 * key for. There is no part-of-speech tagging: "left" yields both itself and "leave".
 */

/** Irregular verb forms → base. About 150 verbs, the ones a question is likely to use. */
const IRREGULAR_VERBS: Readonly<Record<string, readonly string[]>> = {
  be: ['am', 'is', 'are', 'was', 'were', 'been', 'being'],
  have: ['has', 'had', 'having'],
  do: ['does', 'did', 'done', 'doing'],
  go: ['goes', 'went', 'gone'],
  say: ['says', 'said'],
  get: ['got', 'gotten', 'getting'],
  make: ['made'],
  know: ['knew', 'known'],
  think: ['thought'],
  take: ['took', 'taken'],
  see: ['saw', 'seen'],
  come: ['came'],
  give: ['gave', 'given'],
  find: ['found'],
  tell: ['told'],
  become: ['became'],
  leave: ['left'],
  feel: ['felt'],
  bring: ['brought'],
  begin: ['began', 'begun'],
  keep: ['kept'],
  hold: ['held'],
  write: ['wrote', 'written'],
  stand: ['stood'],
  hear: ['heard'],
  mean: ['meant'],
  meet: ['met'],
  run: ['ran'],
  pay: ['paid'],
  sit: ['sat'],
  speak: ['spoke', 'spoken'],
  lie: ['lay', 'lain', 'lying'],
  lay: ['laid'],
  lead: ['led'],
  grow: ['grew', 'grown'],
  lose: ['lost'],
  fall: ['fell', 'fallen'],
  send: ['sent'],
  build: ['built'],
  understand: ['understood'],
  draw: ['drew', 'drawn'],
  break: ['broke', 'broken'],
  spend: ['spent'],
  rise: ['rose', 'risen'],
  drive: ['drove', 'driven'],
  buy: ['bought'],
  wear: ['wore', 'worn'],
  choose: ['chose', 'chosen'],
  seek: ['sought'],
  throw: ['threw', 'thrown'],
  catch: ['caught'],
  deal: ['dealt'],
  win: ['won'],
  forget: ['forgot', 'forgotten'],
  sell: ['sold'],
  fight: ['fought'],
  teach: ['taught'],
  eat: ['ate', 'eaten'],
  sleep: ['slept'],
  fly: ['flew', 'flown', 'flies'],
  shake: ['shook', 'shaken'],
  hide: ['hid', 'hidden'],
  ride: ['rode', 'ridden'],
  sing: ['sang', 'sung'],
  swim: ['swam', 'swum'],
  drink: ['drank', 'drunk'],
  ring: ['rang', 'rung'],
  bear: ['bore', 'borne'],
  beat: ['beaten'],
  bite: ['bit', 'bitten'],
  blow: ['blew', 'blown'],
  bend: ['bent'],
  bind: ['bound'],
  bleed: ['bled'],
  breed: ['bred'],
  burn: ['burnt'],
  dig: ['dug'],
  dream: ['dreamt'],
  feed: ['fed'],
  forgive: ['forgave', 'forgiven'],
  freeze: ['froze', 'frozen'],
  hang: ['hung'],
  kneel: ['knelt'],
  lend: ['lent'],
  light: ['lit'],
  mistake: ['mistook', 'mistaken'],
  overcome: ['overcame'],
  prove: ['proven'],
  shine: ['shone'],
  shoot: ['shot'],
  show: ['shown'],
  sink: ['sank', 'sunk'],
  slide: ['slid'],
  spin: ['spun'],
  steal: ['stole', 'stolen'],
  stick: ['stuck'],
  sting: ['stung'],
  strike: ['struck'],
  swear: ['swore', 'sworn'],
  sweep: ['swept'],
  swing: ['swung'],
  tear: ['tore', 'torn'],
  wake: ['woke', 'woken'],
  weep: ['wept'],
  wind: ['wound'],
  withdraw: ['withdrew', 'withdrawn'],
  undertake: ['undertook', 'undertaken'],
  arise: ['arose', 'arisen'],
  awake: ['awoke', 'awoken'],
  spit: ['spat'],
  flee: ['fled'],
  fling: ['flung'],
  forbid: ['forbade', 'forbidden'],
  foresee: ['foresaw', 'foreseen'],
  grind: ['ground'],
  leap: ['leapt'],
  learn: ['learnt'],
  smell: ['smelt'],
  spell: ['spelt'],
  spill: ['spilt'],
  spoil: ['spoilt'],
  dwell: ['dwelt'],
  sew: ['sewn'],
  sow: ['sown'],
  stride: ['strode'],
  strive: ['strove', 'striven'],
  tread: ['trod', 'trodden'],
  weave: ['wove', 'woven'],
  overtake: ['overtook', 'overtaken'],
  rebuild: ['rebuilt'],
  rethink: ['rethought'],
  undo: ['undid', 'undone'],
  oversee: ['oversaw', 'overseen'],
  mislead: ['misled'],
  misunderstand: ['misunderstood'],
  outgrow: ['outgrew', 'outgrown'],
  withhold: ['withheld'],
  uphold: ['upheld'],
  partake: ['partook', 'partaken'],
  beget: ['begot', 'begotten'],
  slay: ['slew', 'slain'],
  shrink: ['shrank', 'shrunk'],
  stink: ['stank', 'stunk'],
  spring: ['sprang', 'sprung'],
  cling: ['clung'],
  creep: ['crept'],
  sweat: ['sweated'],
  speed: ['sped'],
  die: ['dying'],
  tie: ['tying'],
};

/** Irregular plurals and comparatives → base. */
const IRREGULAR_OTHER: Readonly<Record<string, readonly string[]>> = {
  man: ['men'],
  woman: ['women'],
  child: ['children'],
  person: ['people'],
  mouse: ['mice'],
  foot: ['feet'],
  tooth: ['teeth'],
  goose: ['geese'],
  ox: ['oxen'],
  criterion: ['criteria'],
  phenomenon: ['phenomena'],
  analysis: ['analyses'],
  crisis: ['crises'],
  thesis: ['theses'],
  medium: ['media'],
  good: ['better', 'best'],
  well: ['better', 'best'],
  bad: ['worse', 'worst'],
  many: ['more', 'most'],
  much: ['more', 'most'],
  little: ['less', 'least'],
  far: ['further', 'furthest', 'farther', 'farthest'],
};

/**
 * "born" is the participle of "bear" in one narrow sense only; as a query word it means birth, and
 * the dictionaries gloss 生まれる as "to be born".
 */
const SPECIAL: Readonly<Record<string, readonly string[]>> = {
  born: ['be born', 'birth'],
};

/** Words that look inflected and are not: "news" is no plural of "new", "morning" no form of "morn". */
const NOT_INFLECTED = new Set(
  (
    'news series species means lens always perhaps whereas thus towards afterwards sometimes besides yes his hers ' +
    'ours yours theirs its chaos canvas atlas pants scissors glasses clothes thanks goods arms headquarters politics ' +
    'morning evening ceiling wedding pudding during nothing something anything everything thing king ring spring ' +
    'string wing sing bring sibling darling herring shilling awning'
  ).split(' '),
);

/** Words ending in "s" that are not plurals or third persons. */
const NOT_PLURAL = /(?:ss|us|is|ous|ics)$/u;
const VOWEL = /[aeiouy]/u;
const DOUBLED_CONSONANT = /([bcdfghjklmnpqrstvwxz])\1$/u;

/** Inflected form → its bases ("left" → ["leave"]), inverted once from the tables above. */
const IRREGULAR_BASES: ReadonlyMap<string, readonly string[]> = invert([IRREGULAR_VERBS, IRREGULAR_OTHER]);

function invert(tables: ReadonlyArray<Readonly<Record<string, readonly string[]>>>): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const table of tables) {
    for (const [base, forms] of Object.entries(table)) {
      for (const form of forms) bases.set(form, [...(bases.get(form) ?? []), base]);
    }
  }
  return bases;
}

/**
 * Plausible base forms of an English word or short phrase, most likely first, the input itself
 * (lower-cased, possessive dropped) always first. Several candidates are normal: the caller keeps
 * those its dictionary knows. A phrase gets the variant with every word reduced to its first lemma
 * ("was born" → "be born") and the one with only its last word reduced ("power plants" → "power plant").
 *
 * @example lemmaCandidates('stopped') // ['stopped', 'stop']
 */
export function lemmaCandidates(input: string): string[] {
  const words = input.toLowerCase().replace(/[’‘]/gu, "'").trim().split(/\s+/u).filter((word) => word !== '').map(dropPossessive);
  if (words.length === 0) return [];
  if (words.length === 1) return wordCandidates(words[0] ?? '');
  const out = [words.join(' ')];
  const lemmas = words.map((word) => inflectionLemma(word));
  add(out, lemmas.join(' '));
  add(out, [...words.slice(0, -1), lemmas[lemmas.length - 1] ?? ''].join(' '));
  return out;
}

/**
 * The most likely base form of one word from inflection alone, or the word itself: no comparative
 * guess ("power" → "pow") and no special reading ("born" stays, so "was born" → "be born"). The
 * lexicon builder files a gloss such as "restarting" under "restart" with it.
 *
 * @example inflectionLemma('restarting') // 'restart'
 */
export function inflectionLemma(word: string): string {
  if (SPECIAL[word] !== undefined) return word;
  return wordCandidates(word, false)[1] ?? word;
}

function dropPossessive(word: string): string {
  return word.replace(/'s?$/u, '');
}

function add(list: string[], candidate: string): void {
  if (candidate.length >= 2 && VOWEL.test(candidate) && !list.includes(candidate)) list.push(candidate);
}

function wordCandidates(word: string, withComparatives = true): string[] {
  const out = [word];
  for (const special of SPECIAL[word] ?? []) add(out, special);
  const irregular = IRREGULAR_BASES.get(word);
  // An irregular form is not also a regular one: "was" is no plural of "wa".
  if (irregular !== undefined) {
    for (const base of irregular) add(out, base);
    return out;
  }
  if (!/^[a-z][a-z'-]*$/u.test(word) || word.length < 3 || NOT_INFLECTED.has(word)) return out;
  pluralOrThirdPerson(word, out);
  pastOrParticiple(word, out);
  if (withComparatives) comparative(word, out);
  return out;
}

/** companies → company, boxes → box, houses → house, knives → knife, births → birth. */
function pluralOrThirdPerson(word: string, out: string[]): void {
  if (!word.endsWith('s') || NOT_PLURAL.test(word)) return;
  if (word.endsWith('ies') && word.length > 4) {
    add(out, `${word.slice(0, -3)}y`);
    add(out, word.slice(0, -1));
    return;
  }
  if (word.endsWith('ves')) {
    // wolves → wolf, leaves → leaf, but knives → knife, lives → life.
    const stem = word.slice(0, -3);
    const endings = /(?:l|r|ea|ie|oa|oo)$/u.test(stem) ? ['f', 'fe'] : ['fe', 'f'];
    for (const ending of endings) add(out, `${stem}${ending}`);
  }
  if (word.endsWith('es')) {
    const stem = word.slice(0, -2);
    if (/(?:ss|x|z|ch|sh|o)$/u.test(stem)) {
      add(out, stem);
      add(out, word.slice(0, -1));
      return;
    }
  }
  add(out, word.slice(0, -1));
  // buses → bus, gases → gas, after houses → house.
  if (word.endsWith('ses')) add(out, word.slice(0, -2));
}

/** stopped → stop, loved → love, carried → carry, running → run, making → make, called → call. */
function pastOrParticiple(word: string, out: string[]): void {
  let stem: string;
  if (word.endsWith('ied') && word.length > 4) {
    add(out, `${word.slice(0, -3)}y`);
    return;
  }
  if (word.endsWith('ed') && word.length > 3) stem = word.slice(0, -2);
  else if (word.endsWith('ing') && word.length > 5) stem = word.slice(0, -3);
  else return;
  if (!VOWEL.test(stem)) return;
  const doubled = DOUBLED_CONSONANT.exec(stem);
  if (doubled !== null) {
    // stopped → stop; but called → call and passed → pass keep their double letter.
    if (/[lsfz]/u.test(doubled[1] ?? '')) {
      add(out, stem);
      add(out, stem.slice(0, -1));
    } else add(out, stem.slice(0, -1));
    return;
  }
  // A stem ending vowel + single consonant usually lost an "e": loved, used, making, hoping.
  if (/[aeiou][bcdfgkmnprstvz]$/u.test(stem) || /(?:[cgsuv]|[^aeiou][lr]|th)$/u.test(stem)) {
    add(out, `${stem}e`);
    add(out, stem);
  } else {
    add(out, stem);
    add(out, `${stem}e`);
  }
}

/** bigger → big, happier → happy, larger → large, fastest → fast. Tried last: "power" is no comparative. */
function comparative(word: string, out: string[]): void {
  const match = /^(.+?)(er|est)$/u.exec(word);
  if (match === null) return;
  const stem = match[1] ?? '';
  if (stem.length < 2 || !VOWEL.test(stem)) return;
  if (stem.endsWith('i')) {
    add(out, `${stem.slice(0, -1)}y`);
    return;
  }
  const doubled = DOUBLED_CONSONANT.exec(stem);
  if (doubled !== null && !/[lsfz]/u.test(doubled[1] ?? '')) {
    add(out, stem.slice(0, -1));
    return;
  }
  add(out, stem);
  add(out, `${stem}e`);
}

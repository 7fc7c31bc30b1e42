/**
 * The people who speak anywhere in the corpus, one entry per person: the same person in two files
 * (サム・アルマン in one, Sam Altman in another) is one entry answering to every spelling.
 */
import { findCastMember, groupCast, sameSpeaker, type CastMember } from './speaker-aliases.js';
import type { Corpus } from './types.js';

export interface KnownSpeaker {
  /** Canonical name across the corpus. */
  readonly name: string;
  readonly aliases: readonly string[];
  /** The names paragraphs carry for this person (each transcript's canonical spelling). */
  readonly paragraphNames: ReadonlySet<string>;
  /** How many paragraphs are attributed to them. */
  readonly paragraphs: number;
}

/**
 * Everyone the corpus attributes paragraphs to, most paragraphs first.
 *
 * @example speakerDirectory(state.corpus).map((speaker) => speaker.name) // ['イリヤ・サツキーバー', …]
 */
export function speakerDirectory(corpus: Corpus): readonly KnownSpeaker[] {
  // Asked on every autocomplete keystroke and before a reply is deferred: computed once per corpus
  // (a corpus is never changed once read, so the memo cannot go stale).
  const known = directories.get(corpus);
  if (known !== undefined) return known;
  const built = buildDirectory(corpus);
  directories.set(corpus, built);
  return built;
}

const directories = new WeakMap<Corpus, readonly KnownSpeaker[]>();

function buildDirectory(corpus: Corpus): KnownSpeaker[] {
  const members: CastMember[] = corpus.transcripts.flatMap((transcript) => transcript.cast);
  const counts = new Map<string, number>();
  for (const transcript of corpus.transcripts) {
    for (const paragraph of transcript.paragraphs) {
      if (paragraph.speaker !== null) counts.set(paragraph.speaker, (counts.get(paragraph.speaker) ?? 0) + 1);
    }
  }
  // People one transcript told apart though their names match (田中 and 田中健太, both speaking in it)
  // stay apart across the corpus; names it could not link (Kato, 加藤 健一) may still meet by reading.
  const fileOf = new Map(corpus.transcripts.flatMap((transcript) => transcript.cast.map((member) => [member, transcript.file] as const)));
  return groupCast(members, (left, right) => left !== right && fileOf.get(left) === fileOf.get(right) && sameSpeaker(left.name, right.name))
    .map(({ merged, members: made }) => {
      const names = new Set(made.map((member) => member.name));
      const paragraphs = [...names].reduce((sum, name) => sum + (counts.get(name) ?? 0), 0);
      return { name: merged.name, aliases: merged.aliases, paragraphNames: names, paragraphs };
    })
    .filter((speaker) => speaker.paragraphs > 0)
    .sort((a, b) => b.paragraphs - a.paragraphs || a.name.localeCompare(b.name));
}

/**
 * The known speaker a typed name means (any alias, either script, with or without honorific).
 *
 * @example findSpeaker(speakerDirectory(corpus), 'Ilya')?.name // 'イリヤ・サツキーバー'
 */
export function findSpeaker(directory: readonly KnownSpeaker[], typed: string): KnownSpeaker | null {
  return findCastMember(directory, typed);
}

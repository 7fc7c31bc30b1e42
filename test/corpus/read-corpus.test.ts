import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import type { SkippedFile } from '../../src/corpus/types.js';

describe('readCorpus', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corpus-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the good files and logs each bad one once, by name and reason', async () => {
    await writeFile(join(dir, '002_good.txt'), 'マイクロソフトが全力を注ぐ\r\n5,497 文字\r\nほな、ちょっと聞いてや。\r\n');
    await writeFile(join(dir, '001_notes.md'), '# AIの未来\n\n今日はAIについて話します。\n');
    await writeFile(join(dir, '003_empty.txt'), '');
    await writeFile(join(dir, '004_binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
    // 「あいう」 in Shift_JIS.
    await writeFile(join(dir, '005_sjis.txt'), Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x82, 0xa4]));
    // Only a title and boilerplate: nothing to index.
    await writeFile(join(dir, '006_hollow.txt'), '見出し画像\nタイトル\nコメント\n');
    // Not seed files: other extensions and sub-directories are ignored.
    await writeFile(join(dir, 'README.json'), '{}');
    await mkdir(join(dir, 'nested.txt'));

    const events: SkippedFile[] = [];
    const corpus = await readCorpus(dir, (event) => events.push(event));

    expect(corpus.transcripts.map((transcript) => [transcript.file, transcript.title, transcript.paragraphs.length])).toEqual([
      ['001_notes.md', 'AIの未来', 1],
      ['002_good.txt', 'マイクロソフトが全力を注ぐ', 1],
    ]);
    expect(corpus.transcripts[1]?.paragraphs[0]?.id).toBe('002_good.txt:3');
    expect(events).toEqual([
      { file: '003_empty.txt', reason: 'empty file' },
      { file: '004_binary.txt', reason: 'binary file' },
      { file: '005_sjis.txt', reason: 'not UTF-8 text (invalid byte 0x82 at offset 0; looks like Shift_JIS; save the file as UTF-8)' },
      { file: '006_hollow.txt', reason: 'no transcript text (only a title, metadata or boilerplate)' },
    ]);
    expect(corpus.skipped).toEqual(events);
  });

  it('throws a clear error when the directory does not exist', async () => {
    const missing = join(dir, 'no-such-seeds');
    await expect(readCorpus(missing, () => undefined)).rejects.toThrow(`cannot read the seed directory ${missing}: it does not exist`);
  });

  it('throws a clear error when the path is a file', async () => {
    const file = join(dir, 'seeds.txt');
    await writeFile(file, 'テキスト。');
    await expect(readCorpus(file, () => undefined)).rejects.toThrow(`cannot read the seed directory ${file}: it is not a directory`);
  });

  it('returns an empty corpus for an empty directory', async () => {
    expect(await readCorpus(dir, () => undefined)).toEqual({ transcripts: [], skipped: [] });
  });
});

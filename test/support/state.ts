import { attributeSpeakers } from '../../src/corpus/attribute-speakers.js';
import { parseTranscript } from '../../src/corpus/parse-transcript.js';
import type { Corpus } from '../../src/corpus/types.js';
import type { AppState } from '../../src/boot.js';
import { buildRetriever } from '../../src/search/retriever.js';
import { buildTimeline } from '../../src/features/timeline.js';
import type { Analyzer } from '../../src/text/analyze.js';
import type { Tokenizer } from '../../src/text/tokenizer.js';
import { buildGlossary } from '../../src/corpus/glossary/build-glossary.js';

/**
 * An application state over small in-memory transcripts, with the real analyser. The glossary needs
 * kuromoji's parts of speech: pass the analyser's tokenizer to build it, else it is empty.
 */
export function stateFrom(files: Readonly<Record<string, string>>, analyzer: Analyzer, tokenizer?: Tokenizer): AppState {
  const corpus: Corpus = {
    transcripts: Object.entries(files).map(([file, text]) => attributeSpeakers(parseTranscript(file, text))),
    skipped: [],
  };
  const glossary = tokenizer === undefined ? { entries: [], index: new Map() } : buildGlossary(corpus, tokenizer);
  return { corpus, retriever: buildRetriever(corpus, analyzer), glossary, timeline: buildTimeline(corpus) };
}

/** Three short transcripts in the shapes the bot meets: Kansai narration, an article, an interview. */
export const SAMPLE_FILES: Readonly<Record<string, string>> = {
  'a_narration.txt': [
    '電力会社の話やで',
    '',
    'ほな、聞いてや。今週、大きなニュースがあってん。',
    'コンステレーション・エナジーっていう会社が、古い原子力発電所を2028年に再稼働させる予定や。マイクロソフトがその電力を20年間買うんやて。',
    'AIの学習にはめっちゃ電気が要るねん。データセンターが増えとるからな。',
    'チャンネル登録してくれたら嬉しいな。',
  ].join('\n'),
  'b_article.txt': [
    'オープンAIの未来',
    'By Jane Doe · 2024-03-20',
    'サム・アルトマン氏がオープンAIを離れることになった。彼はカリスマ性のあるリーダーだ。',
    '取締役会は声明を発表しなかった。社員の多くは驚いている。',
    'スケーリング則によれば、計算量を増やすほど性能は上がる。',
  ].join('\n'),
  'c_interview.txt': [
    '研究者との対談 2023年3月',
    '',
    '最初の質問です。深層学習がうまくいくと、どうして分かったのですか?',
    '大きなニューラルネットワークを十分なデータで訓練すれば、難しい問題も解けると確信していました。',
    'その研究室には学生が12人いました。',
  ].join('\n'),
};

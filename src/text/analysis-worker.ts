/**
 * A worker thread that analyses a share of a large corpus with its own kuromoji dictionary (see
 * `analyzeAll`). Receives `{ dicPath, texts }`, answers with one Analysis per text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from './analyze.js';
import { loadTokenizer } from './tokenizer.js';

const input: unknown = workerData;
if (parentPort === null || typeof input !== 'object' || input === null) throw new Error('analysis-worker must run as a worker thread');
const { dicPath, texts } = input as { dicPath?: unknown; texts?: unknown };
if (typeof dicPath !== 'string' || !Array.isArray(texts)) throw new Error('analysis-worker needs { dicPath, texts }');
const analyzer = createAnalyzer(await loadTokenizer(dicPath));
parentPort.postMessage(texts.map((text) => analyzer.analyze(typeof text === 'string' ? text : '')));

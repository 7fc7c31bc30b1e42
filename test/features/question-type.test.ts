import { describe, expect, it } from 'vitest';
import { hasAnswerShape, questionType } from '../../src/features/question-type.js';

describe('questionType', () => {
  it.each([
    ['GPT-4が出たのはいつ?', 'time'],
    ['When did OpenAI release GPT-4?', 'time'],
    ['研究室の学生は何人?', 'quantity'],
    ['What share of the staff signed the letter?', 'quantity'],
    ['社員の何割が署名しましたか', 'quantity'],
    ['署名した社員の割合は?', 'quantity'],
    ['AlexNetを作ったのは誰?', 'person'],
    ['なぜ原発を再稼働するのか', 'other'],
  ])('%s asks for a %s', (question, type) => {
    expect(questionType(question)).toBe(type);
  });

  it('recognises the shape of an answer only for the types that have one', () => {
    expect(hasAnswerShape('quantity', '約80%のメンバーが署名した')).toBe(true);
    expect(hasAnswerShape('time', '2023年3月に発表された')).toBe(true);
    expect(hasAnswerShape('other', '2023年3月に発表された')).toBe(false);
  });
});

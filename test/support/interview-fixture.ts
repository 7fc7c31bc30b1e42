/** A labelled interview whose host introduces the guest by full name and the labels carry roles. */
export const ROLE_LABELLED_INTERVIEW = [
  'インタビュー',
  '',
  '佐藤（司会）: 本日は、量子コンピュータを研究されている高橋恵美さんにお話を伺います。',
  '高橋（ゲスト）: よろしくお願いします。高橋です。',
  '佐藤（司会）: まず、研究のきっかけを教えてください。',
  '高橋（ゲスト）: 大学で講義録を読んだのがきっかけです。',
].join('\n');

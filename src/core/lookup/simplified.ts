import * as OpenCC from 'opencc-js/t2cn';

/**
 * Traditional Chinese to simplified, with Taiwan phrases (OpenCC data via opencc-js): 損失函數 → 损失函数,
 * 記憶體 → 内存, 網路 → 网络. The converter is made on first use (about 30 ms); text without Han characters
 * returns as it is.
 */
let convert: ((text: string) => string) | undefined;

const HAN = /\p{Script=Han}/u;

export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  const fn = (convert ??= OpenCC.Converter({ from: 'twp', to: 'cn' }));
  return fn(text);
}

import * as assert from 'node:assert/strict';
import { osLocale, shouldOfferChineseFirst } from '../../src/shared/locale';
import { previewLabels } from '../../src/shared/previewLabels';

describe('Chinese end to end: the preview chrome and the first-run offer', () => {
  it('gives the preview chrome in the display language: every label in both, the Chinese ones in Chinese', () => {
    const en = previewLabels('en');
    const zh = previewLabels('zh');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      assert.ok(en[key].trim(), `en.${key} is empty`);
      assert.doesNotMatch(en[key], /[\u4e00-\u9fff]/, `en.${key} has Chinese`);
      assert.match(zh[key], /[\u4e00-\u9fff]/, `zh.${key} is not Chinese: ${zh[key]}`);
    }
    assert.equal(zh.related, '相关笔记');
    assert.equal(en.onThisPage, 'On this page');
  });

  it('reads the system locale from the environment, LC_ALL first', () => {
    assert.equal(osLocale({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh_cn.utf-8');
    assert.equal(osLocale({ LANG: 'zh_TW.UTF-8' }), 'zh_tw.utf-8');
    assert.equal(osLocale({ LANGUAGE: 'de' }), 'de');
  });

  it('offers Chinese-first once, only for an English VS Code on a Chinese system with the setting on auto', () => {
    const base = { offered: false, displayLanguage: 'auto' as const, vscodeLanguage: 'en', osLocale: 'zh_cn.utf-8' };
    assert.equal(shouldOfferChineseFirst(base), true);
    assert.equal(shouldOfferChineseFirst({ ...base, offered: true }), false, 'only once');
    assert.equal(shouldOfferChineseFirst({ ...base, displayLanguage: 'en' }), false, 'the user chose already');
    assert.equal(shouldOfferChineseFirst({ ...base, displayLanguage: 'zh' }), false);
    assert.equal(shouldOfferChineseFirst({ ...base, vscodeLanguage: 'zh-cn' }), false, 'auto is Chinese already');
    assert.equal(shouldOfferChineseFirst({ ...base, osLocale: 'en_us.utf-8' }), false);
  });
});

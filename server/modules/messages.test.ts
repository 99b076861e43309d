import { describe, expect, it } from 'vitest';
import { defineMessages, formatMessage, placeholdersOf } from '../../core/kernel/messages.ts';
import { renderMessage } from '../kernel/messages.ts';
import { MODULES } from '../module-list.ts';
import { installModules } from './install.ts';

/**
 * Every module's server catalogue (`<module>.messages.ts`, the `messages` field of its
 * definition) says everything in both languages: the same keys, the same `{placeholders}` in
 * each key's two texts, Chinese that is Chinese and English that is not a copy of it. The web
 * side has the same check for its feature files (web/src/i18n/parity.test.ts).
 */

/** Han characters, CJK punctuation (、。「」) and full-width forms (：（）) */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const HAN = /\p{Script=Han}/u;

const catalogues = MODULES.filter((m) => m.messages).map((m) => [m.name, m] as const);

describe('server message catalogues', () => {
  it('the modules that write timeline entries or exports carry a catalogue', () => {
    const names = catalogues.map(([n]) => n);
    for (const m of ['cases', 'crm', 'projects', 'project-tracking', 'intake', 'activities', 'audit']) expect(names).toContain(m);
  });

  it('every registered event type takes its labels and templates from its module catalogue', () => {
    const problems: string[] = [];
    for (const m of MODULES) {
      for (const def of m.eventTypes ?? []) {
        const zh: Record<string, string> = m.messages?.tables['zh-CN'] ?? {};
        const en: Record<string, string> = m.messages?.tables.en ?? {};
        const key = Object.keys(zh).find((k) => k.startsWith('event.') && k.endsWith('.title') && zh[k] === def.templates['zh-CN'].title);
        const prefix = key?.slice(0, -'.title'.length);
        const texts = prefix && {
          labelZh: zh[`${prefix}.label`],
          labelEn: en[`${prefix}.label`],
          templates: {
            'zh-CN': { title: zh[`${prefix}.title`], body: zh[`${prefix}.body`] },
            en: { title: en[`${prefix}.title`], body: en[`${prefix}.body`] },
          },
        };
        if (!texts) problems.push(`${m.name}: ${def.type} has no event.* keys in the catalogue`);
        else expect({ labelZh: def.labelZh, labelEn: def.labelEn, templates: def.templates }).toEqual(texts);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(catalogues)('%s: the catalogue is its own (namespace = module name)', (name, m) => {
    expect(m.messages?.namespace).toBe(name);
  });

  it.each(catalogues)('%s: zh-CN and en have the same keys', (_name, m) => {
    const t = m.messages?.tables;
    expect(Object.keys(t?.en ?? {}).sort()).toEqual(Object.keys(t?.['zh-CN'] ?? {}).sort());
  });

  it.each(catalogues)('%s: each key has the same placeholders in both languages, Chinese in zh-CN and none in en', (_name, m) => {
    const t = m.messages?.tables;
    const zh: Record<string, string> = t?.['zh-CN'] ?? {};
    const en: Record<string, string> = t?.en ?? {};
    const problems: string[] = [];
    for (const [key, zhText] of Object.entries(zh)) {
      const enText = en[key] ?? '';
      if (!CJK.test(zhText)) problems.push(`${key}: the zh-CN text has no Chinese: "${zhText}"`);
      if (enText.trim() === '') problems.push(`${key}: the English text is empty`);
      if (HAN.test(enText)) problems.push(`${key}: the English text has Chinese in it: "${enText}"`);
      const a = placeholdersOf(zhText).join(',');
      // An event's notification parameters are plain values, so where a text differs by
      // language the event has a parameter per language: `{process}` in zh-CN, `{processEn}` in en.
      const enNames = placeholdersOf(enText).map((n) => (key.startsWith('event.') ? n.replace(/(?<=.)En$/, '') : n));
      const b = [...new Set(enNames)].sort().join(',');
      if (a !== b) problems.push(`${key}: placeholders {${a}} in zh-CN but {${b}} in en`);
      if (/\{(?!\w+\})|(?<!\{\w+)\}/.test(zhText + enText)) problems.push(`${key}: a brace that is not a {name} placeholder`);
    }
    expect(problems).toEqual([]);
  });
});

describe('messages', () => {
  const m = defineMessages('demo', {
    'zh-CN': { hello: '你好，{name}（{role}）', plain: '完成' },
    en: { hello: 'Hello, {name} ({role})', plain: 'Done' },
  });

  it('a message carries its namespaced key, its parameters and its text in both languages', () => {
    const msg = m.message('hello', { name: '王五', role: { zh: '客户经理', en: 'account manager' } });
    expect(msg.key).toBe('demo.hello');
    expect(msg.params).toEqual({ name: '王五', role: { zh: '客户经理', en: 'account manager' } });
    expect(msg.text).toEqual({ 'zh-CN': '你好，王五（客户经理）', en: 'Hello, 王五 (account manager)' });
    expect(m.message('plain')).toEqual({ key: 'demo.plain', params: {}, text: { 'zh-CN': '完成', en: 'Done' } });
    expect(m.format('hello', 'en', { name: 'Li', role: 'PM' })).toBe('Hello, Li (PM)');
    expect(m.l10n('plain')).toEqual({ 'zh-CN': '完成', en: 'Done' });
  });

  it('a placeholder without a usable parameter stays visible; numbers are written out', () => {
    expect(formatMessage('{a}-{b}-{c}', { a: 1, c: { nope: true } }, 'zh-CN')).toBe('1-{b}-{c}');
    expect(formatMessage('{toString}', {}, 'en')).toBe('{toString}');
    expect(formatMessage('{a}', null, 'en')).toBe('{a}');
  });

  it('a stored key renders in the reader language once installed; an unknown module or key gives null', () => {
    installModules();
    expect(renderMessage({ key: 'projects.timeline.go', params: {} }, 'en')).toBe('Go/no-go: go ahead');
    expect(renderMessage({ key: 'projects.timeline.go', params: null }, 'zh-CN')).toBe('跟进决策：跟进');
    expect(renderMessage({ key: 'cases.timeline.assigned', params: { assignee: '张三' } }, 'en')).toBe('Handler assigned: 张三');
    expect(renderMessage({ key: 'projects.timeline.nope', params: {} }, 'en')).toBeNull();
    expect(renderMessage({ key: 'nobody.timeline.go', params: {} }, 'en')).toBeNull();
    expect(renderMessage({ key: 'nodot', params: {} }, 'en')).toBeNull();
  });
});

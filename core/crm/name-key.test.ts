import { describe, expect, it } from 'vitest';
import { companyNameKey, editDistance, isSimilarName, nameSimilarity, normalizeText } from './name-key.ts';
import { maskPhone, phoneDigits } from './phone.ts';

describe('company name key', () => {
  it('strips spaces, punctuation, full/half width and legal-form suffixes', () => {
    expect(companyNameKey('杭州海康威视数字技术股份有限公司')).toBe('杭州海康威视数字技术');
    expect(companyNameKey('杭州海康威视数字技术 有限责任公司')).toBe('杭州海康威视数字技术');
    expect(companyNameKey('浙江大华（集团）有限公司')).toBe('浙江大华');
    expect(companyNameKey('中国电信股份有限公司北京分公司')).toBe('中国电信股份有限公司北京');
    expect(companyNameKey('华为技术有限公司')).toBe('华为技术');
    expect(companyNameKey('ＡＢＣ　Ｔｅｃｈ Co., Ltd.')).toBe('abctech');
    expect(companyNameKey('某某控股集团有限公司')).toBe('某某');
    expect(companyNameKey('北京市公安局')).toBe('北京市公安局');
    // never empty: a name that is only a suffix keeps itself
    expect(companyNameKey('公司')).toBe('公司');
    expect(normalizeText('《北京·朝阳》 区')).toBe('北京朝阳区');
  });

  it('finds very similar names and keeps different organisations apart', () => {
    expect(nameSimilarity('华为技术有限公司', '华为技术股份有限公司')).toBe(1);
    expect(isSimilarName('杭州海康威视数字技术股份有限公司', '海康威视')).toBe(true);
    expect(isSimilarName('深圳市腾讯计算机系统有限公司', '深圳市腾讯计算机系统公司')).toBe(true);
    expect(isSimilarName('江苏省南京市第一中学', '江苏省南京市第一中学校')).toBe(true);
    expect(isSimilarName('北京市公安局', '上海市公安局')).toBe(false);
    expect(isSimilarName('华为技术有限公司', '中兴通讯股份有限公司')).toBe(false);
    expect(editDistance('数字技术', '数子技术')).toBe(1);
  });
});

describe('phone numbers', () => {
  it('masks the middle digits and keeps the layout', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('+86 138-1234-1234')).toBe('+86 138-****-1234');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('123')).toBe('****');
    expect(phoneDigits('+86 138-1234-1234')).toBe('8613812341234');
  });
});

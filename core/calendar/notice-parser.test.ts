import { describe, expect, it } from 'vitest';
import { CN_SCHEDULES } from './cn-holidays.ts';
import { parseHolidayNotice } from './notice-parser.ts';
import { expandPeriods } from './working-calendar.ts';
import { checkYearSchedule, workingDaysInYear } from './year-schedule.ts';

// The notices as published (title, document number, items, closing paragraph, signature).
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，根据《国务院关于修改〈全国年节及纪念日放假办法〉的决定》，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2024年11月12日`;

// The 2026 notice pasted as one paragraph (as the admin screen often receives it).
const NOTICE_2026 =
  '国务院办公厅关于2026年部分节假日安排的通知 各省、自治区、直辖市人民政府，国务院各部委、各直属机构：经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。' +
  '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。' +
  '二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。' +
  '三、清明节：4月4日（周六）至6日（周一）放假，共3天。' +
  '四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。' +
  '五、端午节：6月19日（周五）至21日（周日）放假，共3天。' +
  '六、中秋节：9月25日（周五）至27日（周日）放假，共3天。' +
  '七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。' +
  '节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。国务院办公厅 2025年11月4日';

describe('State Council notice parser', () => {
  it.each([
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ])('reproduces the shipped %i schedule exactly', (year, text) => {
    const shipped = CN_SCHEDULES.find((s) => s.year === year);
    expect(shipped).toBeDefined();
    const res = parseHolidayNotice(text, year);
    expect(res.warnings).toEqual([]);
    expect(res.periods.map((p) => ({ name: p.name, from: p.from, to: p.to }))).toEqual(shipped?.off);
    expect(res.holidays).toEqual(expandPeriods(shipped?.off ?? []));
    expect(res.workdays).toEqual(shipped?.workdays);
    for (const p of res.periods) expect(p.days).toBe(p.statedDays ?? p.days);
  });

  it('takes the title and document number as the source', () => {
    expect(parseHolidayNotice(NOTICE_2025, 2025).source).toBe('国务院办公厅关于2025年部分节假日安排的通知 国办发明电〔2024〕12号');
    expect(parseHolidayNotice(NOTICE_2026, 2026).source).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });

  it('warns when the notice is for another year', () => {
    const res = parseHolidayNotice(NOTICE_2026, 2027);
    expect(res.warnings[0]).toEqual({ code: 'year_mismatch', noticeYear: 2026 });
  });

  it('handles 放假1天, 与周末连休 and 补休', () => {
    const res = parseHolidayNotice(
      '一、元旦：1月1日放假1天。\n二、清明节：4月5日放假，与周末连休。\n三、劳动节：5月1日放假，5月4日（星期一）补休。',
      2024,
    );
    expect(res.warnings).toEqual([]);
    expect(res.periods).toEqual([
      { name: '元旦', from: '2024-01-01', to: '2024-01-01', days: 1, statedDays: 1 },
      { name: '清明节', from: '2024-04-05', to: '2024-04-07', days: 3, statedDays: null },
      // 2024-05-01 is a Wednesday: 5-02/5-03 are weekdays, so 补休 on 5-04 is its own period
      { name: '劳动节', from: '2024-05-01', to: '2024-05-01', days: 1, statedDays: null },
      { name: '劳动节', from: '2024-05-04', to: '2024-05-04', days: 1, statedDays: null },
    ]);
    expect(res.holidays).toEqual(['2024-01-01', '2024-04-05', '2024-04-06', '2024-04-07', '2024-05-01', '2024-05-04']);
  });

  it('joins 补休 across a weekend into one period', () => {
    // 2015-04-05 is a Sunday, 04-06 the Monday 补休
    const res = parseHolidayNotice('三、清明节：4月5日放假，4月6日（星期一）补休。', 2015);
    expect(res.periods).toEqual([{ name: '清明节', from: '2015-04-05', to: '2015-04-06', days: 2, statedDays: null }]);
  });

  it('spans months and years and reports dates outside the year', () => {
    const res = parseHolidayNotice('一、元旦：12月30日（周三）至1月1日（周五）放假调休，共3天。12月27日（周日）上班。', 2020);
    expect(res.periods[0]).toMatchObject({ from: '2020-12-30', to: '2021-01-01', days: 3, statedDays: 3 });
    expect(res.holidays).toEqual(['2020-12-30', '2020-12-31']);
    expect(res.workdays).toEqual(['2020-12-27']);
    expect(res.warnings).toEqual([{ code: 'outside_year', item: '元旦', date: '2021-01-01' }]);
  });

  it('warns about a wrong day count, a weekday 上班 and text it cannot place', () => {
    const res = parseHolidayNotice(
      '一、春节：2月15日至23日放假调休，共8天。2月13日（周五）上班。\n二、国庆节：10月1日至7日，共7天。',
      2026,
    );
    expect(res.warnings).toEqual(
      expect.arrayContaining([
        { code: 'days_mismatch', item: '春节', stated: 8, counted: 9 },
        { code: 'workday_not_weekend', item: '春节', date: '2026-02-13' },
        { code: 'unrecognized', item: '国庆节', text: '10月1日至7日' },
      ]),
    );
  });

  it('reads plain lines without item numbers, and full-width digits', () => {
    const res = parseHolidayNotice('端午节：６月１９日至２１日放假，共３天。\n国庆节：10月1日至7日放假调休，共7天。10月10日上班。', 2026);
    expect(res.warnings).toEqual([]);
    expect(res.periods.map((p) => [p.name, p.from, p.to])).toEqual([
      ['端午节', '2026-06-19', '2026-06-21'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ]);
    expect(res.workdays).toEqual(['2026-10-10']);
  });

  it('says so when there is nothing to read', () => {
    expect(parseHolidayNotice('你好', 2026).warnings).toEqual([{ code: 'no_items' }]);
  });
});

describe('year schedule checks', () => {
  it('accepts the shipped years and counts their working days', () => {
    for (const s of CN_SCHEDULES) {
      expect(checkYearSchedule(s.year, expandPeriods(s.off), s.workdays)).toEqual([]);
      expect(workingDaysInYear(s.year, expandPeriods(s.off), s.workdays)).toBe(248);
    }
  });

  it('names each problem', () => {
    expect(
      checkYearSchedule(2026, ['2026-02-15', '2025-12-31', '2026-02-15', '2026-02-30'], ['2026-02-16', '2026-02-15', '2026-02-14']),
    ).toEqual([
      { field: 'holidays', date: '2025-12-31', problem: 'outside_year' },
      { field: 'holidays', date: '2026-02-15', problem: 'duplicate' },
      { field: 'holidays', date: '2026-02-30', problem: 'not_a_date' },
      { field: 'workdays', date: '2026-02-16', problem: 'not_weekend' },
      { field: 'workdays', date: '2026-02-15', problem: 'also_holiday' },
    ]);
  });
});

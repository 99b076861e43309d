/**
 * Statutory holiday schedules as published by the General Office of the State Council
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知). `off` lists every day of the holiday periods
 * (weekends inside them included); `workdays` lists the make-up working days (调休上班).
 * A year that is not here has no schedule: calendar functions refuse it instead of guessing.
 */
export interface HolidaySchedule {
  year: number;
  source: string;
  off: Array<{ name: string; from: string; to: string }>;
  workdays: string[];
}

export const CN_SCHEDULES: HolidaySchedule[] = [
  {
    year: 2025,
    source: '国办发明电〔2024〕12号 国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）',
    off: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    off: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

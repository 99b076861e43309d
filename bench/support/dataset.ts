/**
 * The benchmark data set (bench/support/generate.ts) as its users see it: the sizes (defaults and
 * scaling), the seeded users, the seeding times, and the password of every seeded account.
 */
import type { StageModel } from './stages.ts';

export const BENCH_PASSWORD = 'Bench#2026';

export interface Sizes {
  customers: number;
  /** customers 1…projectCustomers carry the projects, activities and most contacts */
  projectCustomers: number;
  contacts: number;
  partners: number;
  leads: number;
  projects: number;
  activities: number;
}

export const DEFAULT_SIZES: Sizes = {
  customers: 100_000,
  projectCustomers: 20_000,
  contacts: 60_000,
  partners: 500,
  leads: 20_000,
  projects: 100_000,
  activities: 1_000_000,
};

export function scaleSizes(base: Sizes, scale: number): Sizes {
  const s = (n: number) => Math.max(1, Math.round(n * scale));
  const out: Sizes = {
    customers: s(base.customers),
    projectCustomers: s(base.projectCustomers),
    contacts: s(base.contacts),
    partners: s(base.partners),
    leads: s(base.leads),
    projects: s(base.projects),
    activities: s(base.activities),
  };
  out.projectCustomers = Math.min(out.projectCustomers, out.customers);
  return out;
}

/** One seeded user: number, id, username, department number and role code. */
export interface BenchUser {
  n: number;
  id: string;
  username: string;
  displayName: string;
  dept: number;
  deptId: string;
  role: string;
}

export interface SeedTiming {
  table: string;
  rows: number;
  seconds: number;
}

export interface Dataset {
  sizes: Sizes;
  users: BenchUser[];
  stages: StageModel;
  timings: SeedTiming[];
  totalSeconds: number;
}

import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { loadEnvironmentOrExit, ReferenceData, subgraphEnvironment } from '@safeguarding/shared';
import { SchoolPhase, SchoolStatus } from '../school/school.entity';
import { giasColumns, giasPhaseName, giasStatusName } from '../sync/gias';

/**
 * `npm run schools:generate -- <out.csv> [count]`: writes a fictional but realistically shaped
 * GIAS "all establishment data" extract over the real LA codes of data/reference, for tests and
 * benchmarks: by default 50,000 establishments, half open (a few proposed to open or close) and
 * half closed, academies in trusts. Deterministic: the same count gives the same file.
 */
const header = [
  giasColumns.urn,
  giasColumns.laCode,
  giasColumns.laName,
  giasColumns.establishmentNumber,
  giasColumns.name,
  giasColumns.type,
  giasColumns.typeGroup,
  giasColumns.status,
  giasColumns.phase,
  giasColumns.ukprn,
  giasColumns.trustCode,
  giasColumns.trustName,
  giasColumns.postcode,
];

// GIAS type names with their group and the phases they take.
const kinds: ReadonlyArray<{ type: string; group: string; phases: SchoolPhase[]; weight: number; academy: boolean }> = [
  {
    type: 'Community school',
    group: 'Local authority maintained schools',
    phases: [SchoolPhase.PRIMARY, SchoolPhase.SECONDARY],
    weight: 22,
    academy: false,
  },
  {
    type: 'Voluntary aided school',
    group: 'Local authority maintained schools',
    phases: [SchoolPhase.PRIMARY, SchoolPhase.SECONDARY],
    weight: 9,
    academy: false,
  },
  {
    type: 'Voluntary controlled school',
    group: 'Local authority maintained schools',
    phases: [SchoolPhase.PRIMARY],
    weight: 6,
    academy: false,
  },
  {
    type: 'Foundation school',
    group: 'Local authority maintained schools',
    phases: [SchoolPhase.PRIMARY, SchoolPhase.SECONDARY],
    weight: 3,
    academy: false,
  },
  {
    type: 'Local authority nursery school',
    group: 'Local authority maintained schools',
    phases: [SchoolPhase.NURSERY],
    weight: 2,
    academy: false,
  },
  {
    type: 'Academy converter',
    group: 'Academies',
    phases: [SchoolPhase.PRIMARY, SchoolPhase.SECONDARY, SchoolPhase.ALL_THROUGH],
    weight: 24,
    academy: true,
  },
  {
    type: 'Academy sponsor led',
    group: 'Academies',
    phases: [SchoolPhase.PRIMARY, SchoolPhase.SECONDARY],
    weight: 8,
    academy: true,
  },
  {
    type: 'Free schools',
    group: 'Free Schools',
    phases: [SchoolPhase.PRIMARY, SchoolPhase.SECONDARY, SchoolPhase.ALL_THROUGH],
    weight: 3,
    academy: true,
  },
  {
    type: 'Community special school',
    group: 'Special schools',
    phases: [SchoolPhase.NOT_APPLICABLE],
    weight: 3,
    academy: false,
  },
  {
    type: 'Academy special converter',
    group: 'Academies',
    phases: [SchoolPhase.NOT_APPLICABLE],
    weight: 2,
    academy: true,
  },
  {
    type: 'Pupil referral unit',
    group: 'Local authority maintained schools',
    phases: [SchoolPhase.NOT_APPLICABLE],
    weight: 2,
    academy: false,
  },
  {
    type: 'Other independent school',
    group: 'Independent schools',
    phases: [SchoolPhase.NOT_APPLICABLE, SchoolPhase.ALL_THROUGH],
    weight: 10,
    academy: false,
  },
  { type: 'Further education', group: 'Colleges', phases: [SchoolPhase.SIXTEEN_PLUS], weight: 2, academy: false },
  { type: 'Academy 16-19 converter', group: 'Academies', phases: [SchoolPhase.SIXTEEN_PLUS], weight: 1, academy: true },
];
const totalWeight = kinds.reduce((n, k) => n + k.weight, 0);
const places = [
  'Ashford',
  'Beacon',
  'Brook',
  'Castle',
  'Chalk',
  'Church',
  'Down',
  'Elm',
  'Fern',
  'Green',
  'Hill',
  'Kings',
  'Lark',
  'Meadow',
  'Mill',
  'Oak',
  'Park',
  'Queens',
  'River',
  "St Mary's",
  "St John's",
  "St Peter's",
  'Vale',
  'Willow',
  'Wood',
];
const suffixes = ['field', 'side', 'ley', 'ton', 'bridge', 'gate', 'hurst', 'wood', 'combe', 'lands'];
const phaseWord: Record<SchoolPhase, string> = {
  NURSERY: 'Nursery School',
  PRIMARY: 'Primary School',
  MIDDLE_DEEMED_PRIMARY: 'Middle School',
  SECONDARY: 'High School',
  MIDDLE_DEEMED_SECONDARY: 'Middle School',
  ALL_THROUGH: 'All-Through School',
  SIXTEEN_PLUS: 'Sixth Form College',
  NOT_APPLICABLE: 'School',
};
const trustWords = ['Learning', 'Education', 'Academies', 'Schools', 'Multi Academy', 'Collaborative'];

/** mulberry32: a small seeded generator, so the file is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvCell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function generateGiasFile(file: string, count: number, reference: ReferenceData): Promise<void> {
  const next = random(20260301);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const authorities = reference.liveLocalAuthorities;
  const numbers = new Map<string, number>();
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${header.map(csvCell).join(',')}\r\n`);
  const trustCount = Math.max(1, Math.round(count / 20));
  for (let i = 0; i < count; i++) {
    const la = authorities[i % authorities.length]!;
    const establishment = (numbers.get(la.dfeCode) ?? 1999) + 1;
    numbers.set(la.dfeCode, establishment);
    let roll = next() * totalWeight;
    const kind = kinds.find((k) => (roll -= k.weight) < 0) ?? kinds[0]!;
    const phase = pick(kind.phases);
    // Half closed; of the open half, about 2% proposed to close and 1% proposed to open.
    const closed = i % 2 === 1;
    const r = next();
    const status = closed
      ? SchoolStatus.CLOSED
      : r < 0.02
        ? SchoolStatus.PROPOSED_TO_CLOSE
        : r < 0.03
          ? SchoolStatus.PROPOSED_TO_OPEN
          : SchoolStatus.OPEN;
    const trust = kind.academy ? 2000 + Math.floor(next() * trustCount) : null;
    const name = `${pick(places)}${pick(suffixes)} ${kind.type === 'Other independent school' ? 'Independent School' : phaseWord[phase]}`;
    const cells = [
      String(100000 + i),
      la.dfeCode,
      la.name,
      String(establishment),
      name,
      kind.type,
      kind.group,
      giasStatusName[status],
      giasPhaseName[phase],
      next() < 0.7 ? String(10000000 + i) : '',
      trust === null ? '' : String(trust),
      trust === null
        ? ''
        : `The ${places[trust % places.length]} ${trustWords[trust % trustWords.length]} Trust ${trust}`,
      `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i >> 5) % 26))}${1 + (i % 20)} ${i % 10}${String.fromCharCode(65 + ((i >> 3) % 26))}${String.fromCharCode(65 + ((i >> 7) % 26))}`,
    ];
    await write(`${cells.map(csvCell).join(',')}\r\n`);
  }
  out.end();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const [fileArgument, countArgument] = process.argv.slice(2);
  if (!fileArgument) {
    process.stderr.write('usage: npm run schools:generate -- <out.csv> [count]\n');
    process.exit(1);
  }
  const count = countArgument === undefined ? 50_000 : Number(countArgument);
  if (!Number.isInteger(count) || count < 1 || count > 899_999) {
    process.stderr.write('schools:generate: count must be a whole number from 1 to 899999\n');
    process.exit(1);
  }
  const file = path.resolve(process.env['INIT_CWD'] ?? process.cwd(), fileArgument);
  const config = loadEnvironmentOrExit(subgraphEnvironment, 'schools:generate');
  await generateGiasFile(file, count, ReferenceData.load(config.REFERENCE_DATA_DIR));
  process.stdout.write(`wrote ${count} establishments to ${file}\n`);
}

if (require.main === module) void main();

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultReferenceDataDir, demoIds } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

/**
 * The bank holidays are data: BANK_HOLIDAYS_FILE replaces them without a release, and the reviews
 * clocks follow. Here an extra (fictional) bank holiday on Monday 16 November 2026 moves a deadline.
 */
const original = path.join(defaultReferenceDataDir, 'bank-holidays-england-and-wales.json');
let graph: TestGraph;
let directory: string;
beforeAll(async () => {
  const json = JSON.parse(fs.readFileSync(original, 'utf8'));
  json['england-and-wales'].events.push({
    title: 'Fictional extra bank holiday',
    date: '2026-11-16',
    notes: '',
    bunting: false,
  });
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'calendar-'));
  process.env['BANK_HOLIDAYS_FILE'] = path.join(directory, 'bank-holidays.json');
  fs.writeFileSync(process.env['BANK_HOLIDAYS_FILE'], JSON.stringify(json));
  graph = await startGraph({ now: () => new Date('2026-11-22T12:00:00Z') });
});
afterAll(async () => {
  await graph?.stop();
  delete process.env['BANK_HOLIDAYS_FILE'];
  fs.rmSync(directory, { recursive: true, force: true });
});

it('counts a bank holiday added to the configured file', async () => {
  const result = await graph.query<any>(
    `mutation ($input: NotifySeriousIncidentInput!) { notifySeriousIncident(input: $input) { notificationDeadline { due rule } } }`,
    {
      input: {
        partnershipId: demoIds.partnerships.westSussex,
        localAuthorityGssCode: 'E10000032',
        caseReference: 'SI-CAL-1',
        dateAware: '2026-11-14',
        children: [
          {
            reference: 'C',
            ageYears: 1,
            sex: 'MALE',
            ethnicity: 'REFU',
            onChildProtectionPlan: false,
            lookedAfter: false,
          },
        ],
        criteria: { seriousHarm: true, abuseOrNeglectKnownOrSuspected: true },
      },
    },
    { as: 'west-sussex-business-manager' },
  );
  expect(result.errors).toBeUndefined();
  // Sat 14 (day 0); Mon 16 now a holiday; 17 (1) 18 (2) 19 (3) 20 (4) Mon 23 (5). Without the file: Fri 20.
  expect(result.data.notifySeriousIncident.notificationDeadline).toEqual({
    due: '2026-11-23',
    rule: '5 working days after 2026-11-14',
  });
});

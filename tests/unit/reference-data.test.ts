import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultReferenceDataDir, ReferenceData, ReferenceDataError } from '../../shared/src';
import { at, present } from '../support/narrow';

// The files of data/reference as they ship, and replacements an operator might load.
const shipped = ReferenceData.load(defaultReferenceDataDir);

function copyOfReferenceData(change: (directory: string) => void): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'reference-'));
  for (const file of fs.readdirSync(defaultReferenceDataDir))
    fs.copyFileSync(path.join(defaultReferenceDataDir, file), path.join(directory, file));
  change(directory);
  return directory;
}

describe('the shipped reference data', () => {
  it('knows which ICBs and police force overlap each live local authority (Essex overlaps three boards)', () => {
    const essex = present(shipped.partnersOf('E10000012'), 'the partners of Essex (E10000012)');
    expect(essex.integratedCareBoards.map((board) => board.icbOdsCode).sort()).toHaveLength(3);
    expect(essex.policeForceGssCodes.map((code) => shipped.policeForceAreaByGss(code)?.name)).toEqual(['Essex']);
    const shares = essex.integratedCareBoards.map((board) => present(board.share, `the share of ${board.icbOdsCode}`));
    expect(shares.every((share) => share > 0 && share <= 1)).toBe(true);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    for (const la of shipped.liveLocalAuthorities)
      expect(shipped.partnersOf(la.gssCode)?.integratedCareBoards.length).toBeGreaterThan(0);
  });

  it('follows recodes and mergers to one live authority, and a split to several', () => {
    expect(shipped.currentLocalAuthority('E08000016')?.gssCode).toBe('E08000038'); // Barnsley, recoded 2025
    expect(shipped.currentLocalAuthority('E06000028')?.gssCode).toBe('E06000058'); // Bournemouth, merged into BCP
    expect(shipped.currentLocalAuthority('E10000006')).toBeUndefined(); // Cumbria, split
    expect(
      shipped
        .currentLocalAuthorities('E10000006')
        .map((la) => la.name)
        .sort(),
    ).toEqual(['Cumberland', 'Westmorland and Furness']);
    expect(shipped.successionsOf('E10000006').map((s) => [s.change, s.effectiveDate])).toEqual([
      ['split', '2023-04-01'],
      ['split', '2023-04-01'],
    ]);
    expect(shipped.currentLocalAuthority('E10000032')?.gssCode).toBe('E10000032'); // a live code is its own
    expect(shipped.currentLocalAuthority('E99999999')).toBeUndefined();
  });
});

describe('a replacement set loaded from REFERENCE_DATA_DIR', () => {
  it('takes boards with validity dates: one ended by a merger, its successor begun, and any number of boards', () => {
    const directory = copyOfReferenceData((dir) => {
      const file = path.join(dir, 'integrated-care-boards.csv');
      const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
      const dated = rows.map((row, i) => `${row},${i === 0 ? '2022-07-01,2026-03-31' : '2022-07-01,'}`);
      fs.writeFileSync(
        file,
        [
          `${header},valid_from,valid_to`,
          ...dated,
          'QZZ,E54000099,NHS Merged Test Integrated Care Board,2026-04-01,',
        ].join('\n'),
      );
    });
    try {
      const data = ReferenceData.load(directory);
      expect(data.integratedCareBoards).toHaveLength(shipped.integratedCareBoards.length + 1);
      const before = data.integratedCareBoardsOn('2026-03-31').map((icb) => icb.gssCode);
      const after = data.integratedCareBoardsOn('2026-04-01').map((icb) => icb.gssCode);
      expect(before).toContain(at(shipped.integratedCareBoards, 0).gssCode);
      expect(after).not.toContain(at(shipped.integratedCareBoards, 0).gssCode);
      expect(after).toContain('E54000099');
      expect(before).not.toContain('E54000099');
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('is refused whole, naming the file and row, when one file names a code another does not define', () => {
    const directory = copyOfReferenceData((dir) => {
      const file = path.join(dir, 'local-authority-partners.csv');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(',E54000050,QHM,', ',E54000999,QHM,'));
    });
    try {
      expect(() => ReferenceData.load(directory)).toThrow(ReferenceDataError);
      expect(() => ReferenceData.load(directory)).toThrow(
        /local-authority-partners\.csv row 2: integrated care board E54000999 is not in integrated-care-boards\.csv/,
      );
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('is refused, naming the column, when a file lacks one, and naming the value when a change is unknown', () => {
    const missing = copyOfReferenceData((dir) =>
      fs.writeFileSync(path.join(dir, 'local-authority-successions.csv'), 'predecessor_gss_code,successor_gss_code\n'),
    );
    const unknown = copyOfReferenceData((dir) => {
      const file = path.join(dir, 'local-authority-successions.csv');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(',recoded', ',renamed'));
    });
    try {
      expect(() => ReferenceData.load(missing)).toThrow(
        /local-authority-successions\.csv has no column effective_date/,
      );
      expect(() => ReferenceData.load(unknown)).toThrow(/change "renamed" is not one of recoded, merged, split/);
    } finally {
      fs.rmSync(missing, { recursive: true, force: true });
      fs.rmSync(unknown, { recursive: true, force: true });
    }
  });
});

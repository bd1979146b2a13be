import { createHash, randomUUID } from 'node:crypto';

// A fixed namespace for name-based (version 5) UUIDs of statutory organisations.
const statutoryNamespace = 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607';

/** The statutory organisations each subgraph refers to, keyed by their stable official code. */
export type StatutoryOrganisation =
  | { readonly kind: 'LOCAL_AUTHORITY'; readonly dfeCode: string }
  | { readonly kind: 'INTEGRATED_CARE_BOARD'; readonly odsCode: string }
  | { readonly kind: 'POLICE'; readonly gssCode: string };

/**
 * Every subgraph derives the same id for the same statutory organisation without asking the
 * agencies subgraph, so seeds and integrators agree on ids from official codes alone.
 */
export function statutoryOrganisationId(organisation: StatutoryOrganisation): string {
  switch (organisation.kind) {
    case 'LOCAL_AUTHORITY':
      return uuidV5(`local-authority:${organisation.dfeCode}`);
    case 'INTEGRATED_CARE_BOARD':
      return uuidV5(`integrated-care-board:${organisation.odsCode}`);
    case 'POLICE':
      return uuidV5(`police:${organisation.gssCode}`);
  }
}

/** A stable id for demo and reference rows, so a second load finds what the first wrote. */
export function nameBasedId(name: string): string {
  return uuidV5(name);
}

export function newId(): string {
  return randomUUID();
}

function uuidV5(name: string): string {
  const namespace = Buffer.from(statutoryNamespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

import { nameBasedId } from './ids';

/**
 * Ids of the demo (pan-Sussex) records that more than one subgraph refers to. Name-based, so every
 * subgraph's loader writes the same ids and a second start finds them already there.
 */
export const demoIds = {
  partnerships: {
    brightonAndHove: nameBasedId('demo:partnership:brighton-and-hove'),
    eastSussex: nameBasedId('demo:partnership:east-sussex'),
    westSussex: nameBasedId('demo:partnership:west-sussex'),
  },
  agencies: {
    sussexCommunityTrust: nameBasedId('demo:agency:sussex-community-nhs-ft'),
    universityHospitalsSussex: nameBasedId('demo:agency:university-hospitals-sussex-nhs-ft'),
    probationKss: nameBasedId('demo:agency:probation-kss'),
    youthCharity: nameBasedId('demo:agency:downs-youth-trust'),
  },
} as const;

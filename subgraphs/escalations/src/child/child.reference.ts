import { Child } from './child.entity';

export const childKeyReference = {
  // The representation is the whole child here: its key and, for the picture, what other subgraphs hand in.
  __resolveReference: (reference: Record<string, unknown>): Child => Object.assign(new Child(), reference),
};

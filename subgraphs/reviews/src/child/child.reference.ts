import { Child } from './child.entity';

export const childKeyReference = {
  // Nothing to read: the key is the whole child here, and each field opens it.
  __resolveReference: (reference: { key?: unknown }): Child => Child.of(String(reference.key)),
};

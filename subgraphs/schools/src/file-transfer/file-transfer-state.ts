import { ConflictError } from '@safeguarding/shared';
import { FileTransferState } from './file-transfer.entity';

/** What a DSL does to a transfer after recording it. */
export type FileTransferStep = 'SEND' | 'CONFIRM_RECEIPT';

/** The one state each step leads to, from the one state it may be taken in; anything else is refused naming the state. */
export function nextFileTransferState(current: FileTransferState, step: FileTransferStep): FileTransferState {
  switch (current) {
    case FileTransferState.RECORDED:
      if (step === 'SEND') return FileTransferState.SENT;
      throw new ConflictError('The transfer is RECORDED: the file must be marked sent before its receipt is confirmed', { state: current });
    case FileTransferState.SENT:
      if (step === 'CONFIRM_RECEIPT') return FileTransferState.RECEIPT_CONFIRMED;
      throw new ConflictError('The transfer is SENT already', { state: current });
    case FileTransferState.RECEIPT_CONFIRMED:
      throw new ConflictError('The transfer is RECEIPT_CONFIRMED: it is finished', { state: current });
    default: {
      const unknown: never = current;
      throw new ConflictError(`The transfer is in an unknown state ${String(unknown)}`);
    }
  }
}

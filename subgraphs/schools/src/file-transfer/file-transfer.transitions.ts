import { allowedFrom, TransitionRefusedError } from '@safeguarding/shared';
import { FileTransferState } from './file-transfer.entity';

/** What a DSL does to a transfer after recording it. */
export type FileTransferStep = 'SEND' | 'CONFIRM_RECEIPT';

const from: Record<FileTransferStep, readonly FileTransferState[]> = {
  SEND: [FileTransferState.RECORDED],
  CONFIRM_RECEIPT: [FileTransferState.SENT],
};

/** The one state each step leads to, from the one state it may be taken in; anything else is refused naming the state. */
export function nextFileTransferState(current: FileTransferState, step: FileTransferStep): FileTransferState {
  const refuse = (why: string): never => {
    throw new TransitionRefusedError(`The transfer is ${current}${why}`, current, allowedFrom(current, from));
  };
  switch (current) {
    case FileTransferState.RECORDED:
      return step === 'SEND'
        ? FileTransferState.SENT
        : refuse(': the file must be marked sent before its receipt is confirmed');
    case FileTransferState.SENT:
      return step === 'CONFIRM_RECEIPT' ? FileTransferState.RECEIPT_CONFIRMED : refuse(' already');
    case FileTransferState.RECEIPT_CONFIRMED:
      return refuse(': it is finished');
    default: {
      const unhandled: never = current;
      throw new Error(`unhandled file transfer state ${String(unhandled)}`);
    }
  }
}
